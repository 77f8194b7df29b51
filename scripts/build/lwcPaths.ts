// Writes tsconfig.lwc-paths.json: one `c/<name>` path per component, because a tsconfig
// `paths` pattern allows a single `*` and `c/foo` has to map to `foo/foo.ts`.
import fs from 'node:fs';
import path from 'node:path';
import { LWC_DIR, PROJECT_ROOT } from '../lib/paths';

export function componentPaths(lwcDir: string = LWC_DIR): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const name of fs.readdirSync(lwcDir).sort()) {
    const entry = path.join(lwcDir, name, `${name}.ts`);
    if (fs.existsSync(entry)) {
      paths[`c/${name}`] = [`./${path.relative(PROJECT_ROOT, entry).split(path.sep).join('/')}`];
    }
  }
  return paths;
}

export function writeLwcPaths(target: string = path.join(PROJECT_ROOT, 'tsconfig.lwc-paths.json')): boolean {
  // jest-helpers/* is the shared test helper folder, mapped the same way in jest.config.js.
  const paths = { ...componentPaths(), 'jest-helpers/*': ['./jest/helpers/*'] };
  const content = `${JSON.stringify({ compilerOptions: { paths } }, null, 2)}\n`;
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === content) return false;
  fs.writeFileSync(target, content);
  return true;
}

if (require.main === module) {
  writeLwcPaths();
}
