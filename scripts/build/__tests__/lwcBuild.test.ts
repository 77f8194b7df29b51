import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { PROJECT_ROOT } from '../../lib/paths';
import { compileBundles, compileModule } from '../compileCheck';

const COMPONENT = `import { LightningElement, api } from 'lwc';
export default class Tile extends LightningElement {
  @api title: string | undefined;
}
`;

describe('npm run build output', () => {
  it('is accepted by the LWC compiler for every bundle', () => {
    execFileSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        'force-app/main/default/lwc/tsconfig.json'
      ],
      {
        cwd: PROJECT_ROOT,
        stdio: 'pipe'
      }
    );
    const { bundles, files, problems } = compileBundles();
    assert.deepEqual(problems, []);
    assert.ok(bundles >= 2 && files >= bundles, `compiled ${files} files in ${bundles} bundles`);
  });

  it('rejects output from tsc settings that rewrite decorators (experimentalDecorators)', () => {
    const bad = ts.transpileModule(COMPONENT, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, experimentalDecorators: true, useDefineForClassFields: false }
    }).outputText;
    const problem = compileModule(bad, 'tile.js', 'tile');
    assert.ok(problem, 'the LWC compiler accepted rewritten decorators');
    assert.match(problem.message, /LWC1\d{3}|decorator/i);
  });

  it('accepts the same component compiled with the project settings', () => {
    const good = ts.transpileModule(COMPONENT, {
      compilerOptions: { target: ts.ScriptTarget.ESNext, experimentalDecorators: false, useDefineForClassFields: true }
    }).outputText;
    assert.equal(compileModule(good, 'tile.js', 'tile'), undefined);
  });
});
