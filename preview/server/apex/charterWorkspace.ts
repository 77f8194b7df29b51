// Preview implementation of CharterWorkspaceController.getWorkspace: the controller's own queries (read out of its
// source, one per object in source order), the same charter selection, period rules and shaping into WorkspaceData.
// Like the Apex, it does no arithmetic beyond unpacking aggregate values: successModel computes in the browser.
import type { ApexTransaction } from './governor';
import type { WorkspaceData } from '../../../force-app/main/default/lwc/charterWorkspace/workspaceTypes';
import type {
  AchievedRow,
  DaysBucketRow,
  DueRow,
  ObjectiveCountRow,
  ProgramAggregates,
  RevenueRow,
  StageCountRow
} from '../../../force-app/main/default/lwc/successModel/program';
import { ControllerQueries, type BindValue } from './controllerQueries';

let queries: ControllerQueries | undefined;
const controller = () => (queries ??= new ControllerQueries('CharterWorkspaceController'));

type Aggregate = Record<string, unknown>;
type Params = { charterId?: string | null };

/** Apex `Integer.valueOf` / `(Decimal)` over an AggregateResult value, null as 0 (toInteger, toDecimal). */
const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const toText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Apex objects reach components without their null properties (the Aura serializer drops them). */
function compact<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/** Apex Date arithmetic on 'YYYY-MM-DD': `asOf.toStartOfMonth().addMonths(n)`. */
function startOfMonthPlus(isoDate: string, months: number): string {
  const [year, month] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
}

/** `new Map<Id, SObject>(records).keySet()`. */
const ids = (records: Array<{ Id?: string | null }>): string[] =>
  records.flatMap((record) => (record.Id ? [record.Id] : []));

function checkDate(today: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(today) && new Date(`${today}T00:00:00Z`).toISOString().startsWith(today);
  if (!valid) throw new Error(`The preview's today must be a date (YYYY-MM-DD), not ${today}`);
  return today;
}

export async function getWorkspace(tx: ApexTransaction, params: Params, today: string): Promise<WorkspaceData> {
  const q = controller();
  const charterId = params.charterId ?? null;
  // What Lightning answers when a component passes something that is not an Id to an Id parameter.
  if (charterId !== null && !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(charterId)) {
    throw new Error("Value provided is invalid for action parameter 'charterId' of type 'Id'");
  }
  const asOf = checkDate(today);
  const periodStart = startOfMonthPlus(asOf, 1 - Number(q.constant('PERIOD_MONTHS')));

  // Success_Charter__c #1 is activeCharter(), #2 charterById().
  const charters =
    charterId === null
      ? await q.run<NonNullable<WorkspaceData['charter']>>(tx, 'Success_Charter__c', {}, 0)
      : await q.run<NonNullable<WorkspaceData['charter']>>(tx, 'Success_Charter__c', { charterId }, 1);
  const charter = charters[0] ?? null;

  const [parts, config] = await Promise.all([
    charter?.Id ? loadParts(tx, q, charter.Id) : emptyParts(),
    loadConfig(tx, q)
  ]);
  const program = await loadProgram(tx, q, { date: periodStart }, { date: asOf }, ids(parts.objectives));
  const customers = await loadCustomers(tx, q, program.accountsByStage);
  return { asOf, periodStart, periodEnd: asOf, charter, ...parts, program, customers, config };
}

type Parts = Pick<
  WorkspaceData,
  'objectives' | 'roles' | 'milestones' | 'risks' | 'riskAccounts' | 'riskAccountCounts'
>;

const emptyParts = (): Parts => ({
  objectives: [],
  roles: [],
  milestones: [],
  risks: [],
  riskAccounts: [],
  riskAccountCounts: []
});

