// The checks `npm run lint` runs bite: an import cycle, arithmetic on business figures in a component, and an export
// or file nothing uses each fail it, and the code they allow passes.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '../../lib/paths';
import { findUnused, type EntryRule } from '../unused';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, filePath) });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('import/no-cycle', () => {
  // Real files: the rule follows imports on disk. A folder of its own under scripts/, removed afterwards.
  const dir = mkdtempSync(path.join(PROJECT_ROOT, 'scripts', 'checks', '__tests__', 'cycle-probe-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('two modules that import each other at run time fail lint', async () => {
    const a = write('a.ts', "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    write('b.ts', "import { a } from './a';\nexport const b = (): number => (a.length > 0 ? 1 : 0);\n");
    const [result] = await eslint.lintFiles([a]);
    assert.deepEqual(
      result.messages.map((m) => m.ruleId),
      ['import/no-cycle']
    );
  });

  test('a type-only import back is no cycle', async () => {
    const c = write('c.ts', "import { d, type D } from './d';\nexport interface C { d: D }\nexport const c = d;\n");
    write('d.ts', "import type { C } from './c';\nexport interface D { c?: C }\nexport const d = 1;\n");
    const [result] = await eslint.lintFiles([c]);
    assert.deepEqual(result.messages, []);
  });
});

describe('cs/no-business-arithmetic', () => {
  const component = 'force-app/main/default/lwc/zzProbe/zzProbe.ts';

  test('a rate, a rounding or a sum of record fields in a component fails lint', async () => {
    const code = [
      'interface Goal { Baseline__c: number; Target__c: number; Current__c: number }',
      'export const progress = (g: Goal): number => ((g.Current__c - g.Baseline__c) / (g.Target__c - g.Baseline__c)) * 100;',
      'export const rounded = (n: number): number => Math.round(n);',
      'export const gap = (g: Goal): number => g.Target__c - g.Current__c;',
      'export const share = (part: number, whole: number): number => part % whole;',
      ''
    ].join('\n');
    const ids = (await ruleIds(code, component)).filter((id) => id === 'cs/no-business-arithmetic');
    // progress: the two field differences, '/' and '*'; rounded: Math.round; gap: one field difference; share: '%'.
    assert.equal(ids.length, 7);
  });

  test('counting and paging stay in components, and successModel may compute', async () => {
    const paging = [
      'export const next = (limit: number, size: number, total: number): number => Math.min(limit + size, total);',
      'export const left = (total: number, shown: number): number => Math.max(0, total - shown);',
      ''
    ].join('\n');
    assert.deepEqual(
      (await ruleIds(paging, component)).filter((id) => id === 'cs/no-business-arithmetic'),
      []
    );
    const formula = 'export const ratio = (a: number, b: number): number => Math.round((a / b) * 100);\n';
    assert.deepEqual(
      (await ruleIds(formula, 'force-app/main/default/lwc/successModel/zzProbe.ts')).filter(
        (id) => id === 'cs/no-business-arithmetic'
      ),
      []
    );
  });
});

describe('check:unused', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'unused-probe-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (name: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'bundler' },
      include: ['src/**/*.ts']
    })
  );
  write('src/main.ts', "import { used } from './lib';\nimport * as all from './all';\nexport default used + all.n;\n");
  write(
    'src/lib.ts',
    'export const used = 1;\nexport const unused = 2;\nexport const inFile = 3;\nexport const alsoUsed = inFile;\nexport type Gone = string;\n'
  );
  write('src/all.ts', 'export const n = 1;\nexport const m = 2;\n');
  write('src/orphan.ts', 'export const nobody = 1;\n');
  const entries: EntryRule[] = [{ test: (f) => f === 'src/main.ts', public: 'default' }];

  test('finds the export nothing uses and the file nothing reaches; used, in-file, namespace and entry exports pass', () => {
    const unused = findUnused(root, path.join(root, 'tsconfig.json'), entries);
    assert.deepEqual(unused.files, ['src/orphan.ts']);
    assert.deepEqual(
      unused.exports.map((e) => `${e.file}:${e.line} ${e.name}`),
      ['src/lib.ts:2 unused', 'src/lib.ts:4 alsoUsed', 'src/lib.ts:5 Gone']
    );
  });

  test('npm run lint runs it', () => {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.match(pkg.scripts.lint, /tsx scripts\/checks\/unused\.ts/);
  });
});
