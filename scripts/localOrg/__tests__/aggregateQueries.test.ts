// The SOQL the product's Apex controllers run, over raw HTTP and jsforce: date functions in SELECT, GROUP BY and
// ORDER BY, parent paths in GROUP BY, COUNT_DISTINCT and aliases, a date-arithmetic formula in WHERE, NULLS LAST,
// WITH USER_MODE; and the constructs still refused, each named in MALFORMED_QUERY.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Connection } from 'jsforce';
import {
  API,
  accountWith,
  call,
  data,
  goalAccountField,
  goalObject,
  objectsChange,
  startTestOrg,
  type TestOrg
} from './helpers';
import type { SchemaChange } from '../metadata/host';
import { field, picklist } from '../standardObjects';

const schema: SchemaChange = objectsChange([
  accountWith([
    field('Lifecycle_Stage__c', 'Lifecycle Stage', 'picklist', {
      picklistValues: picklist(['Onboarding', 'Adoption', 'Renewal'])
    })
  ]),
  goalObject([
    goalAccountField({ cascadeDelete: true }),
    field('Status__c', 'Status', 'picklist', { picklistValues: picklist(['On Track', 'Achieved', 'Missed']) }),
    field('Start_Date__c', 'Start Date', 'date'),
    field('Achieved_Date__c', 'Achieved Date', 'date'),
    field('Value_Realized__c', 'Value Realized', 'currency', { precision: 16, scale: 2 }),
    field('Days_To_Value__c', 'Days To Value', 'double', {
      precision: 18,
      scale: 0,
      calculated: true,
      formula: 'Achieved_Date__c - Start_Date__c'
    })
  ])
]);

type Row = Record<string, unknown>;