async function loadParts(tx: ApexTransaction, q: ControllerQueries, charterId: string): Promise<Parts> {
  const [objectives, roles, milestones, risks] = await Promise.all([
    q.run<WorkspaceData['objectives'][number]>(tx, 'Charter_Objective__c', { charterId }),
    q.run<WorkspaceData['roles'][number]>(tx, 'Charter_Role__c', { charterId }),
    q.run<WorkspaceData['milestones'][number]>(tx, 'Charter_Milestone__c', { charterId }),
    q.run<WorkspaceData['risks'][number]>(tx, 'Charter_Risk__c', { charterId })
  ]);
  const riskIds = ids(risks);
  // `IN :riskIds` over an empty set matches nothing in Apex; SOQL text has no empty list, so skip the round trip.
  if (!riskIds.length) return { objectives, roles, milestones, risks, riskAccounts: [], riskAccountCounts: [] };
  // Customer_Risk__c #1 is the worst 1,000 accounts per risk, #2 the complete count per risk.
  const [riskAccounts, counts] = await Promise.all([
    q.run<WorkspaceData['riskAccounts'][number]>(tx, 'Customer_Risk__c', { riskIds }, 0),
    q.run<Aggregate>(tx, 'Customer_Risk__c', { riskIds }, 1)
  ]);
  const riskAccountCounts = counts.map((row) => ({ riskId: String(row.riskId), accounts: toNumber(row.customers) }));
  return { objectives, roles, milestones, risks, riskAccounts, riskAccountCounts };
}

function achievedRow(row: Aggregate): AchievedRow {
  return { goals: toNumber(row.n), accounts: toNumber(row.customers), value: toNumber(row.amount) };
}

async function loadProgram(
  tx: ApexTransaction,
  q: ControllerQueries,
  periodStart: BindValue,
  asOf: BindValue,
  objectiveIds: string[]
): Promise<ProgramAggregates> {
  const period = { periodStart, asOf };
  const FINISHED_GOAL_STATUSES = q.constant('FINISHED_GOAL_STATUSES') as string[];
  const buckets = (q.constant('DAY_BUCKETS') as number[]).map((lower, i, all) => {
    const isLast = i === all.length - 1;
    return { lower, isLast, upper: isLast ? Number(q.constant('NO_UPPER_BOUND')) : all[i + 1] };
  });
  // Customer_Goal__c #1 achieved by stage, #2 achieved by month, #3 due by stage and month, #4 one days-to-value
  // range by stage and month (run once per range, as the Apex loop does), #5 achieved and #6 due by change type,
  // #7-#10 the same figures per charter objective, #11 the customer sample's goals.
  const [byStage, achieved, byMonth, due, days, revenue, achievedChange, dueChange, objectives] = await Promise.all([
    q.run<Aggregate>(tx, 'Account', {}, 0),
    q.run<Aggregate>(tx, 'Customer_Goal__c', period, 0),
    q.run<Aggregate>(tx, 'Customer_Goal__c', period, 1),
    q.run<Aggregate>(tx, 'Customer_Goal__c', { ...period, FINISHED_GOAL_STATUSES }, 2),
    Promise.all(
      buckets.map((bucket) =>
        q.run<Aggregate>(tx, 'Customer_Goal__c', { ...period, lower: bucket.lower, upper: bucket.upper }, 3)
      )
    ),
    q.run<Aggregate>(tx, 'Opportunity', period, 0),
    q.run<Aggregate>(tx, 'Customer_Goal__c', period, 4),
    q.run<Aggregate>(tx, 'Customer_Goal__c', { ...period, FINISHED_GOAL_STATUSES }, 5),
    // `IN :objectiveIds` over no objectives matches nothing, and the Apex skips these queries.
    objectiveIds.length
      ? Promise.all([
          q.run<Aggregate>(tx, 'Customer_Goal__c', { objectiveIds }, 6),
          q.run<Aggregate>(tx, 'Customer_Goal__c', { ...period, objectiveIds }, 7),
          q.run<Aggregate>(tx, 'Customer_Goal__c', { ...period, objectiveIds, FINISHED_GOAL_STATUSES }, 8),
          Promise.all(
            buckets.map((bucket) =>
              q.run<Aggregate>(
                tx,
                'Customer_Goal__c',
                { ...period, objectiveIds, lower: bucket.lower, upper: bucket.upper },
                9
              )
            )
          )
        ])
      : null
  ]);
  const accountsByStage: StageCountRow[] = byStage.map((row) =>
    compact({ stage: toText(row.stage), accounts: toNumber(row.customers) })
  );
  const achievedByStage: AchievedRow[] = achieved.map((row) =>
    compact({ ...achievedRow(row), stage: toText(row.stage) })
  );
  const achievedByMonth: AchievedRow[] = byMonth.map((row) =>
    compact({ ...achievedRow(row), year: toNumber(row.y), month: toNumber(row.m) })
  );
  const dueByStageMonth: DueRow[] = due.map((row) =>
    compact({
      goalStatus: toText(row.goalStatus),
      stage: toText(row.stage),
      year: toNumber(row.y),
      month: toNumber(row.m),
      goals: toNumber(row.n)
    })
  );
  const daysToValue: DaysBucketRow[] = days.flatMap((rows, i) =>
    rows.map((row) =>
      compact({
        stage: toText(row.stage),
        year: toNumber(row.y),
        month: toNumber(row.m),
        lower: buckets[i].lower,
        upper: buckets[i].isLast ? null : buckets[i].upper,
        goals: toNumber(row.n)
      })
    )
  );
  const csSourcedRevenue: RevenueRow[] = revenue.map((row) =>
    compact({ stage: toText(row.stage), amount: toNumber(row.amount) })
  );
  const achievedByChangeType: AchievedRow[] = achievedChange.map((row) =>
    compact({ ...achievedRow(row), changeType: toText(row.changeType) })
  );
  const dueByChangeType: DueRow[] = dueChange.map((row) =>
    compact({ goalStatus: toText(row.goalStatus), changeType: toText(row.changeType), goals: toNumber(row.n) })
  );
  const [linked, achievedObj, dueObj, daysObj] = objectives ?? [[], [], [], []];
  const goalsByObjective: ObjectiveCountRow[] = linked.map((row) =>
    compact({ objective: toText(row.objective), goals: toNumber(row.n) })
  );
  const achievedByObjective: AchievedRow[] = achievedObj.map((row) =>
    compact({ ...achievedRow(row), objective: toText(row.objective) })
  );
  const dueByObjective: DueRow[] = dueObj.map((row) =>
    compact({ goalStatus: toText(row.goalStatus), objective: toText(row.objective), goals: toNumber(row.n) })
  );
  const daysToValueByObjective: DaysBucketRow[] = daysObj.flatMap((rows, i) =>
    rows.map((row) =>
      compact({
        objective: toText(row.objective),
        lower: buckets[i].lower,
        upper: buckets[i].isLast ? null : buckets[i].upper,
        goals: toNumber(row.n)
      })
    )
  );
  return {
    accountsByStage,
    achievedByStage,
    achievedByMonth,
    dueByStageMonth,
    daysToValue,
    csSourcedRevenue,
    achievedByChangeType,
    dueByChangeType,
    goalsByObjective,
    achievedByObjective,
    dueByObjective,
    daysToValueByObjective
  };
}

