// Customer_Goal__c.Status__c spells the value 'Cancelled'. Goals imported from tools that write the US spelling
// ('Canceled') or written before the picklist was restricted carry a value the restricted picklist no longer
// offers, which breaks inline edit and the goal velocity counts. Rewrites them; a second run finds nothing to do.
import type { Connection } from 'jsforce';
import { assertNoneLeft, forEachPage } from '../../lib/paging';
import type { DataMigration } from './types';

const OLD_VALUE = 'Canceled';
const NEW_VALUE = 'Cancelled';

export const goalStatusCanceledSpelling: DataMigration = {
  id: '0001-goal-status-canceled-spelling',
  fromVersion: '0.1.0',
  description: `Customer_Goal__c.Status__c: rewrite '${OLD_VALUE}' to '${NEW_VALUE}'`,
  async run(connection: Connection) {
    const where = `FROM Customer_Goal__c WHERE Status__c = '${OLD_VALUE}'`;
    let changed = 0;
    await forEachPage<{ Id: string }>(connection, `SELECT Id ${where}`, async (records) => {
      for (let i = 0; i < records.length; i += 200) {
        const batch = records.slice(i, i + 200).map((r) => ({ Id: r.Id, Status__c: NEW_VALUE }));
        const results = await connection.sobject('Customer_Goal__c').update(batch, { allOrNone: true });
        for (const [n, r] of results.entries()) {
          if (!r.success) {
            const errors = (r as { errors?: Array<{ message?: string }> }).errors ?? [];
            throw new Error(`Customer_Goal__c ${batch[n].Id} Status__c: ${errors.map((e) => e.message).join('; ')}`);
          }
        }
        changed += batch.length;
      }
    });
    await assertNoneLeft(
      connection,
      `SELECT COUNT() ${where}`,
      `Customer_Goal__c records with Status__c '${OLD_VALUE}'`
    );
    return { recordsChanged: changed };
  }
};
