// Governor limits of the Apex stand-ins, from the Apex Developer Guide's own examples ("Working with SOQL Aggregate
// Functions", "COUNT() and COUNT(fieldName)", "Execution Governors and Limits"). Each expected charge is read off the
// rule as the guide states it: COUNT() / COUNT(field) charge one row, or one per group with GROUP BY; every other
// aggregate charges each row it aggregates; a plain query charges each record it returns, children included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { Connection } from 'jsforce';
import { connect } from '../../../../scripts/lib/connection';
import {
  accountWith,
  goalAccountField,
  goalObject,
  objectsChange,
  startTestOrg,
  type TestOrg
} from '../../../../scripts/localOrg/__tests__/helpers';
import { field, picklist } from '../../../../scripts/localOrg/standardObjects';
import {
  ApexTransaction,
  LimitException,
  SYNC_LIMITS,
  aggregatedRowsQuery,
  recordsCharged,
  rowRule,
  type ApexLimits
} from '../governor';

const rule = (soql: string) => rowRule(parseQuery(soql));

describe('the query-row rule, on the guide examples', () => {
  it('charges every aggregated row for AVG, with or without GROUP BY', () => {
    assert.equal(rule('SELECT AVG(Amount) aver FROM Opportunity'), 'aggregated');
    assert.equal(rule('SELECT CampaignId, AVG(Amount) FROM Opportunity GROUP BY CampaignId'), 'aggregated');
  });

  it('charges every aggregated row for SUM, MIN, MAX and COUNT_DISTINCT', () => {
    assert.equal(rule('SELECT SUM(Amount) FROM Opportunity'), 'aggregated');
    assert.equal(rule('SELECT MAX(CreatedDate) FROM Account'), 'aggregated');
    assert.equal(rule('SELECT MIN(CloseDate) FROM Opportunity GROUP BY StageName'), 'aggregated');
    assert.equal(rule('SELECT COUNT_DISTINCT(Company) FROM Lead'), 'aggregated');
  });

  it('charges one row for COUNT() and COUNT(fieldName) without GROUP BY', () => {
    assert.equal(rule("SELECT COUNT() FROM Account WHERE Name LIKE 'a%'"), 'one');
    assert.equal(rule("SELECT COUNT(Id) FROM Account WHERE Name LIKE 'a%'"), 'one');
    assert.equal(rule('SELECT COUNT(Id), COUNT(CampaignId) FROM Opportunity'), 'one');
  });

  it('charges one row per group for COUNT(fieldName) with GROUP BY, date functions included', () => {
    assert.equal(rule('SELECT LeadSource, COUNT(Name) FROM Lead GROUP BY LeadSource'), 'per-group');
    assert.equal(
      rule('SELECT CALENDAR_YEAR(CreatedDate), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(CreatedDate)'),
      'per-group'
    );
  });

  it('charges every aggregated row once any function other than COUNT joins a COUNT', () => {
    assert.equal(rule('SELECT StageName, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY StageName'), 'aggregated');
  });

  it('charges returned records for a plain query, child-subquery records included', () => {
    assert.equal(rule('SELECT Name, (SELECT LastName FROM Contacts) FROM Account'), 'records');
    const accounts = [
      { Name: 'A', Contacts: { totalSize: 2, done: true, records: [{ LastName: 'x' }, { LastName: 'y' }] } },
      { Name: 'B', Contacts: null }
    ];
    // 2 accounts + 2 contacts.
    assert.equal(recordsCharged(accounts), 4);
  });

  it('counts the aggregated rows over the same object, WHERE and access mode', () => {
    const count = aggregatedRowsQuery(
      parseQuery(
        "SELECT StageName, SUM(Amount) total FROM Opportunity WHERE IsWon = TRUE AND Name LIKE 'a%' WITH USER_MODE GROUP BY StageName ORDER BY StageName"
      )
    );
    assert.equal(count, "SELECT COUNT() FROM Opportunity WHERE IsWon = TRUE AND Name LIKE 'a%' WITH USER_MODE");
  });
});

