// Runs the platform's own LWC compiler over what `npm run build` wrote, so output the
// platform would reject (decorators rewritten by tsc, bad templates) fails here, not at deploy.
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import { LWC_DIR } from '../lib/paths';

export interface CompileProblem {
  file: string;
  message: string;
}

export function compileModule(source: string, file: string, name: string): CompileProblem | undefined {
  try {
    const result = transformSync(source, path.basename(file), { namespace: 'c', name });
    const errors = (result.warnings ?? []).filter((w) => w.level === 0 || w.level === 1);
    if (errors.length) return { file, message: errors.map((e) => e.message).join('; ') };
    return undefined;
  } catch (error) {
    return { file, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Compiles every bundle's generated .js and its templates and styles; a missing .js is a problem too. */
export function compileBundles(lwcDir: string = LWC_DIR): {
  bundles: number;
  files: number;
  problems: CompileProblem[];
} {
  const problems: CompileProblem[] = [];
  let bundles = 0;
  let files = 0;
  for (const name of fs.readdirSync(lwcDir).sort()) {
    const dir = path.join(lwcDir, name);
    if (!fs.existsSync(path.join(dir, `${name}.js-meta.xml`))) continue;
    bundles++;
    const entries = fs.readdirSync(dir).filter((f) => /\.(ts|js|html|css)$/.test(f) && !f.endsWith('.d.ts'));
    for (const entry of entries) {
      if (entry.endsWith('.ts')) {
        const js = entry.replace(/\.ts$/, '.js');
        if (!entries.includes(js))
          problems.push({ file: path.join(dir, entry), message: `no ${js} beside it: run npm run build` });
        continue;
      }
      files++;
      const file = path.join(dir, entry);
      const problem = compileModule(fs.readFileSync(file, 'utf8'), file, name);
      if (problem) problems.push(problem);
    }
  }
  return { bundles, files, problems };
}
