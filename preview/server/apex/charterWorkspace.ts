// Preview implementation of CharterWorkspaceController.getWorkspace: the same selector queries, by name, in the same
// order of decisions, shaped into WorkspaceData. Like the Apex, it computes nothing: program figures are the stored
// program snapshots of the last scoring run, tier and health figures COUNT() rows over stored account fields.
import type { WorkspaceData } from '../../../force-app/main/default/lwc/charterWorkspace/workspaceTypes';
import { sentimentFreshSince } from '../../../force-app/main/default/lwc/successModel/successModel';
import { apexQueries } from './controllerQueries';
import type { ApexTransaction } from './governor';

type Aggregate = Record<string, unknown>;
type Params = { charterId?: string | null };

/** `(Integer) row.get(...)` over an AggregateResult: a COUNT is never null. */
const toCount = (value: unknown): number => Number(value ?? 0);
const toText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Apex objects reach components without their null properties (the Aura serializer drops them). */
function compact<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/** An Apex Datetime as Aura serializes it: ISO 8601 in UTC with milliseconds and Z (REST says +0000). */
function apexDatetime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function checkDate(today: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(today) && new Date(`${today}T00:00:00Z`).toISOString().startsWith(today);
  if (!valid) throw new Error(`The preview's today must be a date (YYYY-MM-DD), not ${today}`);
  return today;
}

export async function getWorkspace(tx: ApexTransaction, params: Params, today: string): Promise<WorkspaceData> {
  const q = apexQueries();
  const charterId = params.charterId ?? null;
  // What Lightning answers when a component passes something that is not an Id to an Id parameter.
  if (charterId !== null && !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(charterId)) {
    throw new Error("Value provided is invalid for action parameter 'charterId' of type 'Id'");
  }
  const ws: WorkspaceData = {
    asOf: checkDate(today),
    charter: null,
    objectives: [],
    roles: [],
    milestones: [],
    risks: [],
    riskAccounts: [],
    riskAccountCounts: [],
    program: [],
    tierBandCounts: [],
    attention: [],
    lastScoredAt: null,
    config: { bands: [] },
    sentimentDisagreements: [],
    sentimentDisagreementCount: 0
  };
  const [charter] =
    charterId === null
      ? await q.run<NonNullable<WorkspaceData['charter']>>(tx, 'CharterSelector.active')
      : await q.run<NonNullable<WorkspaceData['charter']>>(tx, 'CharterSelector.byId', { charterId });
  if (charter?.Id) {
    ws.charter = charter;
    const binds = { charterId: charter.Id };
    ws.objectives = await q.run(tx, 'CharterSelector.objectives', binds);
    ws.roles = await q.run(tx, 'CharterSelector.roles', binds);
    ws.milestones = await q.run(tx, 'CharterSelector.milestones', binds);
    ws.risks = await q.run(tx, 'CharterSelector.risks', binds);
    // `new Map<Id, Charter_Risk__c>(ws.risks).keySet()`; an empty set skips both queries, as the Apex does.
    const riskIds = ws.risks.flatMap((risk) => (risk.Id ? [risk.Id] : []));
    if (riskIds.length) {
      ws.riskAccounts = await q.run(tx, 'BookSelector.charterRiskAccounts', { riskIds });
      const counts = await q.run<Aggregate>(tx, 'BookSelector.charterRiskCounts', { riskIds });
      ws.riskAccountCounts = counts.map((row) => ({ riskId: String(row.riskId), accounts: toCount(row.accounts) }));
    }
  }
  const [latest] = await q.run<{ As_Of__c?: string }>(tx, 'BookSelector.latestProgramRun');
  if (latest?.As_Of__c) ws.program = await q.run(tx, 'BookSelector.programRun', { asOf: { date: latest.As_Of__c } });
  const counts = await q.run<Aggregate>(tx, 'BookSelector.tierBandCounts');
  ws.tierBandCounts = counts.map((row) =>
    compact({ tier: toText(row.tier), band: toText(row.band), accounts: toCount(row.accounts) })
  ) as WorkspaceData['tierBandCounts'];
  ws.attention = await q.run(tx, 'BookSelector.needingAttention');
  const [scored] = await q.run<{ Health_Scored_At__c?: string }>(tx, 'BookSelector.lastScored');
  ws.lastScoredAt = apexDatetime(scored?.Health_Scored_At__c);
  ws.config = { bands: await q.run(tx, 'ConfigSelector.bands') };
  const successBands = ws.config.bands.filter((b) => b.Variant__c === 'success').map((b) => b.DeveloperName);
  const errorBands = ws.config.bands.filter((b) => b.Variant__c === 'error').map((b) => b.DeveloperName);
  const sentimentBinds = { successBands, errorBands, since: { date: sentimentFreshSince(ws.asOf) } };
  ws.sentimentDisagreements = await q.run(tx, 'BookSelector.sentimentDisagreements', sentimentBinds);
  ws.sentimentDisagreementCount = await q.count(tx, 'BookSelector.sentimentDisagreementCount', sentimentBinds);
  return ws;
}
