import type { Connection } from 'jsforce';

/**
 * One data migration: an ordered (by id), idempotent step run after a deploy, for orgs whose data predates
 * `fromVersion`. Idempotent because a step can be cut short (limits, a lost connection) and run again.
 */
export interface DataMigration {
  /** `0001-short-name`: the order and the journal key. */
  id: string;
  /** The product version whose metadata this step's data change belongs to. */
  fromVersion: string;
  description: string;
  run(connection: Connection): Promise<{ recordsChanged: number }>;
}
