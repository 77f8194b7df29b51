// Raw HTTP checks of the org's rules and error shapes, one Salesforce error code at a time.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, data, productSchema, startTestOrg, type TestOrg } from './helpers';
import { idSuffix, makeId } from '../ids';

const MISSING_ACCOUNT = makeId('001', 999_999);

type Errors = Array<{ message: string; errorCode: string; fields: string[] }>;
type Results = Array<{
  id?: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}>;

describe('local org over raw HTTP', () => {
  let org: TestOrg;
  let accountId: string;

  before(async () => {
    org = await startTestOrg();
    org.applySchemaChange(productSchema);
    const created = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Parent', Success_Key__c: 'P-1' });
    accountId = (created.body as { id: string }).id;
  });
  after(() => org.dispose());

  const errorOf = (response: { body: unknown }): Errors[number] => (response.body as Errors)[0];

  it('answers 401 INVALID_SESSION_ID without a valid bearer token', async () => {
    for (const token of [null, 'not-the-token']) {
      const response = await call(org, 'GET', `${data}/sobjects`, undefined, token);
      assert.equal(response.status, 401);
      assert.deepEqual(response.body, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
  });

  it('puts Sforce-Limit-Info on every response and counts requests by endpoint', async () => {
    const before = org.counters()['GET /limits'] ?? 0;
    const response = await call(org, 'GET', `${data}/limits`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('sforce-limit-info')!, /^api-usage=\d+\/15000$/);
    assert.equal(org.counters()['GET /limits'], before + 1);
    const unauthorised = await call(org, 'GET', `${data}/limits`, undefined, null);
    assert.match(unauthorised.headers.get('sforce-limit-info')!, /^api-usage=\d+\/15000$/);
    const limits = response.body as { DailyApiRequests: { Max: number; Remaining: number } };
    assert.equal(limits.DailyApiRequests.Max, 15000);
  });

  it('serves versions, the version root and userinfo, also through a double slash', async () => {
    const versions = (await call(org, 'GET', '/services/data')).body as Array<{ version: string; url: string }>;
    assert.deepEqual(versions.at(-1), { label: "Spring '26", url: '/services/data/v66.0', version: '66.0' });
    const root = await call(org, 'GET', `/${data}/`);
    assert.equal((root.body as { sobjects: string }).sobjects, `${data}/sobjects`);
    const info = (await call(org, 'GET', '//services/oauth2/userinfo')).body as {
      user_id: string;
      preferred_username: string;
    };
    assert.match(info.user_id, /^005/);
    assert.equal(info.preferred_username, 'admin@localorg.example');
    const unknown = await call(org, 'GET', '/services/data/v99.0/sobjects');
    assert.equal(unknown.status, 404);
    assert.equal(errorOf(unknown).errorCode, 'NOT_FOUND');
  });

  it('issues 18-character Ids with the key prefix and the case-safe suffix', async () => {
    const goal = await call(org, 'POST', `${data}/sobjects/Customer_Goal__c`, { Account__c: accountId });
    const id = (goal.body as { id: string }).id;
    assert.equal(id.length, 18);
    assert.equal(id.slice(0, 3), 'a01');
    assert.equal(id.slice(15), idSuffix(id.slice(0, 15)));
    // A record of a custom object created without a name is named after its Id, as on the platform.
    const read = await call(org, 'GET', `${data}/sobjects/Customer_Goal__c/${id.slice(0, 15)}?fields=Name`);
    assert.equal((read.body as { Name: string }).Name, id);
  });

  it('REQUIRED_FIELD_MISSING on create and when an update clears a required field', async () => {
    const create = await call(org, 'POST', `${data}/sobjects/Opportunity`, { Name: 'No stage' });
    assert.equal(create.status, 400);
    assert.deepEqual(create.body, [
      {
        message: 'Required fields are missing: [StageName, CloseDate]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['StageName', 'CloseDate']
      }
    ]);
    const update = await call(org, 'PATCH', `${data}/sobjects/Account/${accountId}`, { Name: null });
    assert.equal(update.status, 400);
    assert.equal(errorOf(update).errorCode, 'REQUIRED_FIELD_MISSING');
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST for a value outside a restricted picklist', async () => {
    const response = await call(org, 'POST', `${data}/sobjects/Customer_Goal__c`, {
      Account__c: accountId,
      Status__c: 'Maybe'
    });
    assert.equal(response.status, 400);
    assert.deepEqual(errorOf(response), {
      message: 'Status: bad value for restricted picklist field: Maybe',
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: ['Status__c']
    });
  });

  it('STRING_TOO_LONG past the field length', async () => {
    const response = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'x'.repeat(256) });
    assert.equal(response.status, 400);
    assert.equal(errorOf(response).errorCode, 'STRING_TOO_LONG');
    assert.deepEqual(errorOf(response).fields, ['Name']);
    assert.match(errorOf(response).message, /max length=255/);
  });

  it('DUPLICATE_VALUE for a unique external ID, case-sensitively', async () => {
    const duplicate = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Dup', Success_Key__c: 'P-1' });
    assert.equal(duplicate.status, 400);
    assert.equal(errorOf(duplicate).errorCode, 'DUPLICATE_VALUE');
    assert.match(
      errorOf(duplicate).message,
      new RegExp(`duplicate value found: Success_Key__c duplicates value on record with id: ${accountId}`)
    );
    const otherCase = await call(org, 'POST', `${data}/sobjects/Account`, {
      Name: 'Other case',
      Success_Key__c: 'p-1'
    });
    assert.equal(otherCase.status, 201);
  });

  it('rejects missing parents by Id and by external ID', async () => {
    const wrongType = await call(org, 'POST', `${data}/sobjects/Contact`, {
      LastName: 'X',
      AccountId: '003000000000000AAA'
    });
    assert.equal(errorOf(wrongType).errorCode, 'FIELD_INTEGRITY_EXCEPTION');
    const missing = await call(org, 'POST', `${data}/sobjects/Contact`, { LastName: 'X', AccountId: MISSING_ACCOUNT });
    assert.equal(missing.status, 400);
    assert.equal(errorOf(missing).errorCode, 'INVALID_CROSS_REFERENCE_KEY');
    const byKey = await call(org, 'POST', `${data}/sobjects/Customer_Goal__c`, {
      Account__r: { Success_Key__c: 'NONE' }
    });
    assert.equal(errorOf(byKey).errorCode, 'INVALID_FIELD');
    assert.equal(
      errorOf(byKey).message,
      'Foreign key external ID: NONE not found for field Success_Key__c in entity Account'
    );
  });

  it('coerces types and rejects values that are not of the field type', async () => {
    const ok = await call(org, 'POST', `${data}/sobjects/Account`, {
      Name: 'Typed',
      NumberOfEmployees: '42',
      AnnualRevenue: 10.5
    });
    const id = (ok.body as { id: string }).id;
    const read = (await call(org, 'GET', `${data}/sobjects/Account/${id}`)).body as Record<string, unknown>;
    assert.equal(read.NumberOfEmployees, 42);
    const bad = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Bad', NumberOfEmployees: 'many' });
    assert.equal(errorOf(bad).errorCode, 'JSON_PARSER_ERROR');
    const badDate = await call(org, 'POST', `${data}/sobjects/Opportunity`, {
      Name: 'D',
      StageName: 'Prospecting',
      CloseDate: '2024-02-30'
    });
    assert.equal(errorOf(badDate).errorCode, 'JSON_PARSER_ERROR');
    const unknownField = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'U', Nope__c: 1 });
    assert.equal(errorOf(unknownField).errorCode, 'INVALID_FIELD');
    const readOnly = await call(org, 'POST', `${data}/sobjects/Customer_Goal__c`, {
      Account__c: accountId,
      Score__c: 3
    });
    assert.equal(errorOf(readOnly).errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('EXCEEDED_ID_LIMIT for more than 200 records in a collection', async () => {
    const records = Array.from({ length: 201 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `N${i}` }));
    const response = await call(org, 'POST', `${data}/composite/sobjects`, { allOrNone: false, records });
    assert.equal(response.status, 400);
    assert.equal(errorOf(response).errorCode, 'EXCEEDED_ID_LIMIT');
  });

  it('collections report per-record results and roll back everything with allOrNone', async () => {
    const records = [
      { attributes: { type: 'Account' }, Name: 'Good' },
      { attributes: { type: 'Account' }, Name: 'x'.repeat(300) }
    ];
    const partial = (await call(org, 'POST', `${data}/composite/sobjects`, { allOrNone: false, records }))
      .body as Results;
    assert.equal(partial[0].success, true);
    assert.deepEqual(
      partial[1].errors.map((e) => e.statusCode),
      ['STRING_TOO_LONG']
    );
    const all = (
      await call(org, 'POST', `${data}/composite/sobjects`, {
        allOrNone: true,
        records: [{ ...records[0], Name: 'Never' }, records[1]]
      })
    ).body as Results;
    assert.deepEqual(
      all.map((r) => r.errors[0].statusCode),
      ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'STRING_TOO_LONG']
    );
    const never = await call(
      org,
      'GET',
      `${data}/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE Name = 'Never'")}`
    );
    assert.equal((never.body as { totalSize: number }).totalSize, 0);
  });

  it('upsert collections flag the same external ID twice in one call', async () => {
    const response = await call(org, 'PATCH', `${data}/composite/sobjects/Account/Success_Key__c`, {
      allOrNone: false,
      records: [
        { attributes: { type: 'Account' }, Name: 'One', Success_Key__c: 'SAME' },
        { attributes: { type: 'Account' }, Name: 'Two', Success_Key__c: 'SAME' }
      ]
    });
    assert.deepEqual(
      (response.body as Results).map((r) => r.errors[0]?.statusCode),
      ['DUPLICATE_EXTERNAL_ID', 'DUPLICATE_EXTERNAL_ID']
    );
  });

  it('upserts one record by external ID: 201 created, then 200 updated', async () => {
    const created = await call(org, 'PATCH', `${data}/sobjects/Account/Success_Key__c/UP-1`, { Name: 'Upserted' });
    assert.equal(created.status, 201);
    assert.equal((created.body as { created: boolean }).created, true);
    const updated = await call(org, 'PATCH', `${data}/sobjects/Account/Success_Key__c/UP-1`, {
      Name: 'Upserted again'
    });
    assert.equal(updated.status, 200);
    assert.equal((updated.body as { id: string }).id, (created.body as { id: string }).id);
    const read = await call(org, 'GET', `${data}/sobjects/Account/Success_Key__c/UP-1`);
    assert.equal((read.body as { Name: string }).Name, 'Upserted again');
  });

  it('cascades a delete to master-detail children and shows them to queryAll', async () => {
    const parent = (await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Doomed' })).body as { id: string };
    const child = (
      await call(org, 'POST', `${data}/sobjects/Customer_Goal__c`, { Account__c: parent.id, Name: 'Orphan' })
    ).body as { id: string };
    const deleted = await call(org, 'DELETE', `${data}/sobjects/Account/${parent.id}`);
    assert.equal(deleted.status, 204);
    const gone = await call(org, 'GET', `${data}/sobjects/Customer_Goal__c/${child.id}`);
    assert.equal(gone.status, 404);
    const soql = encodeURIComponent(`SELECT Id, IsDeleted FROM Customer_Goal__c WHERE Id = '${child.id}'`);
    const live = (await call(org, 'GET', `${data}/query?q=${soql}`)).body as { totalSize: number };
    assert.equal(live.totalSize, 0);
    const all = (await call(org, 'GET', `${data}/queryAll?q=${soql}`)).body as {
      records: Array<{ IsDeleted: boolean }>;
    };
    assert.deepEqual(
      all.records.map((r) => r.IsDeleted),
      [true]
    );
    const again = await call(org, 'DELETE', `${data}/sobjects/Account/${parent.id}`);
    assert.equal(errorOf(again).errorCode, 'ENTITY_IS_DELETED');
  });

  it('MALFORMED_QUERY for bad or unsupported SOQL, INVALID_FIELD and INVALID_TYPE for unknown names', async () => {
    const q = (soql: string): Promise<{ status: number; body: unknown }> =>
      call(org, 'GET', `${data}/query?q=${encodeURIComponent(soql)}`);
    for (const soql of [
      'SELECT FROM Account',
      'SELECT Name, COUNT(Id) FROM Account GROUP BY Name HAVING COUNT(Id) > 1',
      'SELECT TYPEOF Owner WHEN User THEN Name END FROM Account'
    ]) {
      const response = await q(soql);
      assert.equal(response.status, 400, soql);
      assert.equal(errorOf(response).errorCode, 'MALFORMED_QUERY', soql);
    }
    assert.equal(errorOf(await q('SELECT Nope FROM Account')).errorCode, 'INVALID_FIELD');
    assert.equal(errorOf(await q('SELECT Id FROM Nope__c')).errorCode, 'INVALID_TYPE');
    assert.equal(errorOf(await q("SELECT Id FROM Account WHERE NumberOfEmployees = '5'")).errorCode, 'INVALID_FIELD');
  });

  it('filters with date literals', async () => {
    const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const records = [-40, -3, 0, 2, 100].map((offset) => ({
      attributes: { type: 'Opportunity' },
      Name: `Dated ${offset}`,
      StageName: 'Prospecting',
      CloseDate: day(offset)
    }));
    await call(org, 'POST', `${data}/composite/sobjects`, { records });
    const names = async (where: string): Promise<string[]> => {
      const soql = `SELECT Name FROM Opportunity WHERE Name LIKE 'Dated%' AND ${where} ORDER BY CloseDate`;
      const body = (await call(org, 'GET', `${data}/query?q=${encodeURIComponent(soql)}`)).body as {
        records: Array<{ Name: string }>;
      };
      return body.records.map((r) => r.Name);
    };
    assert.deepEqual(await names('CloseDate = TODAY'), ['Dated 0']);
    assert.deepEqual(await names('CloseDate = LAST_N_DAYS:7'), ['Dated -3', 'Dated 0']);
    assert.deepEqual(await names('CloseDate = NEXT_N_DAYS:5'), ['Dated 2']);
    assert.deepEqual(await names('CloseDate < LAST_N_DAYS:30'), ['Dated -40']);
    assert.deepEqual(await names(`CloseDate > ${day(50)}`), ['Dated 100']);
    assert.deepEqual(await names('CreatedDate = TODAY AND CloseDate >= TOMORROW'), ['Dated 2', 'Dated 100']);
  });

  it('answers NOT_FOUND for unknown objects and records', async () => {
    const object = await call(org, 'GET', `${data}/sobjects/Nope__c/describe`);
    assert.equal(object.status, 404);
    assert.equal(errorOf(object).errorCode, 'NOT_FOUND');
    const record = await call(org, 'GET', `${data}/sobjects/Account/0015g0000ZZZZZZAAA`);
    assert.equal(record.status, 404);
  });
});
