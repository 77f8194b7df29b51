// The demo book's usage as an event export: the accounts of data/demo-plan.yaml (their product account ids and
// seats, their typed adoption as the share of seats active now, growing in onboarding and fading at renewal), a
// seeded generator, eight complete weeks ending on a Sunday. `npm run usage:sample` rewrites data/usage-sample.csv
// (ending last Sunday, or --end); `npm start` writes a fresh one for the current weeks and loads it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../lib/paths';
import { lastSunday, writeDemoEvents, type DemoAccount } from './generate';

export const DEMO_PLAN = path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml');
export const SAMPLE_EXPORT = path.join(PROJECT_ROOT, 'data', 'usage-sample.csv');
const WEEKS = 8;

export function demoAccounts(plan = DEMO_PLAN): DemoAccount[] {
  const data = parse(readFileSync(plan, 'utf8')) as { accounts?: Array<Partial<DemoAccount>> };
  return (data.accounts ?? []).filter(
    (a): a is DemoAccount => typeof a.Product_Account_Id__c === 'string' && typeof a.Licensed_Seats__c === 'number'
  );
}

/** Writes the demo export ending on `end` (a Sunday); returns the events written. */
export function writeSample(file: string, end: string): number {
  const accounts = demoAccounts();
  // About one and a half events per active user a week, so every active user shows up.
  const userWeeks = accounts.reduce((sum, a) => sum + a.Licensed_Seats__c * ((a.Product_Adoption__c ?? 50) / 100), 0);
  const events = Math.round(userWeeks * WEEKS * 1.6);
  return writeDemoEvents(
    accounts,
    { accounts: accounts.length, events, weeks: WEEKS, seed: 2026, prefix: 'DEMO', end, format: 'csv' },
    file
  );
}

if (require.main === module) {
  const at = process.argv.indexOf('--end');
  const end = at > 0 ? process.argv[at + 1] : lastSunday(new Date().toISOString().slice(0, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end) || new Date(`${end}T00:00:00Z`).getUTCDay() !== 0) {
    process.stderr.write(`--end ${end}: give a Sunday as YYYY-MM-DD\n`);
    process.exitCode = 2;
  } else {
    const written = writeSample(SAMPLE_EXPORT, end);
    process.stdout.write(
      `Wrote ${written} events for ${demoAccounts().length} demo accounts, ${WEEKS} weeks to ${end}: ${path.relative(process.cwd(), SAMPLE_EXPORT)}\n`
    );
  }
}
