// npm run docs:data-model [-- --check]: writes docs/data-model.md from force-app, or with --check exits 1 when the
// committed file differs from what force-app would produce.
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/paths';
import { readDataModel } from './forceAppModel';
import { DOC_PATH, formatDoc, renderDataModelDoc } from './renderDoc';

const USAGE = `Usage: npm run docs:data-model -- [--check] [--help]

Writes ${DOC_PATH} from the objects, fields, rules, permission sets and custom metadata in force-app.
  --check   write nothing; exit 1 if ${DOC_PATH} is stale
Exit codes: 0 done or up to date, 1 stale, 2 bad usage or unreadable metadata.`;

/** The document force-app produces today. */
export async function expectedDataModelDoc(root: string = PROJECT_ROOT): Promise<string> {
  const model = readDataModel(path.join(root, 'force-app', 'main', 'default'), root);
  return formatDoc(renderDataModelDoc(model), root);
}

export async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => !['--check', '--help', '-h'].includes(a));
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (unknown.length > 0) {
    process.stderr.write(`Unknown option ${unknown.join(' ')}\n${USAGE}\n`);
    return 2;
  }
  let expected: string;
  try {
    expected = await expectedDataModelDoc();
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const file = path.join(PROJECT_ROOT, DOC_PATH);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (argv.includes('--check')) {
    if (current === expected) return 0;
    process.stderr.write(`${DOC_PATH} is stale: run npm run docs:data-model and commit the result\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, expected);
  process.stdout.write(`${current === expected ? 'Unchanged' : 'Wrote'} ${DOC_PATH}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(2);
    }
  );
}
