// Raw SOAP over HTTP: the faults the platform answers, and the parts of the protocol clients other than jsforce use.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MetadataApi } from '../index';
import { MemoryHost } from './memoryHost';
import { API_VERSION, packageXml, startTestOrg, TOKEN, zipOf, type TestOrg } from './helpers';

function envelope(body: string, sessionId: string | null = TOKEN): string {
  const header =
    sessionId === null
      ? ''
      : `<soapenv:Header><met:SessionHeader><met:sessionId>${sessionId}</met:sessionId></met:SessionHeader></soapenv:Header>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    `xmlns:met="http://soap.sforce.com/2006/04/metadata">${header}<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
  );
}

describe('SOAP faults over HTTP', () => {
  let org: TestOrg;
  const post = async (xml: string) => {
    const res = await fetch(`${org.url}/services/Soap/m/${API_VERSION}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
      body: xml
    });
    return { status: res.status, body: await res.text() };
  };
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('answers an invalid session with INVALID_SESSION_ID and HTTP 500, counting nothing', async () => {
    const res = await post(
      envelope(
        '<met:listMetadata><met:queries><met:type>ApexClass</met:type></met:queries></met:listMetadata>',
        'bogus'
      )
    );
    assert.equal(res.status, 500);
    assert.match(res.body, /<faultcode>sf:INVALID_SESSION_ID<\/faultcode>/);
    assert.match(res.body, /<faultstring>INVALID_SESSION_ID: Invalid Session ID/);
    const missing = await post(envelope('<met:describeMetadata/>', null));
    assert.match(missing.body, /sf:INVALID_SESSION_ID/);
    assert.deepEqual(org.host.requests, []);
  });

  it('makes jsforce see an expired session', async () => {
    org.conn.accessToken = 'expired';
    try {
      await assert.rejects(org.conn.metadata.list({ type: 'ApexClass' }), (e: Error & { errorCode?: string }) => {
        assert.match(`${e.name} ${e.errorCode ?? ''} ${e.message}`, /INVALID_SESSION_ID/);
        return true;
      });
    } finally {
      org.conn.accessToken = TOKEN;
    }
  });

  it('names an operation the local org does not implement', async () => {
    const res = await post(envelope('<met:cancelRetrieve><met:id>09S000000000001AAA</met:id></met:cancelRetrieve>'));
    assert.equal(res.status, 500);
    assert.match(res.body, /<faultcode>sf:INVALID_OPERATION<\/faultcode>/);
    assert.match(res.body, /operation cancelRetrieve/);
    await assert.rejects(org.conn.metadata.upsert('CustomLabel', { fullName: 'X' }), /upsertMetadata/);
  });

  it('names an operation that does not exist', async () => {
    const res = await post(envelope('<met:frobnicate/>'));
    assert.equal(res.status, 500);
    assert.match(res.body, /sf:UNKNOWN_EXCEPTION/);
    assert.match(res.body, /frobnicate/);
  });

  it('rejects a body that is not a SOAP envelope', async () => {
    const res = await post('not xml at all');
    assert.equal(res.status, 500);
    assert.match(res.body, /<faultcode>soapenv:Client<\/faultcode>/);
  });

  it('answers checkDeployStatus for an unknown id with INVALID_CROSS_REFERENCE_KEY', async () => {
    const res = await post(
      envelope(
        '<met:checkDeployStatus><met:asyncProcessId>0Af000000000000AAA</met:asyncProcessId></met:checkDeployStatus>'
      )
    );
    assert.equal(res.status, 500);
    assert.match(res.body, /sf:INVALID_CROSS_REFERENCE_KEY/);
  });

  it('accepts prefixed elements and counts each call against the limit', async () => {
    org.host.requests.length = 0;
    const res = await post(
      envelope(
        '<met:listMetadata><met:queries><met:type>CustomObject</met:type></met:queries><met:asOfVersion>66.0</met:asOfVersion></met:listMetadata>'
      )
    );
    assert.equal(res.status, 200);
    assert.match(res.body, /<listMetadataResponse><result>.*<fullName>Account<\/fullName>/);
    assert.deepEqual(org.host.requests, ['/services/Soap/m/listMetadata']);
  });
});

describe('deploy lifecycle', () => {
  it('returns a Queued AsyncResult at once, then progresses to done', async () => {
    const host = new MemoryHost();
    const api = new MetadataApi(host);
    const zip = (await zipOf({ 'package.xml': packageXml({}) })).toString('base64');
    const res = await api.handle(
      envelope(
        `<deploy><ZipFile>${zip}</ZipFile><DeployOptions><rollbackOnError>true</rollbackOnError></DeployOptions></deploy>`
      )
    );
    assert.equal(res.status, 200);
    const id = /<id>(0Af\w{15})<\/id>/.exec(res.body)?.[1];
    assert.ok(id, res.body);
    assert.match(res.body, /<state>Queued<\/state>/);
    const first = await api.handle(
      envelope(`<checkDeployStatus><asyncProcessId>${id}</asyncProcessId></checkDeployStatus>`)
    );
    assert.match(first.body, /<done>false<\/done>/);
    assert.match(first.body, /<status>(Pending|InProgress)<\/status>/);
    await api.idle();
    const done = await api.handle(
      envelope(
        `<checkDeployStatus><asyncProcessId>${id}</asyncProcessId><includeDetails>true</includeDetails></checkDeployStatus>`
      )
    );
    assert.match(done.body, /<done>true<\/done>/);
    assert.match(done.body, /<status>Succeeded<\/status>/);
    assert.match(done.body, /<componentSuccesses>.*<fullName>package.xml<\/fullName>/);
  });

  it('cancels a queued deploy and applies nothing', async () => {
    const host = new MemoryHost();
    const api = new MetadataApi(host);
    const zip = (
      await zipOf({
        'package.xml': packageXml({ CustomObject: ['Gone__c'] }),
        'objects/Gone__c.object':
          '<?xml version="1.0"?><CustomObject><label>Gone</label><pluralLabel>Gones</pluralLabel><nameField><label>Name</label><type>Text</type></nameField></CustomObject>'
      })
    ).toString('base64');
    const res = await api.handle(envelope(`<deploy><ZipFile>${zip}</ZipFile></deploy>`));
    const id = /<id>(\w+)<\/id>/.exec(res.body)?.[1] ?? '';
    const cancel = await api.handle(envelope(`<cancelDeploy><id>${id}</id></cancelDeploy>`));
    assert.equal(cancel.status, 200);
    assert.match(cancel.body, /<cancelDeployResponse><result><done>false<\/done><id>/);
    await api.idle();
    const status = await api.handle(
      envelope(`<checkDeployStatus><asyncProcessId>${id}</asyncProcessId></checkDeployStatus>`)
    );
    assert.match(status.body, /<status>Canceled<\/status>/);
    assert.equal(host.schema().has('Gone__c'), false);
    const again = await api.handle(envelope(`<cancelDeploy><id>${id}</id></cancelDeploy>`));
    assert.equal(again.status, 500);
    assert.match(again.body, /INVALID_ID_FIELD/);
  });

  it('reports a deploy interrupted by a restart as failed', async () => {
    const host = new MemoryHost();
    const api = new MetadataApi(host);
    const zip = (await zipOf({ 'package.xml': packageXml({}) })).toString('base64');
    const res = await api.handle(envelope(`<deploy><ZipFile>${zip}</ZipFile></deploy>`));
    const id = /<id>(\w+)<\/id>/.exec(res.body)?.[1] ?? '';
    const saved = host.state; // saved while still queued
    await api.idle();
    host.state = saved;
    const restarted = new MetadataApi(host);
    const status = await restarted.handle(
      envelope(`<checkDeployStatus><asyncProcessId>${id}</asyncProcessId></checkDeployStatus>`)
    );
    assert.match(status.body, /<done>true<\/done>/);
    assert.match(status.body, /<status>Failed<\/status>/);
    assert.match(status.body, /stopped before this deploy finished/);
  });
});
