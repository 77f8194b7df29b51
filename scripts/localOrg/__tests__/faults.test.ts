// Fault injection by count and by rule, so the scripts' retry and resume paths can be tested.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, data, startTestOrg, type TestOrg } from './helpers';

describe('local org fault injection', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.dispose());

  it('fails the next N matching requests with 503, then recovers', async () => {
    org.faults.inject({ fault: '503', path: '/query', times: 2 });
    const q = `${data}/query?q=${encodeURIComponent('SELECT Id FROM User')}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(org, 'GET', q)).status);
    assert.deepEqual(statuses, [503, 503, 200]);
    org.faults.clear();
  });

  it('lets `skip` requests pass before failing, and matches on method and endpoint', async () => {
    org.faults.inject({
      fault: 'REQUEST_LIMIT_EXCEEDED',
      method: 'POST',
      endpoint: 'POST /sobjects/{type}',
      skip: 1,
      times: 1
    });
    const first = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'One' });
    const read = await call(org, 'GET', `${data}/limits`);
    const second = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Two' });
    const third = await call(org, 'POST', `${data}/sobjects/Account`, { Name: 'Three' });
    assert.deepEqual([first.status, read.status, second.status, third.status], [201, 200, 403, 201]);
    assert.deepEqual(second.body, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    org.faults.clear();
  });

  it('answers UNABLE_TO_LOCK_ROW per record on collections and as a 400 elsewhere', async () => {
    org.faults.inject({ fault: 'UNABLE_TO_LOCK_ROW', path: /\/composite\/sobjects$/, times: 1 });
    const records = [1, 2].map((i) => ({ attributes: { type: 'Account' }, Name: `Locked ${i}` }));
    const locked = await call(org, 'POST', `${data}/composite/sobjects`, { records });
    assert.equal(locked.status, 200);
    assert.deepEqual(
      (locked.body as Array<{ success: boolean; errors: Array<{ statusCode: string }> }>).map((r) => [
        r.success,
        r.errors[0].statusCode
      ]),
      [
        [false, 'UNABLE_TO_LOCK_ROW'],
        [false, 'UNABLE_TO_LOCK_ROW']
      ]
    );
    const retried = await call(org, 'POST', `${data}/composite/sobjects`, { records });
    assert.ok((retried.body as Array<{ success: boolean }>).every((r) => r.success));
    org.faults.inject({ fault: 'UNABLE_TO_LOCK_ROW', method: 'PATCH', times: 1 });
    const id = (retried.body as Array<{ id: string }>)[0].id;
    const single = await call(org, 'PATCH', `${data}/sobjects/Account/${id}`, { Name: 'Renamed' });
    assert.equal(single.status, 400);
    assert.equal((single.body as Array<{ errorCode: string }>)[0].errorCode, 'UNABLE_TO_LOCK_ROW');
    org.faults.clear();
  });

  it('expires the session with INVALID_SESSION_ID on demand, including over the HTTP control endpoint', async () => {
    const added = await call(org, 'POST', '/__localorg/faults', {
      fault: 'INVALID_SESSION_ID',
      path: '/sobjects',
      times: 1
    });
    assert.equal(added.status, 201);
    const expired = await call(org, 'GET', `${data}/sobjects`);
    assert.equal(expired.status, 401);
    assert.deepEqual(expired.body, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    assert.equal((await call(org, 'GET', `${data}/sobjects`)).status, 200);
    const counters = (await call(org, 'GET', '/__localorg/counters')).body as Record<string, number>;
    assert.equal(counters['GET /sobjects'], 2);
    assert.equal((await call(org, 'DELETE', '/__localorg/faults')).status, 204);
  });

  it('checks the token before an injected fault answers, so a fault never reaches an unauthenticated caller', async () => {
    org.faults.inject({ fault: '503', path: '/query', times: 1 });
    const q = `${data}/query?q=${encodeURIComponent('SELECT Id FROM User')}`;
    const anonymous = await call(org, 'GET', q, undefined, null);
    const forged = await call(org, 'GET', q, undefined, 'not-the-token');
    assert.deepEqual(
      [anonymous.status, forged.status],
      [401, 401],
      'an unauthenticated request is refused before any fault'
    );
    assert.deepEqual(forged.body, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    // The rule was not spent on the refused requests: the first authenticated call still meets it.
    assert.equal((await call(org, 'GET', q)).status, 503);
    assert.equal((await call(org, 'GET', q)).status, 200);

    org.faults.inject({ fault: '503', path: '/services/Soap', times: 1 });
    const envelope = (session: string) =>
      '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"' +
      ' xmlns="http://soap.sforce.com/2006/04/metadata"><soapenv:Header><SessionHeader><sessionId>' +
      session +
      '</sessionId></SessionHeader></soapenv:Header><soapenv:Body><describeMetadata><asOfVersion>66.0</asOfVersion>' +
      '</describeMetadata></soapenv:Body></soapenv:Envelope>';
    const soap = (session: string) =>
      fetch(`${org.instanceUrl}/services/Soap/m/66.0`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
        body: envelope(session)
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const refused = await soap('forged');
    assert.equal(refused.status, 500);
    assert.match(refused.text, /INVALID_SESSION_ID/, 'the SOAP session is checked before the fault');
    assert.equal((await soap(org.accessToken)).status, 503, 'the fault still meets the first authenticated call');
    assert.equal((await soap(org.accessToken)).status, 200);
    org.faults.clear();
  });
});
