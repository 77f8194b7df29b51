// What the local org will never have answers in the platform's own error shapes, naming what is unsupported, so a
// client (the sf CLI) prints a clear error instead of failing to parse: SOSL search, anonymous Apex over the Apex SOAP
// API, Apex tests over the Tooling API, and Tooling objects it does not keep (debug logs, source tracking).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API, call, data, startTestOrg, type TestOrg } from './helpers';

describe('local org: unsupported features answer platform-shaped errors', () => {
  let org: TestOrg;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.dispose());

  it('SOSL search is FUNCTIONALITY_NOT_ENABLED', async () => {
    const search = await call(org, 'GET', `${data}/search?q=${encodeURIComponent('FIND {Acme}')}`);
    assert.equal(search.status, 400);
    assert.deepEqual(search.body, [
      { message: 'SOSL search is not supported by the local org', errorCode: 'FUNCTIONALITY_NOT_ENABLED', fields: [] }
    ]);
  });

  it('anonymous Apex over the Apex SOAP API is a SOAP fault naming it', async () => {
    const envelope =
      '<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" ' +
      'xmlns:apex="http://soap.sforce.com/2006/08/apex"><env:Header><apex:SessionHeader>' +
      `<apex:sessionId>${org.accessToken}</apex:sessionId></apex:SessionHeader></env:Header><env:Body>` +
      "<apex:executeAnonymous><apex:String>System.debug('hi');</apex:String></apex:executeAnonymous></env:Body></env:Envelope>";
    const response = await fetch(`${org.instanceUrl}/services/Soap/s/${API}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
      body: envelope
    });
    assert.equal(response.status, 500);
    const body = await response.text();
    assert.match(body, /<faultcode>sf:FUNCTIONALITY_NOT_ENABLED<\/faultcode>/);
    assert.match(body, /Executing anonymous Apex is not supported by the local org/);
  });

  it('Tooling objects the org does not keep are INVALID_TYPE, as in an org without them', async () => {
    for (const object of ['ApexLog', 'SourceMember']) {
      const answer = await call(
        org,
        'GET',
        `/services/data/v${API}/tooling/query?q=${encodeURIComponent(`SELECT Id FROM ${object}`)}`
      );
      assert.equal(answer.status, 400, object);
      assert.equal((answer.body as Array<{ errorCode: string }>)[0].errorCode, 'INVALID_TYPE', object);
    }
  });
});
