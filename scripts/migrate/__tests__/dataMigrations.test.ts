// Data migration 0001 against the local org: it pages through every matching goal (here 4,500, three query pages of
// 2,000), rewrites each once, and proves nothing is left before it reports; a step that leaves matches is not applied.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { connect } from '../../lib/connection';
import { goalObject, objectsChange, startTestOrg, type TestOrg } from '../../localOrg/__tests__/helpers';
import { field, picklist } from '../../localOrg/standardObjects';
import { goalStatusCanceledSpelling } from '../dataMigrations/0001-goal-status-canceled-spelling';
import { assertNoneLeft, forEachPage } from '../../lib/paging';

const LEGACY = 4_500;

describe('data migration 0001 (Canceled -> Cancelled)', () => {
  let org: TestOrg;
  let connection: Connection;

  before(async () => {
    org = await startTestOrg();
    org.applySchemaChange(
      objectsChange([
        goalObject([
          field('Status__c', 'Status', 'picklist', {
            picklistValues: picklist(['On Track', 'Achieved', 'Cancelled'])
          })
        ])
      ])
    );
    ({ connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken }));
    // Legacy rows as an older import left them, written straight into the store: 4,500 'Canceled', 10 'On Track'.
    org.store.transact((tx) => {
      for (let i = 0; i < LEGACY + 10; i++) {
        const Status__c = i < LEGACY ? 'Canceled' : 'On Track';
        org.store.put(tx, 'Customer_Goal__c', { Id: org.store.newId('Customer_Goal__c'), Name: `G${i}`, Status__c });
      }
    });
  });
  after(async () => org?.dispose());

  it('rewrites every matching goal across every query page, and none is left', async () => {
    const before = org.counters();
    const result = await goalStatusCanceledSpelling.run(connection);
    assert.equal(result.recordsChanged, LEGACY);
    const count = async (status: string) =>
      (await connection.query(`SELECT COUNT() FROM Customer_Goal__c WHERE Status__c = '${status}'`)).totalSize;
    assert.equal(await count('Canceled'), 0);
    assert.equal(await count('Cancelled'), LEGACY);
    assert.equal(await count('On Track'), 10);
    // 4,500 rows are three pages of 2,000: the first query and two more pages.
    const pages = (org.counters()['GET /query/{locator}'] ?? 0) - (before['GET /query/{locator}'] ?? 0);
    assert.equal(pages, 2);
    assert.equal((await goalStatusCanceledSpelling.run(connection)).recordsChanged, 0, 'a second run finds nothing');
  });

  it('hands every page to the step and counts the records', async () => {
    const sizes: number[] = [];
    const seen = await forEachPage(connection, 'SELECT Id FROM Customer_Goal__c', async (records) => {
      sizes.push(records.length);
    });
    assert.equal(seen, LEGACY + 10);
    assert.deepEqual(sizes, [2000, 2000, 510]);
  });

  it('fails a step that leaves matching records, so it is not journaled as applied', async () => {
    await assert.rejects(
      assertNoneLeft(connection, "SELECT COUNT() FROM Customer_Goal__c WHERE Status__c = 'On Track'", 'goals on track'),
      /10 goals on track still left after the step: not applied/
    );
  });
});
