// The Apex methods the components import, as the preview implements them against an org over its REST API.
// Each returns the same view-model type as its controller (contract-tested against the jest fixtures), and each call
// is one Apex transaction charged against the platform's governor limits (governor.ts).
import type { Connection } from 'jsforce';
import { getPanel } from './accountSuccess';
import { getWorkspace } from './charterWorkspace';
import { ApexTransaction, SYNC_LIMITS, type ApexLimits, type LimitUsage } from './governor';

type StandIn = (tx: ApexTransaction, params: Record<string, unknown>, today: string) => Promise<unknown>;

const standIns: Record<string, StandIn> = {
  'AccountSuccessController.getPanel': (tx, params, today) => getPanel(tx, params as { accountId?: string }, today),
  'CharterWorkspaceController.getWorkspace': (tx, params, today) =>
    getWorkspace(tx, params as { charterId?: string | null }, today)
};

export interface ApexInvocation<T = unknown> {
  result: T;
  usage: LimitUsage;
}

/** One @AuraEnabled call as one transaction: the view-model and what it cost against the limits. */
export async function invokeApex<T = unknown>(
  name: string,
  connection: Connection,
  params: Record<string, unknown>,
  today: string,
  limits: Readonly<ApexLimits> = SYNC_LIMITS
): Promise<ApexInvocation<T>> {
  const standIn = standIns[name];
  if (!standIn) throw new Error(`the preview has no implementation of ${name}`);
  const tx = new ApexTransaction(connection, limits);
  const result = tx.finish((await standIn(tx, params, today)) as T);
  return { result, usage: tx.usage() };
}

export type ApexMethod = (connection: Connection, params: Record<string, unknown>, today: string) => Promise<unknown>;

export const apexMethods: Record<string, ApexMethod> = Object.fromEntries(
  Object.keys(standIns).map((name): [string, ApexMethod] => [
    name,
    async (connection, params, today) => (await invokeApex(name, connection, params, today)).result
  ])
);
