// What `sf data query` reads besides the rows: the query's column metadata (`query?q=...&columns=true`, the shape of
// the sf CLI's own recorded exemplars: columnName, displayName, joinColumns for parent paths, aggregate for child
// subqueries and functions, exprN names), and the Tooling API query over ApexClass records made by deploys.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API, call, data, productSchema, startTestOrg, type TestOrg } from './helpers';

interface Column {
  aggregate: boolean;
  apexType: string | null;
  columnName: string;
  displayName: string;
  foreignKeyName: string | null;
  joinColumns: Column[];
  numberType: boolean;
  textType: boolean;
  booleanType: boolean;
  insertable: boolean;
  updatable: boolean;
}

interface Columns {
  columnMetadata: Column[];
  entityName: string;
  groupBy: boolean;
  idSelected: boolean;
  keyPrefix: string;
}

const columns = async (org: TestOrg, soql: string, base = data): Promise<{ status: number; body: unknown }> =>
  call(org, 'GET', `${base}/query?q=${encodeURIComponent(soql)}&columns=true`);

/** Column names as the sf CLI flattens them: parent paths joined by dots, subqueries and functions by name. */
const shape = (list: Column[]): unknown[] =>
  list.map((c) =>
    c.joinColumns.length
      ? { [c.columnName]: shape(c.joinColumns), aggregate: c.aggregate }
      : [c.columnName, c.displayName]
  );

