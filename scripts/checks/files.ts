// File discovery for the checks: every path under a folder, skipping what never deploys.
import fs from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '__tests__', '.sfdx', '.sf']);

export function walk(dir: string, accept: (file: string) => boolean = () => true): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIP.has(entry.name)) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (accept(full)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

/** 1-based line number of a character offset. */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}