describe('an Apex transaction against the local org', () => {
  let org: TestOrg;
  let connection: Connection;
  // 3 stages x 40 opportunities = 120 opportunities on one account.
  const STAGES = ['Prospecting', 'Qualification', 'Closed Won'];

  before(async () => {
    org = await startTestOrg();
    ({ connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken }));
    const account = await connection.sobject('Account').create({ Name: 'Acme' });
    const opportunities = STAGES.flatMap((stage) =>
      Array.from({ length: 40 }, (_, i) => ({
        Name: `${stage} ${i}`,
        StageName: stage,
        CloseDate: '2026-01-15',
        Amount: 100,
        AccountId: (account as { id: string }).id
      }))
    );
    for (let i = 0; i < opportunities.length; i += 200) {
      await connection.sobject('Opportunity').create(opportunities.slice(i, i + 200), { allOrNone: true });
    }
  });
  after(async () => org?.dispose());

  const tx = (limits: Partial<ApexLimits> = {}) => new ApexTransaction(connection, { ...SYNC_LIMITS, ...limits });

  it('charges AVG grouped by stage 120 rows (every opportunity) though it returns 3', async () => {
    const t = tx();
    const result = await t.query(
      'avgByStage',
      'SELECT StageName, AVG(Amount) aver FROM Opportunity GROUP BY StageName'
    );
    assert.equal(result.records.length, 3);
    assert.equal(t.usage().queryRows, 120);
    assert.equal(t.usage().soqlQueries, 1);
  });

  it('charges COUNT(Id) grouped by stage 3 rows, COUNT() 1 row, and a plain query its 40 records', async () => {
    const t = tx();
    await t.query('countByStage', 'SELECT StageName, COUNT(Id) n FROM Opportunity GROUP BY StageName');
    assert.equal(t.usage().queryRows, 3);
    const counted = await t.query('countAll', 'SELECT COUNT() FROM Opportunity');
    assert.equal(counted.totalSize, 120);
    assert.equal(t.usage().queryRows, 4);
    await t.query('won', "SELECT Id, Name FROM Opportunity WHERE StageName = 'Closed Won'");
    assert.equal(t.usage().queryRows, 44);
    assert.equal(t.usage().soqlQueries, 3);
  });

  it('fails the aggregate that goes over the row limit with the platform text, where COUNT per group passes', async () => {
    const t = tx({ queryRows: 100 });
    await t.query('countByStage', 'SELECT StageName, COUNT(Id) n FROM Opportunity GROUP BY StageName');
    await assert.rejects(
      t.query('sumByStage', 'SELECT StageName, SUM(Amount) FROM Opportunity GROUP BY StageName'),
      (error: unknown) =>
        error instanceof LimitException &&
        error.message === 'Too many query rows: 101' &&
        String(error) === 'System.LimitException: Too many query rows: 101'
    );
  });

  it('fails the 101st SOQL query before it runs', async () => {
    const t = tx();
    for (let i = 0; i < 100; i++) await t.query(`q${i}`, 'SELECT COUNT() FROM Account');
    const before = org.counters()['GET /query'] ?? 0;
    await assert.rejects(t.query('q100', 'SELECT COUNT() FROM Account'), {
      name: 'System.LimitException',
      message: 'Too many SOQL queries: 101'
    });
    assert.equal(org.counters()['GET /query'] ?? 0, before, 'the 101st query never reached the org');
  });

  it('fails a view-model larger than the heap with its size in bytes', () => {
    const t = tx({ heapBytes: 1000 });
    // 2 quotes + 1,200 characters = 1,202 bytes of JSON.
    assert.throws(() => t.finish('x'.repeat(1200)), {
      name: 'System.LimitException',
      message: 'Apex heap size too large: 1202'
    });
    assert.equal(tx({ heapBytes: 1202 }).finish('x'.repeat(1200)).length, 1200);
  });
});

describe("today's workspace query shape under the enforced limit", () => {
  let org: TestOrg;
  let connection: Connection;
  // One goal over the limit: 50,001 goals of one account, all achieved in the period.
  const GOALS = SYNC_LIMITS.queryRows + 1;

  before(async () => {
    org = await startTestOrg();
    org.applySchemaChange(
      objectsChange([
        accountWith([
          field('Lifecycle_Stage__c', 'Lifecycle Stage', 'picklist', {
            picklistValues: picklist(['Onboarding', 'Adoption'])
          })
        ]),
        goalObject([
          goalAccountField(),
          field('Status__c', 'Status', 'picklist', { picklistValues: picklist(['On Track', 'Achieved']) }),
          field('Achieved_Date__c', 'Achieved Date', 'date'),
          field('Value_Realized__c', 'Value Realized', 'currency', { precision: 16, scale: 2 })
        ])
      ])
    );
    ({ connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken }));
    const store = org.store;
    store.transact((t) => {
      const accountId = store.newId('Account');
      store.put(t, 'Account', { Id: accountId, Name: 'Acme', Lifecycle_Stage__c: 'Adoption' });
      for (let i = 0; i < GOALS; i++) {
        store.put(t, 'Customer_Goal__c', {
          Id: store.newId('Customer_Goal__c'),
          Name: `Goal ${i}`,
          Account__c: accountId,
          Status__c: 'Achieved',
          Achieved_Date__c: '2026-03-01',
          Value_Realized__c: 10
        });
      }
    });
  });
  after(async () => org?.dispose());

  // The achieved-by-stage query the workspace controller ran per load before program snapshots: SUM and
  // COUNT_DISTINCT over every achieved goal of the period.
  const SUM_OVER_GOALS = `SELECT Account__r.Lifecycle_Stage__c stage, COUNT(Id) n, COUNT_DISTINCT(Account__c) customers,
    SUM(Value_Realized__c) amount FROM Customer_Goal__c
    WHERE Status__c = 'Achieved' AND Achieved_Date__c >= 2025-04-01 AND Achieved_Date__c <= 2026-03-31
    WITH USER_MODE GROUP BY Account__r.Lifecycle_Stage__c`;

  it('throws Too many query rows: 50001, though the answer is one row', async () => {
    const t = new ApexTransaction(connection);
    await assert.rejects(t.query('achievedByStage', SUM_OVER_GOALS), {
      name: 'System.LimitException',
      message: 'Too many query rows: 50001'
    });
    // Without the limit the same query answers one group: it is the aggregation, not the answer, that is charged.
    const unlimited = new ApexTransaction(connection, { ...SYNC_LIMITS, queryRows: Infinity });
    const result = await unlimited.query('achievedByStage', SUM_OVER_GOALS);
    assert.equal(result.records.length, 1);
    assert.equal(unlimited.usage().queryRows, GOALS);
  });

  it('passes the COUNT-only shape of the same question, charged one row', async () => {
    const t = new ApexTransaction(connection);
    await t.query(
      'achievedCount',
      `SELECT COUNT(Id) n FROM Customer_Goal__c WHERE Status__c = 'Achieved' AND Achieved_Date__c >= 2025-04-01 WITH USER_MODE`
    );
    assert.equal(t.usage().queryRows, 1);
  });
});
