// The scoring run's program snapshot step: goal velocity over every goal and account of the book, computed by
// successModel (goalVelocity, velocityTrend, programSnapshotRecords: no formula here), stored as one
// Program_Snapshot__c record per segment of the run (27, and one per charter objective with linked goals), so
// the charter workspace reads those few records instead of aggregating goals inside Apex's 50,000-row limit. It runs
// after the accounts are scored: the tiers it splits by are the Fit_Tier__c values the run stored.
//
// Cost: reads of the book through the REST API (not Apex: no governor limits apply), one query page per 2,000 rows;
// one collections write when a figure changed (a second run the same day with nothing changed writes nothing); a
// prune of the runs past the retention. Memory: the accounts' Id, stage and tier, and the goals of the period with
// the seven fields velocity and the objective split read. Adoption by stage and tier is kept as sums and counts
// (successModel addAdoption: 11 tallies, overall, 6 stages and 4 tiers), never per account: the scoring run hands
// each account's adoption over as it scores it; outside a run (writeProgramSnapshot) the book's weekly usage rollups
// of the eight weeks adoption reads are read too, grouped by account (about 8 small rows an account).
import type { Connection } from 'jsforce';
import {
  CHANGE_TYPE_SEGMENTS,
  MODEL_FIELDS,
  VELOCITY_STAGES,
  addAdoption,
  changeTypeSegment,
  emptyAdoptionTally,
  goalVelocity,
  usageAdoption,
  programPeriod,
  programSnapshotRecords,
  velocityTrend,
  type AccountRecord,
  type ChangeTypeSegment,
  type CustomerGoal,
  type FitTier,
  type IsoDate,
  type KeyFeatureConfig,
  type ProductUsageRecord,
  type ProgramAdoptionInput,
  type ProgramSnapshotRecord,
  type UsageAdoption,
  type VelocityStage,
  type VelocityTier
} from '../../force-app/main/default/lwc/successModel/successModel';
import { forEachPage, type Send } from '../lib/paging';
import { USAGE_FIELDS } from './inputs';
import { usageSince } from './reader';
import type { RangePhase } from './run';

export const PROGRAM_OBJECT = 'Program_Snapshot__c';
/** Every run of the last 31 days (today and the 30 before) is kept, and the last run of each month, for RETENTION_MONTHS. */
export const DAILY_DAYS = 31;
export const RETENTION_MONTHS = 24;
/** Data storage the platform charges a record. */
export const RECORD_BYTES = 2048;

const FIELDS = [
  'Name',
  'Program_Key__c',
  'As_Of__c',
  'Period_Start__c',
  'Period_End__c',
  'Segment_Type__c',
  'Segment__c',
  'Accounts__c',
  'Customers_Achieving__c',
  'Successful_Customers_Percent__c',
  'Goals_Achieved__c',
  'Goals_Missed__c',
  'Goals_Overdue__c',
  'Achievement_Rate_Percent__c',
  'Value_Realized__c',
  'Median_Days_To_Value__c',
  'P75_Days_To_Value__c',
  'CS_Sourced_Revenue__c',
  'Accounts_With_Usage__c',
  'Mean_Utilisation_Percent__c',
  'Mean_Feature_Adoption_Percent__c',
  'Accounts_Falling__c'
] as const satisfies ReadonlyArray<keyof ProgramSnapshotRecord>;

export interface ProgramSnapshotResult {
  asOf: IsoDate;
  periodStart: IsoDate;
  accountsRead: number;
  goalsRead: number;
  /** Records of this run, and how many of them were written (0 when nothing changed). */
  records: number;
  written: number;
  /** Runs deleted by the retention, and the records kept in all with their storage. */
  prunedRuns: number;
  keptRecords: number;
  keptBytes: number;
}

const FIT_TIERS: readonly string[] = ['Ideal', 'Good', 'Poor'];
const stageOf = (value: unknown): VelocityStage =>
  (VELOCITY_STAGES as readonly unknown[]).includes(value) ? (value as VelocityStage) : 'Unknown';

/** A record's stored values as the upsert sends them: null for a blank figure, so a cleared one is cleared. */
function body(record: ProgramSnapshotRecord): Record<string, unknown> {
  return Object.fromEntries(FIELDS.map((field) => [field, record[field] ?? null]));
}

function same(a: ProgramSnapshotRecord, b: Record<string, unknown> | undefined): boolean {
  if (!b) return false;
  return FIELDS.every((field) => {
    const x = a[field] ?? null;
    const y = b[field] ?? null;
    return typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) < 1e-9 : x === y;
  });
}

