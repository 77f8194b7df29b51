// npm run check:metadata — the offline gate for what cannot be deployed here.
// Runs six checks over force-app and prints every finding with file, line and element.
// Exit 0 when clean, 1 when anything was found, 2 on bad usage.
import { PROJECT_ROOT } from '../lib/paths';
import { checkApex, loadApex } from './apex';
import { checkConversion } from './convert';
import { formatFinding, type Finding } from './findings';
import { checkPmd } from './pmd';
import { checkReferences } from './references';
import { checkViewModels } from './viewModels';
import { checkXml } from './xml';

export interface CheckReport {
  findings: Finding[];
  summary: string[];
}

export async function runChecks(root: string = PROJECT_ROOT, options: { pmd?: boolean } = {}): Promise<CheckReport> {
  const summary: string[] = [];
  const findings: Finding[] = [];
  const timed = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const started = Date.now();
    const result = await run();
    summary.push(`${name} (${Date.now() - started} ms)`);
    return result;
  };

  const xml = await timed('1. XML well-formed', () => checkXml(root));
  findings.push(...xml);
  const conversion = await timed('2. source-deploy-retrieve conversion', () => checkConversion(root));
  findings.push(...conversion.findings);
  summary[summary.length - 1] += `: ${conversion.components} components`;
  const units = loadApex(root);
  findings.push(...(await timed('3. Apex parses, with sharing, WITH USER_MODE', () => checkApex(root, units))));
  if (options.pmd !== false) {
    const pmd = await timed('4. PMD security and AppExchange rules', () => checkPmd(root));
    findings.push(...pmd.findings);
    summary[summary.length - 1] += `: ${pmd.rules} rules over ${pmd.files} Apex files`;
  }
  findings.push(...(await timed('5. cross-references and permission grants', () => checkReferences(root, units))));
  findings.push(
    ...(await timed('6. Apex view-models match their TypeScript types', () => checkViewModels(root, units)))
  );
  return { findings, summary };
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => !['--json', '--no-pmd', '--help'].includes(a));
  if (argv.includes('--help') || unknown.length) {
    console.error('usage: npm run check:metadata -- [--json] [--no-pmd]');
    return unknown.length ? 2 : 0;
  }
  const report = await runChecks(PROJECT_ROOT, { pmd: !argv.includes('--no-pmd') });
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const line of report.summary) console.log(`  ${line}`);
    for (const finding of report.findings) console.error(formatFinding(finding));
    console.log(
      report.findings.length ? `check:metadata: ${report.findings.length} problem(s)` : 'check:metadata: clean'
    );
  }
  return report.findings.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`check:metadata failed to run: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(2);
    }
  );
}