describe('local org: the aggregate SOQL the controllers run', () => {
  let org: TestOrg;
  const accounts: Record<string, string> = {};

  const query = async (soql: string): Promise<{ status: number; body: unknown }> =>
    call(org, 'GET', `${data}/query?q=${encodeURIComponent(soql)}`);
  const rows = async (soql: string): Promise<Row[]> => {
    const response = await query(soql);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return (response.body as { records: Row[] }).records;
  };
  const refused = async (soql: string, construct: RegExp): Promise<void> => {
    const response = await query(soql);
    assert.equal(response.status, 400, `expected a refusal of ${soql}`);
    const [error] = response.body as Array<{ errorCode: string; message: string }>;
    assert.equal(error.errorCode, 'MALFORMED_QUERY');
    assert.match(error.message, construct);
  };

  before(async () => {
    org = await startTestOrg();
    org.applySchemaChange(schema);
    for (const [name, stage] of [
      ['Acme', 'Adoption'],
      ['Globex', 'Adoption'],
      ['Initech', 'Onboarding'],
      ['Hooli', null]
    ] as const) {
      const created = await call(org, 'POST', `${data}/sobjects/Account`, { Name: name, Lifecycle_Stage__c: stage });
      accounts[name] = (created.body as { id: string }).id;
    }
    const goals: Row[] = [
      // Achieved in January 2025 after 10, 40 and 5 days; in December 2024 after 100 days; one with no value.
      {
        Account__c: accounts.Acme,
        Status__c: 'Achieved',
        Start_Date__c: '2025-01-01',
        Achieved_Date__c: '2025-01-11',
        Value_Realized__c: 100
      },
      {
        Account__c: accounts.Acme,
        Status__c: 'Achieved',
        Start_Date__c: '2024-12-05',
        Achieved_Date__c: '2025-01-14',
        Value_Realized__c: 50
      },
      {
        Account__c: accounts.Globex,
        Status__c: 'Achieved',
        Start_Date__c: '2025-01-20',
        Achieved_Date__c: '2025-01-25'
      },
      {
        Account__c: accounts.Initech,
        Status__c: 'Achieved',
        Start_Date__c: '2024-09-01',
        Achieved_Date__c: '2024-12-10',
        Value_Realized__c: 7
      },
      { Account__c: accounts.Hooli, Status__c: 'On Track', Start_Date__c: '2025-01-01' }
    ];
    for (const goal of goals) {
      const created = await call(org, 'POST', `${data}/sobjects/Customer_Goal__c`, goal);
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });
  after(() => org.dispose());

  it('groups by date functions, with aliases, COUNT_DISTINCT and SUM, as AggregateResult rows', async () => {
    const result = await rows(
      "SELECT CALENDAR_YEAR(Achieved_Date__c) y, CALENDAR_MONTH(Achieved_Date__c) m, COUNT(Id) n, COUNT_DISTINCT(Account__c) customers, SUM(Value_Realized__c) amount FROM Customer_Goal__c WHERE Status__c = 'Achieved' AND Achieved_Date__c >= 2024-03-01 AND Achieved_Date__c <= 2025-02-20 WITH USER_MODE GROUP BY CALENDAR_YEAR(Achieved_Date__c), CALENDAR_MONTH(Achieved_Date__c) ORDER BY CALENDAR_YEAR(Achieved_Date__c), CALENDAR_MONTH(Achieved_Date__c)"
    );
    assert.deepEqual(result, [
      { attributes: { type: 'AggregateResult' }, y: 2024, m: 12, n: 1, customers: 1, amount: 7 },
      { attributes: { type: 'AggregateResult' }, y: 2025, m: 1, n: 3, customers: 2, amount: 150 }
    ]);
  });

  it('names unaliased date functions and aggregates expr0, expr1... in order', async () => {
    const result = await rows(
      'SELECT CALENDAR_QUARTER(Achieved_Date__c), DAY_IN_MONTH(Achieved_Date__c), COUNT(Id) FROM Customer_Goal__c WHERE Achieved_Date__c = 2025-01-25 GROUP BY CALENDAR_QUARTER(Achieved_Date__c), DAY_IN_MONTH(Achieved_Date__c)'
    );
    assert.deepEqual(result, [{ attributes: { type: 'AggregateResult' }, expr0: 1, expr1: 25, expr2: 1 }]);
    const weekday = await rows(
      'SELECT DAY_IN_WEEK(Achieved_Date__c) d, WEEK_IN_YEAR(Achieved_Date__c) w, DAY_IN_YEAR(Achieved_Date__c) dy, COUNT(Id) n FROM Customer_Goal__c WHERE Achieved_Date__c = 2024-12-10 GROUP BY DAY_IN_WEEK(Achieved_Date__c), WEEK_IN_YEAR(Achieved_Date__c), DAY_IN_YEAR(Achieved_Date__c)'
    );
    // 2024-12-10 is a Tuesday (Sunday = 1), day 345 of a leap year, in the 50th 7-day block.
    assert.deepEqual(weekday, [{ attributes: { type: 'AggregateResult' }, d: 3, w: 50, dy: 345, n: 1 }]);
  });

  it('groups by a parent path (Account__r.Lifecycle_Stage__c), with a null group for accounts without a stage', async () => {
    const result = await rows(
      'SELECT Account__r.Lifecycle_Stage__c stage, COUNT(Id) n, COUNT_DISTINCT(Account__c) customers FROM Customer_Goal__c WITH USER_MODE GROUP BY Account__r.Lifecycle_Stage__c ORDER BY Account__r.Lifecycle_Stage__c NULLS LAST'
    );
    assert.deepEqual(
      result.map(({ attributes, ...rest }) => (void attributes, rest)),
      [
        { stage: 'Adoption', n: 3, customers: 2 },
        { stage: 'Onboarding', n: 1, customers: 1 },
        { stage: null, n: 1, customers: 1 }
      ]
    );
    // Unaliased, the column is the field's own name, as on the platform.
    const plain = await rows(
      "SELECT Account__r.Lifecycle_Stage__c, COUNT(Id) FROM Customer_Goal__c WHERE Account__r.Lifecycle_Stage__c = 'Onboarding' GROUP BY Account__r.Lifecycle_Stage__c"
    );
    assert.deepEqual(plain, [{ attributes: { type: 'AggregateResult' }, Lifecycle_Stage__c: 'Onboarding', expr0: 1 }]);
  });

  it('filters on a date-arithmetic formula (days to value) and reads it', async () => {
    const result = await rows(
      'SELECT Account__r.Lifecycle_Stage__c stage, COUNT(Id) n FROM Customer_Goal__c WHERE Days_To_Value__c >= 7 AND Days_To_Value__c < 45 GROUP BY Account__r.Lifecycle_Stage__c'
    );
    assert.deepEqual(result, [{ attributes: { type: 'AggregateResult' }, stage: 'Adoption', n: 2 }]);
    const days = await rows('SELECT Days_To_Value__c FROM Customer_Goal__c ORDER BY Days_To_Value__c DESC NULLS LAST');
    assert.deepEqual(
      days.map((r) => r.Days_To_Value__c),
      [100, 40, 10, 5, null]
    );
  });

  it('answers the same through jsforce', async () => {
    const conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API });
    const result = await conn.query<Row>(
      'SELECT Account__r.Lifecycle_Stage__c stage, CALENDAR_MONTH(Achieved_Date__c) m, COUNT(Id) n FROM Customer_Goal__c WHERE Achieved_Date__c != null GROUP BY Account__r.Lifecycle_Stage__c, CALENDAR_MONTH(Achieved_Date__c) ORDER BY COUNT(Id) DESC, Account__r.Lifecycle_Stage__c'
    );
    assert.deepEqual(
      result.records.map((r) => [r.stage, r.m, r.n]),
      [
        ['Adoption', 1, 3],
        ['Onboarding', 12, 1]
      ]
    );
  });

  it('refuses what it does not run, naming the construct', async () => {
    await refused(
      'SELECT Status__c, COUNT(Id) FROM Customer_Goal__c GROUP BY Status__c HAVING COUNT(Id) > 1',
      /HAVING/
    );
    await refused(
      'SELECT CALENDAR_MONTH(Achieved_Date__c) m, COUNT(Id) n FROM Customer_Goal__c GROUP BY Status__c',
      /Field must be grouped or aggregated: CALENDAR_MONTH\(Achieved_Date__c\)/
    );
    await refused(
      'SELECT CALENDAR_MONTH(Name) m FROM Customer_Goal__c GROUP BY CALENDAR_MONTH(Name)',
      /CALENDAR_MONTH\(Name\)/
    );
    await refused(
      'SELECT HOUR_IN_DAY(Achieved_Date__c) h FROM Customer_Goal__c GROUP BY HOUR_IN_DAY(Achieved_Date__c)',
      /HOUR_IN_DAY\(Achieved_Date__c\)/
    );
    await refused(
      'SELECT Id FROM Customer_Goal__c WHERE CALENDAR_YEAR(Achieved_Date__c) = 2025',
      /CALENDAR_YEAR\(Achieved_Date__c\) in WHERE/
    );
  });
});