function failures(results: Array<{ success: boolean; errors?: unknown }>, keys: string[]): string[] {
  return results.flatMap((result, i) => {
    if (result.success) return [];
    const errors = (result.errors ?? []) as Array<{ statusCode?: string; message?: string; fields?: string[] }>;
    const text = errors.map((e) => `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''} ${e.fields?.join(', ') ?? ''}`);
    return [`${PROGRAM_OBJECT} ${keys[i]}: ${text.join('; ')}`];
  });
}

/** Which run dates the retention keeps: the last 31 days, then the last run of each month for 24 months. */
export function runsToKeep(runDates: readonly IsoDate[], today: IsoDate): Set<IsoDate> {
  const day = (iso: IsoDate): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const keep = new Set<IsoDate>();
  const lastOfMonth = new Map<string, IsoDate>();
  const [year, month] = today.split('-').map(Number);
  const oldestMonth = year * 12 + month - 1 - RETENTION_MONTHS;
  for (const run of runDates) {
    if (day(today) - day(run) < DAILY_DAYS) keep.add(run);
    const [y, m] = run.split('-').map(Number);
    if (y * 12 + m - 1 <= oldestMonth) continue;
    const key = run.slice(0, 7);
    if ((lastOfMonth.get(key) ?? '') < run) lastOfMonth.set(key, run);
  }
  for (const run of lastOfMonth.values()) keep.add(run);
  return keep;
}

/** The book as velocity reads it, gathered range by range (the scoring run) or read whole (writeProgramSnapshot). */
export class ProgramBook {
  readonly accounts: AccountRecord[] = [];
  readonly tiers = new Map<string, FitTier | null>();
  readonly goals: CustomerGoal[] = [];
  /** Adoption of the book's accounts as sums and counts, overall and per stage and tier. */
  readonly adoption: ProgramAdoptionInput = { overall: emptyAdoptionTally(), byStage: {}, byTier: {} };
  readonly from: IsoDate;
  readonly to: IsoDate;

  constructor(readonly today: IsoDate) {
    ({ from: this.from, to: this.to } = programPeriod(today));
  }

  /** An account of the book (one with a lifecycle stage), its tier and its adoption (usageAdoption). */
  addAccount(id: string, stage: unknown, tier: unknown, adoption: UsageAdoption): void {
    if (stage === null || stage === undefined || stage === '') return;
    this.accounts.push({ Id: id, Lifecycle_Stage__c: stage as AccountRecord['Lifecycle_Stage__c'] });
    const fitTier = FIT_TIERS.includes(String(tier ?? '')) ? (tier as FitTier) : null;
    this.tiers.set(id, fitTier);
    const { byStage, byTier } = this.adoption;
    const inStage = stageOf(stage);
    const inTier: VelocityTier = fitTier ?? 'Unknown';
    this.adoption.overall = addAdoption(this.adoption.overall, adoption);
    byStage[inStage] = addAdoption(byStage[inStage] ?? emptyAdoptionTally(), adoption);
    byTier[inTier] = addAdoption(byTier[inTier] ?? emptyAdoptionTally(), adoption);
  }

  /** A goal, kept only when its outcome can fall in the period (achieved in it, or due in it), with what velocity reads. */
  addGoal(goal: Record<string, unknown>): void {
    const inPeriod = (day: unknown): boolean => typeof day === 'string' && day >= this.from && day <= this.to;
    if (!inPeriod(goal.Achieved_Date__c) && !inPeriod(goal.Target_Date__c)) return;
    const kept: CustomerGoal = {};
    for (const field of GOAL_FIELDS)
      if (goal[field] !== undefined) (kept as Record<string, unknown>)[field] = goal[field];
    this.goals.push(kept);
  }
}

const GOAL_FIELDS = [
  'Account__c',
  'Charter_Objective__c',
  'Change_Type__c',
  'Status__c',
  'Start_Date__c',
  'Target_Date__c',
  'Achieved_Date__c',
  'Value_Realized__c'
] as const satisfies ReadonlyArray<keyof CustomerGoal>;

/**
 * Reads the book through the REST API into a ProgramBook (tiers as the scoring run stored them, adoption from the
 * weekly usage rollups and key features as the scoring run reads them).
 */