async function loadCustomers(
  tx: ApexTransaction,
  q: ControllerQueries,
  accountsByStage: StageCountRow[]
): Promise<WorkspaceData['customers']> {
  const total = accountsByStage.reduce((sum, tally) => sum + toNumber(tally.accounts), 0);
  // Account #2 is the sample of the 200 customers with the largest ARR.
  const accounts = await q.run<WorkspaceData['customers']['accounts'][number]>(tx, 'Account', {}, 1);
  const accountIds = ids(accounts);
  if (!accountIds.length) return { total, accounts, goals: [], risks: [] };
  const [goals, risks] = await Promise.all([
    q.run<WorkspaceData['customers']['goals'][number]>(tx, 'Customer_Goal__c', { accountIds }, 10),
    q.run<WorkspaceData['customers']['risks'][number]>(tx, 'Customer_Risk__c', { accountIds }, 2)
  ]);
  return { total, accounts, goals, risks };
}

async function loadConfig(tx: ApexTransaction, q: ControllerQueries): Promise<WorkspaceData['config']> {
  const [dimensions, bands, criteria] = await Promise.all([
    q.run<WorkspaceData['config']['dimensions'][number]>(tx, 'Health_Dimension__mdt'),
    q.run<WorkspaceData['config']['bands'][number]>(tx, 'Health_Band__mdt'),
    q.run<WorkspaceData['config']['criteria'][number]>(tx, 'ICP_Criterion__mdt')
  ]);
  return { dimensions, bands, criteria };
}
