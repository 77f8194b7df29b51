// A lock on single rows inside a composite write, as a busy org answers it: the row comes back UNABLE_TO_LOCK_ROW
// while the rest of the call succeeds. The seed retries only those rows (and the children of a locked parent, which
// fail because their parent is not there yet), with no duplicate, no loss, and one journal line per record.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runSeed } from '../seed';
import { withDeployedOrg, type SeededOrg } from './orgFixture';

interface Line {
  t: string;
  o?: string;
  k?: string;
  s?: string;
  code?: string;
}

describe('seed: per-record UNABLE_TO_LOCK_ROW inside a composite', () => {
  let org: SeededOrg;
  let cwd: string;
  withDeployedOrg('seed-lock', (fixture) => ({ org, cwd } = fixture));

  async function keys(object: string, field: string): Promise<string[]> {
    const result = await org
      .connection()
      .query<Record<string, string>>(`SELECT ${field} FROM ${object} WHERE ${field} LIKE 'LOCK-%' ORDER BY ${field}`);
    return result.records.map((r) => r[field]);
  }

  test('retries the locked rows only: no duplicate, no loss, the journal holds each final outcome once', async () => {
    // 3 accounts, 2 goals and 1 risk each: 12 records, one composite of three collections.
    // A goal is locked once; an account is locked once, so its goals and risk fail on their missing parent too.
    org.org.faults.inject({
      kind: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Customer_Goal__c', externalId: 'LOCK-5-A1-G0' },
      times: 1
    });
    org.org.faults.inject({
      kind: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Account', externalId: 'LOCK-5-A2' },
      times: 1
    });
    const delays: number[] = [];
    let out = '';
    let err = '';
    const writesBefore = org.org.counters()['POST /composite'] ?? 0;
    const code = await runSeed({
      argv: [
        '--instance-url',
        org.org.instanceUrl,
        '--generate',
        'accounts=3,goals=2,risks=1,seed=5,prefix=LOCK',
        '--journal',
        'lock.jsonl',
        '--json'
      ],
      env: org.env,
      cwd,
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      now: () => new Date('2026-03-01T12:00:00Z'),
      retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5, baseMs: 100 }
    });
    org.org.faults.clear();
    assert.equal(code, 0, err);
    assert.equal(delays.length, 1, 'one back-off round for the locked rows');
    // The locked goal, the locked account, and that account's two goals and one risk.
    assert.match(err, /retry 1: 5 record\(s\) locked or waiting on a locked parent/);

    const report = JSON.parse(out) as { counts: Record<string, { created: number }>; failures: unknown[] };
    assert.deepEqual(report.failures, []);
    assert.deepEqual(Object.fromEntries(Object.entries(report.counts).map(([o, c]) => [o, c.created])), {
      Account: 3,
      Customer_Goal__c: 6,
      Customer_Risk__c: 3
    });
    // Everything in the org exactly once.
    assert.deepEqual(await keys('Account', 'Success_Key__c'), ['LOCK-5-A0', 'LOCK-5-A1', 'LOCK-5-A2']);
    assert.deepEqual(await keys('Customer_Goal__c', 'Goal_Key__c'), [
      'LOCK-5-A0-G0',
      'LOCK-5-A0-G1',
      'LOCK-5-A1-G0',
      'LOCK-5-A1-G1',
      'LOCK-5-A2-G0',
      'LOCK-5-A2-G1'
    ]);
    assert.deepEqual(await keys('Customer_Risk__c', 'Customer_Risk_Key__c'), [
      'LOCK-5-A0-R0',
      'LOCK-5-A1-R0',
      'LOCK-5-A2-R0'
    ]);
    // Two write calls: the first with the locks, the retry with the five rows only.
    const calls = (org.org.counters()['POST /composite'] ?? 0) - writesBefore;
    assert.ok(calls >= 2, `expected the first write and a retry, saw ${calls} composite calls`);

    const lines = readFileSync(path.join(cwd, 'lock.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line)
      .filter((l) => l.t === 'out');
    const byKey = new Map<string, Line[]>();
    for (const line of lines) byKey.set(String(line.k), [...(byKey.get(String(line.k)) ?? []), line]);
    assert.equal(byKey.size, 12);
    for (const [key, found] of byKey) {
      assert.deepEqual(
        found.map((l) => l.s),
        ['created'],
        `${key}: one final outcome`
      );
    }
    assert.ok(!lines.some((l) => l.code === 'UNABLE_TO_LOCK_ROW'), 'a lock that was retried away is not a failure');
    // The retried rows come last: they were journaled after the retry round.
    assert.deepEqual(
      lines
        .slice(-5)
        .map((l) => l.k)
        .sort(),
      ['LOCK-5-A1-G0', 'LOCK-5-A2', 'LOCK-5-A2-G0', 'LOCK-5-A2-G1', 'LOCK-5-A2-R0']
    );
  });
});