export async function readProgramBook(connection: Connection, today: IsoDate, send?: Send): Promise<ProgramBook> {
  const book = new ProgramBook(today);
  const request: Send = send ?? ((_label, run) => run());
  const keyFeatures = await request(
    'key features',
    async () =>
      await connection.query<KeyFeatureConfig>(
        `SELECT ${MODEL_FIELDS.Key_Feature__mdt.join(', ')} FROM Key_Feature__mdt`
      )
  );
  const usage = new Map<string, ProductUsageRecord[]>();
  await forEachPage<Record<string, unknown>>(
    connection,
    `SELECT ${USAGE_FIELDS.join(', ')} FROM Product_Usage__c ` +
      `WHERE Period__c = 'Week' AND Period_Start__c >= ${usageSince(today)}`,
    async (page) => {
      for (const row of page) {
        const id = String(row.Account__c);
        const rows = usage.get(id) ?? [];
        rows.push(row as ProductUsageRecord);
        usage.set(id, rows);
      }
    },
    send
  );
  await forEachPage<Record<string, unknown>>(
    connection,
    'SELECT Id, Lifecycle_Stage__c, Fit_Tier__c FROM Account WHERE Lifecycle_Stage__c != NULL',
    async (page) => {
      for (const row of page) {
        const id = String(row.Id);
        const adoption = usageAdoption(usage.get(id) ?? [], keyFeatures.records, today);
        book.addAccount(id, row.Lifecycle_Stage__c, row.Fit_Tier__c, adoption);
      }
    },
    send
  );
  await forEachPage<Record<string, unknown>>(
    connection,
    `SELECT ${GOAL_FIELDS.join(', ')} FROM Customer_Goal__c ` +
      `WHERE (Achieved_Date__c >= ${book.from} AND Achieved_Date__c <= ${book.to}) ` +
      `OR (Target_Date__c >= ${book.from} AND Target_Date__c <= ${book.to})`,
    async (page) => {
      for (const row of page) book.addGoal(row);
    },
    send
  );
  return book;
}

export interface StoreOptions {
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  log?: (line: string) => void;
  send?: Send;
}

