// Writes tsconfig.lwc-paths.json: one `c/<name>` path per component, because a tsconfig
// `paths` pattern allows a single `*` and `c/foo` has to map to `foo/foo.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { LWC_DIR, PROJECT_ROOT } from '../lib/paths';

export function componentPaths(lwcDir: string = LWC_DIR, namespace = 'c'): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  if (!fs.existsSync(lwcDir)) return paths;
  for (const name of fs.readdirSync(lwcDir).sort()) {
    const entry = path.join(lwcDir, name, `${name}.ts`);
    if (fs.existsSync(entry)) {
      paths[`${namespace}/${name}`] = [`./${path.relative(PROJECT_ROOT, entry).split(path.sep).join('/')}`];
    }
  }
  return paths;
}

/** The local preview's own shell components live in the `shell` namespace. */
export const SHELL_DIR = path.join(PROJECT_ROOT, 'preview', 'modules', 'shell');

export function writeLwcPaths(target: string = path.join(PROJECT_ROOT, 'tsconfig.lwc-paths.json')): boolean {
  // jest-helpers/* is the shared test helper folder, mapped the same way in jest.config.js.
  const paths = { ...componentPaths(), ...componentPaths(SHELL_DIR, 'shell'), 'jest-helpers/*': ['./jest/helpers/*'] };
  const content = `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`;
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === content) return false;
  fs.writeFileSync(target, content);
  return true;
}

if (require.main === module) {
  writeLwcPaths();
}
