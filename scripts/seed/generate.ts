// Volume data from a seeded generator: the same spec gives the same records, so a re-run writes nothing and a
// benchmark is repeatable. Spec: "records=100000,seed=7" or "accounts=500,goals=6,risks=3,seed=7,prefix=GEN".
import { UsageError } from '../lib/cli';

export interface GenerateSpec {
  accounts: number;
  goalsPerAccount: number;
  risksPerAccount: number;
  seed: number;
  prefix: string;
}

const LIMIT = 1_000_000;

export function parseGenerateSpec(text: string): GenerateSpec {
  const spec: GenerateSpec = { accounts: 100, goalsPerAccount: 6, risksPerAccount: 3, seed: 1, prefix: 'GEN' };
  let records: number | undefined;
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=').map((p) => p.trim());
    const number = Number(value);
    const whole = Number.isInteger(number) && number >= 0 && number <= LIMIT;
    switch (name) {
      case 'records':
        if (!whole || number < 1)
          throw new UsageError(`--generate records=${value}: give a whole number from 1 to ${LIMIT}`);
        records = number;
        break;
      case 'accounts':
      case 'goals':
      case 'risks':
      case 'seed':
        if (!whole) throw new UsageError(`--generate ${name}=${value}: give a whole number from 0 to ${LIMIT}`);
        if (name === 'accounts') spec.accounts = number;
        else if (name === 'goals') spec.goalsPerAccount = number;
        else if (name === 'risks') spec.risksPerAccount = number;
        else spec.seed = number;
        break;
      case 'prefix':
        if (!value || !/^[A-Za-z0-9-]{1,20}$/.test(value))
          throw new UsageError(`--generate prefix=${value}: 1 to 20 letters, digits or -`);
        spec.prefix = value;
        break;
      default:
        throw new UsageError(
          `--generate: unknown setting "${name}"; use records, accounts, goals, risks, seed, prefix`
        );
    }
  }
  if (records !== undefined)
    spec.accounts = Math.max(1, Math.round(records / (1 + spec.goalsPerAccount + spec.risksPerAccount)));
  return spec;
}

/** mulberry32: tiny, fast and good enough for demo data; the point is determinism, not statistics. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The key of generated account `index`. */
export function generatedAccountKey(prefix: string, seed: number, accounts: number, index: number): string {
  return `${prefix}-${seed}-A${String(index).padStart(String(accounts).length, '0')}`;
}

/** The product's own id for a generated account: what its analytics send, so generated usage exports match it. */
export function generatedProductId(accountKey: string): string {
  return `prod-${accountKey.toLowerCase()}`;
}

/** Seats of generated account `index`: 10 to about 500, most accounts small, as in a real book. */
export function generatedSeats(seed: number, index: number): number {
  const random = seededRandom(seed * 1_000_003 + index);
  return 10 + Math.floor(490 * random() ** 3);
}

const STAGES = ['Onboarding', 'Adoption', 'Value Realization', 'Expansion', 'Renewal'];
const INDUSTRIES = ['Technology', 'Finance', 'Healthcare', 'Manufacturing', 'Retail', 'Education', 'Insurance'];
const COUNTRIES = ['United States', 'United Kingdom', 'Canada', 'Germany', 'France', 'Australia', 'Brazil', 'Japan'];
const NAMES = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Litware',
  'Adatum',
  'Proseware',
  'Woodgrove',
  'Lucerne',
  'Wingtip'
];
const SUFFIXES = ['Systems', 'Labs', 'Health', 'Logistics', 'Capital', 'Foods', 'Energy', 'Media'];
const GOALS = [
  {
    name: 'Cut onboarding time',
    unit: 'days',
    baseline: 90,
    target: 30,
    direction: 'Lower is better',
    change: 'Process'
  },
  {
    name: 'Raise weekly active users',
    unit: '%',
    baseline: 20,
    target: 75,
    direction: 'Higher is better',
    change: 'Product adoption'
  },
  {
    name: 'Reduce support tickets',
    unit: 'tickets/month',
    baseline: 400,
    target: 150,
    direction: 'Lower is better',
    change: 'Product adoption'
  },
  {
    name: 'Train every team lead',
    unit: 'leads',
    baseline: 0,
    target: 40,
    direction: 'Higher is better',
    change: 'People'
  },
  {
    name: 'Automate month-end close',
    unit: 'hours',
    baseline: 120,
    target: 24,
    direction: 'Lower is better',
    change: 'Process'
  }
];
const GOAL_STATUSES = ['Not Started', 'On Track', 'On Track', 'At Risk', 'Achieved', 'Missed'];
const RISK_TEXT = [
  'Executive sponsor leaving',
  'Low adoption in one region',
  'Budget review at renewal',
  'Competitor pilot',
  'Data migration delayed'
];
const RISK_STATUSES = ['Open', 'Mitigating', 'Monitoring', 'Closed'];

/** The plan data (same shape as a plan file) for a spec; accounts are created because the generator owns them. */
export function generatePlanData(spec: GenerateSpec): Record<string, unknown> {
  const random = seededRandom(spec.seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const accounts: Array<Record<string, unknown>> = [];
  const goals: Array<Record<string, unknown>> = [];
  const customerRisks: Array<Record<string, unknown>> = [];
  for (let a = 0; a < spec.accounts; a++) {
    const key = generatedAccountKey(spec.prefix, spec.seed, spec.accounts, a);
    accounts.push({
      key,
      create: true,
      Name: `${pick(NAMES)} ${pick(SUFFIXES)} ${a}`,
      Industry: pick(INDUSTRIES),
      BillingCountry: pick(COUNTRIES),
      NumberOfEmployees: int(20, 20000),
      AnnualRevenue: int(1, 500) * 1_000_000,
      ARR__c: int(10, 2000) * 1000,
      Lifecycle_Stage__c: pick(STAGES),
      Product_Adoption__c: int(5, 98),
      Product_Account_Id__c: generatedProductId(key),
      Licensed_Seats__c: generatedSeats(spec.seed, a),
      Renewal_Date__c: `+${int(10, 400)}d`
    });
    for (let g = 0; g < spec.goalsPerAccount; g++) {
      const shape = pick(GOALS);
      const status = pick(GOAL_STATUSES);
      const start = int(30, 400);
      const progress = status === 'Achieved' ? 1 : status === 'Not Started' ? 0 : random();
      const current = Math.round((shape.baseline + (shape.target - shape.baseline) * progress) * 100) / 100;
      goals.push({
        key: `${key}-G${g}`,
        account: key,
        Name: shape.name,
        Unit__c: shape.unit,
        Baseline__c: shape.baseline,
        Target__c: shape.target,
        Current_Value__c: current,
        Direction__c: shape.direction,
        Change_Type__c: shape.change,
        Status__c: status,
        Start_Date__c: `-${start}d`,
        Target_Date__c: `${start > 180 ? '-' : '+'}${Math.abs(180 - start) + 1}d`,
        ...(status === 'Achieved'
          ? { Achieved_Date__c: `-${int(1, Math.max(1, start - 1))}d`, Value_Realized__c: int(5, 500) * 1000 }
          : {})
      });
    }
    for (let r = 0; r < spec.risksPerAccount; r++) {
      customerRisks.push({
        key: `${key}-R${r}`,
        account: key,
        Name: pick(RISK_TEXT),
        Likelihood__c: int(1, 5),
        Impact__c: int(1, 5),
        Status__c: pick(RISK_STATUSES),
        Due_Date__c: `+${int(5, 120)}d`
      });
    }
  }
  return { accounts, goals, customerRisks };
}