/** Computes the run's records from the book with successModel, writes what changed, prunes past the retention. */
export async function storeProgramSnapshot(
  connection: Connection,
  book: ProgramBook,
  options: StoreOptions = {}
): Promise<ProgramSnapshotResult> {
  const log = options.log ?? (() => undefined);
  const send: Send = options.send ?? ((_label, request) => request());
  const { from, to, today } = book;
  const { accounts, goals, tiers } = book;
  log(`program snapshot: ${accounts.length} accounts, ${goals.length} goals of ${from}..${to}`);
  const revenueByStage: Partial<Record<VelocityStage, number>> = {};
  const revenue = await send(
    'CS-sourced revenue',
    async () =>
      await connection.query<{ stage?: string | null; amount?: number | null }>(
        'SELECT Account.Lifecycle_Stage__c stage, SUM(Amount) amount FROM Opportunity ' +
          `WHERE CS_Sourced__c = TRUE AND IsWon = TRUE AND CloseDate >= ${from} AND CloseDate <= ${to} ` +
          'GROUP BY Account.Lifecycle_Stage__c'
      )
  );
  for (const row of revenue.records) {
    const stage = stageOf(row.stage);
    revenueByStage[stage] = (revenueByStage[stage] ?? 0) + (row.amount ?? 0);
  }
  const velocityOptions = { from, to, today, tiers };
  // Objectives with any linked goal (any status, any date) get figures over their own goals, even when none fall in
  // the period (zeros, not the whole book's figures). COUNT over the REST API: no Apex, no row limit.
  const linked = await send(
    'objectives with linked goals',
    async () =>
      await connection.query<{ objective: string }>(
        'SELECT Charter_Objective__c objective, COUNT(Id) goals FROM Customer_Goal__c ' +
          'WHERE Charter_Objective__c != NULL GROUP BY Charter_Objective__c'
      )
  );
  const byObjectiveGoals = new Map<string, CustomerGoal[]>(linked.records.map((row) => [row.objective, []]));
  for (const goal of goals) {
    if (goal.Charter_Objective__c) byObjectiveGoals.get(goal.Charter_Objective__c)?.push(goal);
  }
  const byObjective = Object.fromEntries(
    [...byObjectiveGoals].map(([id, own]) => [id, goalVelocity(own, accounts, velocityOptions).overall])
  );
  const byChangeTypeGoals = new Map<ChangeTypeSegment, CustomerGoal[]>(CHANGE_TYPE_SEGMENTS.map((c) => [c, []]));
  for (const goal of goals) byChangeTypeGoals.get(changeTypeSegment(goal.Change_Type__c))?.push(goal);
  const byChangeType = Object.fromEntries(
    [...byChangeTypeGoals].map(([segment, own]) => [segment, goalVelocity(own, accounts, velocityOptions).overall])
  );
  const records = programSnapshotRecords({
    asOf: today,
    velocity: goalVelocity(goals, accounts, velocityOptions),
    trend: velocityTrend(goals, accounts, { ...velocityOptions, granularity: 'month' }),
    revenueByStage,
    byObjective,
    byChangeType,
    adoption: book.adoption
  });

  const stored = new Map<string, Record<string, unknown>>();
  await forEachPage<Record<string, unknown>>(
    connection,
    `SELECT ${FIELDS.join(', ')} FROM ${PROGRAM_OBJECT} WHERE As_Of__c = ${today}`,
    async (page) => {
      for (const row of page) stored.set(String(row.Program_Key__c), row);
    },
    send
  );
  const changed = records.filter((record) => !same(record, stored.get(String(record.Program_Key__c))));
  for (let i = 0; i < changed.length && !options.dryRun; i += 200) {
    const chunk = changed.slice(i, i + 200);
    const results = await send(`upsert ${PROGRAM_OBJECT}`, () =>
      connection
        .sobject(PROGRAM_OBJECT)
        .upsert(chunk.map(body) as Array<Record<string, unknown> & { Program_Key__c: string }>, 'Program_Key__c', {
          allOrNone: true
        })
    );
    const problems = failures(
      results,
      chunk.map((r) => String(r.Program_Key__c))
    );
    if (problems.length) throw new Error(`program snapshot not written:\n  ${problems.join('\n  ')}`);
  }

  // Retention: every run of the last 31 days, the last run of each month for 24 months.
  const runs = new Map<IsoDate, number>();
  await forEachPage<{ As_Of__c: IsoDate }>(
    connection,
    `SELECT As_Of__c FROM ${PROGRAM_OBJECT}`,
    async (page) => {
      for (const row of page) runs.set(row.As_Of__c, (runs.get(row.As_Of__c) ?? 0) + 1);
    },
    send
  );
  if (options.dryRun && !runs.has(today)) runs.set(today, records.length);
  const keep = runsToKeep([...runs.keys()], today);
  const drop = [...runs.keys()].filter((run) => !keep.has(run));
  for (const run of options.dryRun ? [] : drop) {
    const ids: string[] = [];
    await forEachPage<{ Id: string }>(
      connection,
      `SELECT Id FROM ${PROGRAM_OBJECT} WHERE As_Of__c = ${run}`,
      async (page) => void ids.push(...page.map((r) => r.Id)),
      send
    );
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const results = await send(`prune ${PROGRAM_OBJECT}`, () =>
        connection.sobject(PROGRAM_OBJECT).destroy(chunk, { allOrNone: true })
      );
      const problems = failures(results, chunk);
      if (problems.length) throw new Error(`program snapshots of ${run} not pruned:\n  ${problems.join('\n  ')}`);
    }
  }
  const keptRecords = [...runs].filter(([run]) => keep.has(run)).reduce((sum, [, count]) => sum + count, 0);
  const result: ProgramSnapshotResult = {
    asOf: today,
    periodStart: from,
    accountsRead: accounts.length,
    goalsRead: goals.length,
    records: records.length,
    written: options.dryRun ? 0 : changed.length,
    prunedRuns: options.dryRun ? 0 : drop.length,
    keptRecords,
    keptBytes: keptRecords * RECORD_BYTES
  };
  log(
    `program snapshot ${today}: ${options.dryRun ? `${changed.length} would be written` : `${result.written} written`} ` +
      `of ${result.records} records; ${keptRecords} kept (${Math.round(result.keptBytes / 1024)} KB of storage), ` +
      `${result.prunedRuns} old runs pruned`
  );
  return result;
}

/** The whole step outside a scoring run: read the book, then store. */
export async function writeProgramSnapshot(
  connection: Connection,
  options: { today: IsoDate; log?: (line: string) => void }
): Promise<ProgramSnapshotResult> {
  return storeProgramSnapshot(connection, await readProgramBook(connection, options.today), { log: options.log });
}

/**
 * The scoring run's phase: each scored range adds its accounts (with the tier and adoption just computed) and the
 * goals of the period to the book; after the last range the snapshot is computed and stored through the run's counted API.
 */
export function programSnapshotPhase(): RangePhase {
  let book: ProgramBook | undefined;
  return {
    name: 'programSnapshot',
    afterRange({ assessments }, context) {
      book ??= new ProgramBook(context.today);
      for (const a of assessments) {
        book.addAccount(a.accountId, a.account.Lifecycle_Stage__c, a.fit.tier, a.adoption);
        for (const goal of a.goals) book.addGoal(goal);
      }
    },
    async finish(context) {
      const result = await storeProgramSnapshot(context.api.connection, book ?? new ProgramBook(context.today), {
        dryRun: context.dryRun,
        send: (label, request) => context.api.send(label, request)
      });
      Object.assign(context.report, result);
    }
  };
}
