// Record-scoped fault injection: a lock on chosen rows inside sObject Collections, composite subrequests and
// single-record calls, answered per row as the platform does, with the other rows written.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, data, productSchema, startTestOrg, type TestOrg } from './helpers';

const LOCK = {
  statusCode: 'UNABLE_TO_LOCK_ROW',
  message: 'unable to obtain exclusive access to this record or 1 records',
  fields: []
};

interface Row {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

const goal = (key: string, account = 'ACME') => ({
  attributes: { type: 'Customer_Goal__c' },
  Goal_Key__c: key,
  Name: `Goal ${key}`,
  Account__r: { Success_Key__c: account }
});

describe('record-scoped faults', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg();
    org.applySchemaChange(productSchema);
    const account = await call(org, 'PATCH', `${data}/sobjects/Account/Success_Key__c/ACME`, { Name: 'Acme' });
    assert.equal(account.status, 201);
  });
  afterEach(() => org.faults.clear());
  after(() => org.dispose());

  async function goalKeys(prefix: string): Promise<string[]> {
    const q = `SELECT Goal_Key__c FROM Customer_Goal__c WHERE Goal_Key__c LIKE '${prefix}%' ORDER BY Goal_Key__c`;
    const result = await call(org, 'GET', `${data}/query?q=${encodeURIComponent(q)}`);
    return (result.body as { records: Array<{ Goal_Key__c: string }> }).records.map((r) => r.Goal_Key__c);
  }

  it('fails only the matching row of a collection upsert; the others are written; a retry writes it once', async () => {
    org.faults.inject({
      kind: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Customer_Goal__c', externalId: 'G-0002' },
      times: 1
    });
    const records = ['G-0001', 'G-0002', 'G-0003'].map((k) => goal(k));
    const first = await call(org, 'PATCH', `${data}/composite/sobjects/Customer_Goal__c/Goal_Key__c`, {
      allOrNone: false,
      records
    });
    assert.equal(first.status, 200);
    const rows = first.body as Row[];
    assert.deepEqual(
      rows.map((r) => r.success),
      [true, false, true]
    );
    assert.deepEqual(rows[1], { success: false, errors: [LOCK], created: false });
    assert.deepEqual(await goalKeys('G-'), ['G-0001', 'G-0003']);

    const retry = await call(org, 'PATCH', `${data}/composite/sobjects/Customer_Goal__c/Goal_Key__c`, {
      allOrNone: false,
      records
    });
    assert.deepEqual(
      (retry.body as Row[]).map((r) => [r.success, r.created]),
      [
        [true, false],
        [true, true],
        [true, false]
      ]
    );
    assert.deepEqual(await goalKeys('G-'), ['G-0001', 'G-0002', 'G-0003'], 'no duplicate, no loss');
  });

  it('reaches into composite subrequests: only the targeted object is locked, the subrequests still answer 200', async () => {
    org.faults.inject({
      fault: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'customer_goal__c' },
      times: 2
    });
    const response = await call(org, 'POST', `${data}/composite`, {
      allOrNone: false,
      compositeRequest: [
        {
          method: 'PATCH',
          url: `${data}/composite/sobjects/Account/Success_Key__c`,
          referenceId: 'accounts',
          body: {
            allOrNone: false,
            records: [{ attributes: { type: 'Account' }, Success_Key__c: 'BETA', Name: 'Beta' }]
          }
        },
        {
          method: 'PATCH',
          url: `${data}/composite/sobjects/Customer_Goal__c/Goal_Key__c`,
          referenceId: 'goals',
          body: { allOrNone: false, records: ['C-1', 'C-2', 'C-3'].map((k) => goal(k, 'BETA')) }
        }
      ]
    });
    assert.equal(response.status, 200);
    const [accounts, goals] = (response.body as { compositeResponse: Array<{ httpStatusCode: number; body: Row[] }> })
      .compositeResponse;
    assert.equal(accounts.httpStatusCode, 200);
    assert.deepEqual(
      accounts.body.map((r) => r.success),
      [true]
    );
    assert.equal(goals.httpStatusCode, 200);
    assert.deepEqual(
      goals.body.map((r) => (r.success ? 'ok' : r.errors[0].statusCode)),
      ['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW', 'ok']
    );
    assert.deepEqual(await goalKeys('C-'), ['C-3']);
  });

  it('with allOrNone a locked row rolls the others back, as on the platform', async () => {
    org.faults.inject({ fault: 'UNABLE_TO_LOCK_ROW', scope: 'record', match: { externalId: 'R-2' } });
    const response = await call(org, 'PATCH', `${data}/composite/sobjects/Customer_Goal__c/Goal_Key__c`, {
      allOrNone: true,
      records: ['R-1', 'R-2'].map((k) => goal(k))
    });
    assert.deepEqual(
      (response.body as Row[]).map((r) => r.errors[0]?.statusCode),
      ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'UNABLE_TO_LOCK_ROW']
    );
    assert.deepEqual(await goalKeys('R-'), []);
  });

  it('counts records for skip and times, and fails a single-record call with a 400', async () => {
    org.faults.inject({
      fault: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { object: 'Account' },
      method: 'PATCH',
      skip: 1,
      times: 1
    });
    const created = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Not a PATCH' });
    assert.equal(created.status, 201, 'the rule filters on the HTTP method');
    const id = (created.body as { id: string }).id;
    const first = await call(org, 'PATCH', `${data}/sobjects/Account/${id}`, { Name: 'Passes (skip)' });
    const second = await call(org, 'PATCH', `${data}/sobjects/Account/${id}`, { Name: 'Locked' });
    const third = await call(org, 'PATCH', `${data}/sobjects/Account/${id}`, { Name: 'Passes (times used up)' });
    assert.deepEqual([first.status, second.status, third.status], [204, 400, 204]);
    assert.deepEqual(second.body, [{ message: LOCK.message, errorCode: 'UNABLE_TO_LOCK_ROW', fields: [] }]);
    const read = await call(org, 'GET', `${data}/sobjects/Account/${id}?fields=Name`);
    assert.equal((read.body as { Name: string }).Name, 'Passes (times used up)');
  });

  it('matches by Id on a collection delete', async () => {
    const made = await call(org, 'POST', `${data}/composite/sobjects`, {
      records: ['D-1', 'D-2'].map((k) => goal(k))
    });
    const ids = (made.body as Row[]).map((r) => String(r.id));
    org.faults.inject({ fault: 'UNABLE_TO_LOCK_ROW', scope: 'record', match: { id: ids[0].slice(0, 15) } });
    const deleted = await call(org, 'DELETE', `${data}/composite/sobjects?ids=${ids.join(',')}`);
    assert.deepEqual(
      (deleted.body as Row[]).map((r) => [r.id, r.success]),
      [
        [ids[0], false],
        [ids[1], true]
      ]
    );
    assert.deepEqual(await goalKeys('D-'), ['D-1']);
  });

  it('refuses rules that cannot be honoured, in process and over HTTP', async () => {
    assert.throws(
      () => org.faults.inject({ fault: '503', scope: 'record', match: { object: 'Account' } }),
      /record-scoped fault can only be UNABLE_TO_LOCK_ROW/
    );
    assert.throws(() => org.faults.inject({ match: { object: 'Account' } }), /fault must be one of/);
    const bad = await call(org, 'POST', '/__localorg/faults', { kind: 'UNABLE_TO_LOCK_ROW', match: { id: 'x' } });
    assert.equal(bad.status, 400);
    assert.match((bad.body as Array<{ message: string }>)[0].message, /match needs scope: 'record'/);
    const good = await call(org, 'POST', '/__localorg/faults', {
      kind: 'UNABLE_TO_LOCK_ROW',
      scope: 'record',
      match: { externalId: 'H-1' },
      times: 1
    });
    assert.equal(good.status, 201);
    const locked = await call(org, 'PATCH', `${data}/composite/sobjects/Customer_Goal__c/Goal_Key__c`, {
      records: [goal('H-1')]
    });
    assert.deepEqual((locked.body as Row[])[0].errors, [LOCK]);
  });
});
