// npm run bench:model: the successModel's two performance targets on this machine.
//   velocity over 1,000,000 goals across 100,000 accounts: under 1 s
//   health for one account with 10,000 goals: under 5 ms
// Data is generated deterministically (same seed, same book) so runs compare.
import { performance } from 'node:perf_hooks';
import { random } from './random';
import {
  formatDay,
  GOAL_STATUSES,
  goalVelocity,
  healthScore,
  LIFECYCLE_STAGES,
  parseDay,
  velocityTrend,
  type AccountRecord,
  type CustomerGoal,
  type CustomerRisk,
  type FitTier,
  type HealthBandConfig,
  type HealthDimensionConfig
} from '../../force-app/main/default/lwc/successModel/successModel';

const ACCOUNTS = 100_000;
const GOALS = 1_000_000;
const HEALTH_GOALS = 10_000;
const TODAY = '2025-06-30';

function makeBook(): { accounts: AccountRecord[]; goals: CustomerGoal[]; tiers: Map<string, FitTier> } {
  const next = random(42);
  const tierNames: FitTier[] = ['Ideal', 'Good', 'Poor'];
  const accounts: AccountRecord[] = [];
  const tiers = new Map<string, FitTier>();
  for (let a = 0; a < ACCOUNTS; a++) {
    const Id = `001${String(a).padStart(15, '0')}`;
    accounts.push({ Id, Lifecycle_Stage__c: LIFECYCLE_STAGES[a % 5], Product_Adoption__c: Math.floor(next() * 100) });
    tiers.set(Id, tierNames[a % 3]);
  }
  const startDay = parseDay('2023-01-01');
  const goals: CustomerGoal[] = [];
  for (let g = 0; g < GOALS; g++) {
    const start = startDay + Math.floor(next() * 800);
    const status = GOAL_STATUSES[Math.floor(next() * GOAL_STATUSES.length)];
    goals.push({
      Account__c: accounts[Math.floor(next() * ACCOUNTS)].Id,
      Status__c: status,
      Baseline__c: 10,
      Target__c: 50,
      Current_Value__c: Math.floor(next() * 60),
      Start_Date__c: formatDay(start),
      Target_Date__c: formatDay(start + 90 + Math.floor(next() * 180)),
      Achieved_Date__c: status === 'Achieved' ? formatDay(start + Math.floor(next() * 200)) : null,
      Value_Realized__c: status === 'Achieved' ? Math.floor(next() * 50_000) : null
    });
  }
  return { accounts, goals, tiers };
}

const dimensions: HealthDimensionConfig[] = [
  { DeveloperName: 'Goal_Attainment', Weight__c: 30, Active__c: true, Sort_Order__c: 1 },
  { DeveloperName: 'Goal_Timeliness', Weight__c: 20, Active__c: true, Sort_Order__c: 2 },
  { DeveloperName: 'Risk_Exposure', Weight__c: 20, Active__c: true, Sort_Order__c: 3 },
  { DeveloperName: 'Product_Adoption', Weight__c: 20, Active__c: true, Sort_Order__c: 4 },
  { DeveloperName: 'Ideal_Customer_Fit', Weight__c: 10, Active__c: true, Sort_Order__c: 5 }
];
const bands: HealthBandConfig[] = [
  { DeveloperName: 'Healthy', Minimum_Score__c: 70, Variant__c: 'success' },
  { DeveloperName: 'Watch', Minimum_Score__c: 40, Variant__c: 'warning' },
  { DeveloperName: 'At_Risk', Minimum_Score__c: 0, Variant__c: 'error' }
];

/** Median of `runs` timed calls after `warmup` untimed ones, in milliseconds. */
function time(runs: number, warmup: number, fn: () => unknown): { median: number; min: number; max: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], min: samples[0], max: samples[runs - 1] };
}

function report(name: string, result: { median: number; min: number; max: number }, targetMs: number): boolean {
  const ok = result.median < targetMs;
  const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}: median ${fmt(result.median)} ms (min ${fmt(result.min)}, max ${fmt(result.max)}), target < ${targetMs} ms`
  );
  return ok;
}

function main(): void {
  if (process.argv.includes('--help')) {
    console.log(
      'Usage: npm run bench:model\nTimes goal velocity (1,000,000 goals, 100,000 accounts) and health (10,000 goals).'
    );
    return;
  }
  console.log(`Generating ${GOALS.toLocaleString('en')} goals across ${ACCOUNTS.toLocaleString('en')} accounts...`);
  const { accounts, goals, tiers } = makeBook();
  const period = { from: '2024-07-01', to: '2025-06-30', today: TODAY, tiers };

  const results = [
    report(
      'velocity, 12-month period, split by tier and stage',
      time(7, 2, () => goalVelocity(goals, accounts, period)),
      1000
    )
  ];
  // Not a stated target: shown so a regression in the trend path is visible too.
  const trend = time(5, 1, () =>
    velocityTrend(goals, accounts, { ...period, from: '2023-07-01', granularity: 'month' })
  );
  console.log(
    `INFO  velocity trend by month, 24 months: median ${trend.median.toFixed(0)} ms (min ${trend.min.toFixed(0)}, max ${trend.max.toFixed(0)})`
  );

  const accountGoals = goals.slice(0, HEALTH_GOALS).map((goal) => ({ ...goal, Account__c: accounts[0].Id }));
  const risks: CustomerRisk[] = Array.from({ length: 20 }, (_, i) => ({
    Likelihood__c: (i % 5) + 1,
    Impact__c: ((i * 3) % 5) + 1,
    Status__c: i % 4 === 0 ? 'Closed' : 'Open'
  }));
  const input = { account: accounts[0], goals: accountGoals, risks };
  results.push(
    report(
      `health, one account with ${HEALTH_GOALS.toLocaleString('en')} goals`,
      time(50, 10, () => healthScore(input, { dimensions, bands }, TODAY)),
      5
    )
  );
  const sample = goalVelocity(goals, accounts, period).overall;
  console.log(
    `(sanity: ${sample.goalsAchieved} goals achieved by ${sample.customersAchieving} customers, median ${sample.medianDaysToValue} days)`
  );
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

main();
