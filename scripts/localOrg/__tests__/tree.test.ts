// sObject Tree (POST composite/tree/{sObject}) as the REST API Developer Guide documents it: nested records created
// in one request with their parents' Ids filled in, results by referenceId, at most 200 records, five types and five
// levels, unique referenceIds, and a failing record failing the whole request with only its referenceId reported.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { call, data, startProductOrg, type TestOrg } from './helpers';

interface TreeAnswer {
  hasErrors: boolean;
  results: Array<{ referenceId: string; id?: string; errors?: Array<{ statusCode: string; fields: string[] }> }>;
}

describe('local org sObject Tree', () => {
  let org: TestOrg;
  let conn: Connection;
  before(async () => {
    ({ org, conn } = await startProductOrg());
  });
  after(() => org.dispose());

  const count = async (soql: string): Promise<number> => (await conn.query(soql)).totalSize;

  it('creates parents and their children in one request and answers every referenceId with its Id', async () => {
    const response = await call(org, 'POST', `${data}/composite/tree/Account`, {
      records: [
        {
          attributes: { type: 'Account', referenceId: 'ref1' },
          Name: 'Tree Acme',
          Success_Key__c: 'T1',
          Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'ref2' }, LastName: 'Smith' }] },
          Customer_Goals__r: {
            records: [
              { attributes: { type: 'Customer_Goal__c', referenceId: 'ref3' }, Name: 'Adopt', Goal_Key__c: 'TG1' }
            ]
          }
        },
        { attributes: { type: 'Account', referenceId: 'ref4' }, Name: 'Tree Beta', Success_Key__c: 'T2' }
      ]
    });
    assert.equal(response.status, 201);
    const answer = response.body as TreeAnswer;
    assert.equal(answer.hasErrors, false);
    assert.deepEqual(
      answer.results.map((r) => r.referenceId),
      ['ref1', 'ref2', 'ref3', 'ref4']
    );
    const ids = Object.fromEntries(answer.results.map((r) => [r.referenceId, r.id]));
    const contact = await conn.query<{ AccountId: string; LastName: string }>(
      `SELECT AccountId, LastName FROM Contact WHERE Id = '${ids.ref2}'`
    );
    assert.equal(contact.records[0].AccountId, ids.ref1);
    const goal = await conn.query<{ Account__c: string }>(
      `SELECT Account__c FROM Customer_Goal__c WHERE Id = '${ids.ref3}'`
    );
    assert.equal(goal.records[0].Account__c, ids.ref1);
    assert.equal(await count("SELECT Id FROM Account WHERE Name LIKE 'Tree %'"), 2);
    assert.equal(org.counters()['POST /composite/tree/{type}'], 1);
  });

  it('one failing record fails the whole request: only its referenceId is reported and nothing is written', async () => {
    const response = await call(org, 'POST', `${data}/composite/tree/Account`, {
      records: [
        {
          attributes: { type: 'Account', referenceId: 'ok1' },
          Name: 'Rollback Parent',
          Customer_Goals__r: {
            records: [{ attributes: { type: 'Customer_Goal__c', referenceId: 'bad1' }, Name: 'Bad', Status__c: 'Nope' }]
          }
        }
      ]
    });
    assert.equal(response.status, 400);
    const answer = response.body as TreeAnswer;
    assert.equal(answer.hasErrors, true);
    assert.equal(answer.results.length, 1);
    assert.equal(answer.results[0].referenceId, 'bad1');
    assert.equal(answer.results[0].errors?.[0].statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    assert.deepEqual(answer.results[0].errors?.[0].fields, ['Status__c']);
    assert.equal(await count("SELECT Id FROM Account WHERE Name = 'Rollback Parent'"), 0);
  });

  it('an unknown field is INVALID_FIELD for the request, in the message shape the sf CLI reads', async () => {
    const response = await call(org, 'POST', `${data}/composite/tree/Account`, {
      records: [{ attributes: { type: 'Account', referenceId: 'f1' }, Name: 'X', Nope__c: 1 }]
    });
    assert.equal(response.status, 400);
    const [error] = response.body as Array<{ errorCode: string; message: string }>;
    assert.equal(error.errorCode, 'INVALID_FIELD');
    assert.equal(error.message, "No such column 'Nope__c' on sobject of type Account");
  });

  it('refuses more than 200 records, duplicate or malformed referenceIds, wrong root types and deep trees', async () => {
    const accounts = (n: number): unknown[] =>
      Array.from({ length: n }, (_, i) => ({
        attributes: { type: 'Account', referenceId: `a${i}` },
        Name: `Bulk ${i}`
      }));
    const exactly = await call(org, 'POST', `${data}/composite/tree/Account`, { records: accounts(200) });
    assert.equal(exactly.status, 201);
    assert.equal((exactly.body as TreeAnswer).results.length, 200);
    const before = await count("SELECT Id FROM Account WHERE Name LIKE 'Bulk %'");
    const over = await call(org, 'POST', `${data}/composite/tree/Account`, { records: accounts(201) });
    assert.equal(over.status, 400);
    assert.match((over.body as Array<{ message: string }>)[0].message, /at most 200 records/);
    assert.equal(await count("SELECT Id FROM Account WHERE Name LIKE 'Bulk %'"), before);

    // 199 roots and one child each on two of them: 201 records across the trees.
    const nested = accounts(199).map((r, i) =>
      i < 2
        ? {
            ...(r as object),
            Contacts: { records: [{ attributes: { type: 'Contact', referenceId: `c${i}` }, LastName: 'C' }] }
          }
        : r
    );
    assert.equal((await call(org, 'POST', `${data}/composite/tree/Account`, { records: nested })).status, 400);

    const duplicate = await call(org, 'POST', `${data}/composite/tree/Account`, {
      records: [
        { attributes: { type: 'Account', referenceId: 'same' }, Name: 'D1' },
        { attributes: { type: 'Account', referenceId: 'same' }, Name: 'D2' }
      ]
    });
    assert.equal(duplicate.status, 400);
    assert.match((duplicate.body as Array<{ message: string }>)[0].message, /Duplicate ReferenceId/);
    const malformed = await call(org, 'POST', `${data}/composite/tree/Account`, {
      records: [{ attributes: { type: 'Account', referenceId: 'bad-ref' }, Name: 'M' }]
    });
    assert.match((malformed.body as Array<{ message: string }>)[0].message, /must start with a letter or a number/);
    const wrongRoot = await call(org, 'POST', `${data}/composite/tree/Account`, {
      records: [{ attributes: { type: 'Contact', referenceId: 'w1' }, LastName: 'W' }]
    });
    assert.equal(wrongRoot.status, 400);
    // Account > ChildAccounts > ChildAccounts ... six levels.
    let deep: Record<string, unknown> = { attributes: { type: 'Account', referenceId: 'd6' }, Name: 'L6' };
    for (let level = 5; level >= 1; level--) {
      deep = {
        attributes: { type: 'Account', referenceId: `d${level}` },
        Name: `L${level}`,
        ChildAccounts: { records: [deep] }
      };
    }
    const tooDeep = await call(org, 'POST', `${data}/composite/tree/Account`, { records: [deep] });
    assert.equal(tooDeep.status, 400);
    assert.match((tooDeep.body as Array<{ message: string }>)[0].message, /5 levels/);
    assert.equal(await count("SELECT Id FROM Account WHERE Name IN ('D1', 'D2', 'M', 'L1')"), 0);
  });
});
