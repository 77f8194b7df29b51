// The platform deploys JavaScript: each LWC's .ts is compiled to a .js beside it. migrate builds first when any .js
// is missing or older than its .ts, so a stale component can never be deployed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/paths';

export function staleSources(root: string): string[] {
  const lwcDir = path.join(root, 'force-app', 'main', 'default', 'lwc');
  if (!fs.existsSync(lwcDir)) return [];
  const stale: string[] = [];
  for (const bundle of fs.readdirSync(lwcDir, { withFileTypes: true })) {
    if (!bundle.isDirectory()) continue;
    const dir = path.join(lwcDir, bundle.name);
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts') || file.endsWith('.test.ts')) continue;
      const ts = path.join(dir, file);
      const js = ts.replace(/\.ts$/, '.js');
      if (!fs.existsSync(js) || fs.statSync(js).mtimeMs < fs.statSync(ts).mtimeMs) {
        stale.push(path.relative(root, ts).split(path.sep).join('/'));
      }
    }
  }
  return stale;
}

/** `npm run build` for this project; for another root, its own LWC tsconfig with this project's compiler. */
export function runBuild(root: string): void {
  const bin = path.join(PROJECT_ROOT, 'node_modules', '.bin');
  const steps: string[][] =
    path.resolve(root) === PROJECT_ROOT
      ? [
          [path.join(bin, 'tsx'), 'scripts/build/lwcPaths.ts'],
          [path.join(bin, 'tsc'), '-p', 'force-app/main/default/lwc/tsconfig.json']
        ]
      : [[path.join(bin, 'tsc'), '-p', 'force-app/main/default/lwc/tsconfig.json']];
  for (const [command, ...args] of steps) {
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `LWC build failed (${path.basename(command)} ${args.join(' ')}):\n${result.stdout}${result.stderr}`
      );
    }
  }
}