describe('local org query column metadata and the Tooling API', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg();
    org.applySchemaChange({
      ...productSchema,
      upsertApexClasses: [
        { name: 'Greeter', apiVersion: 66, status: 'Active', body: '// says hello\npublic class Greeter {}' },
        { name: 'Old', apiVersion: 40, status: 'Inactive', body: 'public class Old {}' }
      ]
    });
  });
  after(() => org.dispose());

  it('describes plain fields with their Apex type and the entity', async () => {
    const answer = await columns(org, 'SELECT Id, Name, ARR__c FROM Account');
    assert.equal(answer.status, 200);
    const body = answer.body as Columns;
    assert.equal(body.entityName, 'Account');
    assert.equal(body.keyPrefix, '001');
    assert.equal(body.idSelected, true);
    assert.equal(body.groupBy, false);
    const [id, name, arr] = body.columnMetadata;
    assert.deepEqual(
      [id.columnName, id.apexType, id.aggregate, id.insertable, id.updatable],
      ['Id', 'Id', false, false, false]
    );
    assert.deepEqual([name.columnName, name.apexType, name.textType, name.insertable], ['Name', 'String', true, true]);
    assert.deepEqual([arr.columnName, arr.apexType, arr.numberType], ['ARR__c', 'Decimal', true]);
  });

  it('nests parent paths in joinColumns with the foreign key, and child subqueries as aggregate columns', async () => {
    const body = (await columns(org, 'SELECT Name, Account__r.Owner.Name FROM Customer_Goal__c')).body as Columns;
    assert.deepEqual(shape(body.columnMetadata), [
      ['Name', 'Name'],
      { Account__r: [{ Owner: [['Name', 'Name']], aggregate: false }], aggregate: false }
    ]);
    assert.equal(body.columnMetadata[1].foreignKeyName, 'Account__c');
    assert.equal(body.columnMetadata[1].joinColumns[0].foreignKeyName, 'OwnerId');
    const withChildren = (await columns(org, 'SELECT Name, (SELECT LastName FROM Contacts) FROM Account'))
      .body as Columns;
    assert.deepEqual(shape(withChildren.columnMetadata), [
      ['Name', 'Name'],
      { Contacts: [['LastName', 'LastName']], aggregate: true }
    ]);
  });

  it('names aggregate functions by alias or exprN with the function as written, and COUNT() has no columns', async () => {
    const body = (
      await columns(
        org,
        'SELECT Status__c, COUNT(Id), SUM(Impact__c) total, MAX(Target_Date__c) FROM Customer_Goal__c GROUP BY Status__c'
      )
    ).body as Columns;
    assert.equal(body.groupBy, true);
    assert.deepEqual(
      body.columnMetadata.map((c) => [c.columnName, c.displayName, c.aggregate, c.apexType]),
      [
        ['Status__c', 'Status__c', false, 'String'],
        ['expr0', 'COUNT(Id)', true, 'Integer'],
        ['total', 'SUM(Impact__c)', true, 'Double'],
        ['expr1', 'MAX(Target_Date__c)', true, 'Date']
      ]
    );
    assert.deepEqual(((await columns(org, 'SELECT COUNT() FROM Account')).body as Columns).columnMetadata, []);
  });

  it('answers a bad query with the same error as without columns=true', async () => {
    const answer = await columns(org, 'SELECT Nope__c FROM Account');
    assert.equal(answer.status, 400);
    assert.equal((answer.body as Array<{ errorCode: string }>)[0].errorCode, 'INVALID_FIELD');
  });

  it('Tooling API query reads deployed classes as ApexClass records; other objects are not supported', async () => {
    const tooling = `/services/data/v${API}/tooling`;
    const answer = await call(
      org,
      'GET',
      `${tooling}/query?q=${encodeURIComponent('SELECT Name, ApiVersion, Status, Body, LengthWithoutComments FROM ApexClass ORDER BY Name')}`
    );
    assert.equal(answer.status, 200);
    const body = answer.body as { totalSize: number; records: Array<Record<string, unknown>> };
    assert.equal(body.totalSize, 2);
    assert.deepEqual(
      body.records.map((r) => [r.Name, r.ApiVersion, r.Status]),
      [
        ['Greeter', 66, 'Active'],
        ['Old', 40, 'Inactive']
      ]
    );
    assert.equal(body.records[0].Body, '// says hello\npublic class Greeter {}');
    // "public class Greeter {}" without the comment line: 1 newline + 23 characters.
    assert.equal(body.records[0].LengthWithoutComments, 24);
    const columnsAnswer = (await columns(org, 'SELECT Id, Name FROM ApexClass', tooling)).body as Columns;
    assert.equal(columnsAnswer.entityName, 'ApexClass');
    const account = await call(org, 'GET', `${tooling}/query?q=${encodeURIComponent('SELECT Id FROM Account')}`);
    assert.equal(account.status, 400);
    assert.deepEqual((account.body as Array<{ errorCode: string; message: string }>)[0], {
      errorCode: 'INVALID_TYPE',
      message: "sObject type 'Account' is not supported.",
      fields: []
    });
    const tests = await call(org, 'POST', `${tooling}/runTestsAsynchronous`, { classNames: 'Greeter' });
    assert.equal(tests.status, 400);
    assert.equal((tests.body as Array<{ errorCode: string }>)[0].errorCode, 'FUNCTIONALITY_NOT_ENABLED');
    assert.match((tests.body as Array<{ message: string }>)[0].message, /Running Apex tests/);
  });

  it('ApexClass records follow deploys and cannot be written through REST', async () => {
    org.applySchemaChange({
      upsertObjects: [],
      deleteFields: [],
      deleteObjects: [],
      upsertCustomMetadata: [],
      deleteCustomMetadata: [],
      upsertApexClasses: [{ name: 'Greeter', apiVersion: 66, status: 'Active', body: 'public class Greeter { }' }],
      deleteApexClasses: ['Old']
    });
    const rows = await call(org, 'GET', `${data}/query?q=${encodeURIComponent('SELECT Name, Body FROM ApexClass')}`);
    assert.deepEqual(
      (rows.body as { records: Array<Record<string, unknown>> }).records.map((r) => [r.Name, r.Body]),
      [['Greeter', 'public class Greeter { }']]
    );
    const create = await call(org, 'POST', `${data}/sobjects/ApexClass`, { Name: 'Sneaky', Body: 'x' });
    assert.equal(create.status, 400);
  });
});
