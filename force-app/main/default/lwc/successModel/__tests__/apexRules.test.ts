// The Apex controllers cannot import successModel, so where their SOQL applies one of its rules, the constant they
// filter with is read out of the Apex source and compared with successModel's.
import fs from 'node:fs';
import path from 'node:path';
import { DAYS_TO_VALUE_RANGES, FINISHED_GOAL_STATUSES } from 'c/successModel';

const CLASSES = path.resolve(__dirname, '../../../classes');

/** Every `NAME = new List<..>{ ... }` / `new Set<..>{ ... }` initializer of the constant in any class. */
function apexConstants(name: string): string[][] {
  const found: string[][] = [];
  for (const file of fs.readdirSync(CLASSES).filter((f) => f.endsWith('.cls'))) {
    const source = fs.readFileSync(path.join(CLASSES, file), 'utf8');
    const pattern = new RegExp(`\\b${name}\\s*=\\s*new\\s+(?:List|Set)<\\w+>\\s*\\{([^}]*)\\}`, 'g');
    for (const match of source.matchAll(pattern)) {
      found.push(
        match[1]
          .split(',')
          .map((item) => item.trim().replace(/^'(.*)'$/, '$1'))
          .filter((item) => item !== '')
      );
    }
  }
  return found;
}

describe('rules the Apex SOQL shares with successModel', () => {
  it('filters open and overdue goals with the statuses that finish a goal in successModel', () => {
    const lists = apexConstants('FINISHED_GOAL_STATUSES');
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect([...list].sort()).toEqual([...FINISHED_GOAL_STATUSES].sort());
    expect(apexConstants('OPEN_GOAL_STATUSES')).toEqual([]);
  });

  it('counts days to value in the ranges successModel interpolates', () => {
    const lists = apexConstants('DAY_BUCKETS');
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) expect(list.map(Number)).toEqual([...DAYS_TO_VALUE_RANGES]);
  });

  it('reads a constant it can find, and finds none that does not exist', () => {
    expect(apexConstants('NO_SUCH_CONSTANT')).toEqual([]);
  });
});
