// The data migrations, in order, and the runner that journals each one in the org (CS_Data_Migration__c, one record
// per step keyed by Migration_Key__c) so a step that applied never runs again, even when the version gate would let
// it (a --resume, a re-run after a failed step).
import type { Connection } from 'jsforce';
import { compareVersions } from '../version';
import { goalStatusCanceledSpelling } from './0001-goal-status-canceled-spelling';
import { forEachPage } from '../../lib/paging';
import type { DataMigration } from './types';

export type { DataMigration } from './types';

export const DATA_MIGRATIONS: DataMigration[] = [goalStatusCanceledSpelling];

export interface StepResult {
  id: string;
  status: 'Applied' | 'Failed' | 'Skipped';
  recordsChanged: number;
  message?: string;
}

interface JournalRow {
  Migration_Key__c: string;
  Status__c: string;
}

async function journal(connection: Connection): Promise<Map<string, string>> {
  const done = new Map<string, string>();
  await forEachPage<JournalRow>(
    connection,
    'SELECT Migration_Key__c, Status__c FROM CS_Data_Migration__c',
    async (rows) => {
      for (const r of rows) done.set(r.Migration_Key__c, r.Status__c);
    }
  );
  return done;
}

async function record(
  connection: Connection,
  step: DataMigration,
  status: 'Applied' | 'Failed',
  recordsChanged: number,
  message?: string
): Promise<void> {
  const result = await connection.sobject('CS_Data_Migration__c').upsert(
    {
      Migration_Key__c: step.id,
      Name: step.id,
      Description__c: step.description.slice(0, 255),
      From_Version__c: step.fromVersion,
      Status__c: status,
      Records_Changed__c: recordsChanged,
      Applied_At__c: new Date().toISOString(),
      Message__c: message ? message.slice(0, 255) : null
    },
    'Migration_Key__c'
  );
  if (!result.success) {
    const errors = (result as { errors?: Array<{ message?: string }> }).errors ?? [];
    throw new Error(`CS_Data_Migration__c ${step.id}: ${errors.map((e) => e.message).join('; ')}`);
  }
}

/**
 * Runs, in id order, each step that has not applied and belongs to this version or an older one, when the org's
 * version before this run was older than the step (or unknown: a first install or a resume), or the step failed
 * last time. Stops at the first failure: later steps may depend on it.
 */
export async function runDataMigrations(
  connection: Connection,
  steps: DataMigration[],
  context: { previousVersion?: string; targetVersion: string; log(message: string): void }
): Promise<StepResult[]> {
  const done = await journal(connection);
  const results: StepResult[] = [];
  for (const step of [...steps].sort((a, b) => a.id.localeCompare(b.id))) {
    const status = done.get(step.id);
    const due =
      status !== 'Applied' &&
      compareVersions(step.fromVersion, context.targetVersion) <= 0 &&
      (context.previousVersion === undefined ||
        compareVersions(context.previousVersion, step.fromVersion) < 0 ||
        status === 'Failed');
    if (!due) continue;
    try {
      const { recordsChanged } = await step.run(connection);
      await record(connection, step, 'Applied', recordsChanged);
      context.log(`data migration ${step.id}: applied, ${recordsChanged} records changed`);
      results.push({ id: step.id, status: 'Applied', recordsChanged });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await record(connection, step, 'Failed', 0, message).catch(() => undefined);
      results.push({ id: step.id, status: 'Failed', recordsChanged: 0, message });
      break;
    }
  }
  return results;
}
