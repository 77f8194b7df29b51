import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ConnectionError, EXIT, UsageError, parseFlags, redact, registerSecret } from '../cli';
import { connect, connectionOptionsFrom } from '../connection';

const TOKEN = '00Dxx0000000001!AQ4AQFakeSentinelTokenValue1234567890';

describe('cli helpers', () => {
  it('parses known flags and names an unknown one', () => {
    assert.deepEqual(
      parseFlags(['--dry-run', '--target-org', 'uat'], {
        'dry-run': { type: 'boolean' },
        'target-org': { type: 'string' }
      }),
      {
        'dry-run': true,
        'target-org': 'uat'
      }
    );
    assert.throws(
      () => parseFlags(['--colour'], {}),
      (e: unknown) => e instanceof UsageError && /--colour/.test(e.message) && e.exitCode === EXIT.USAGE
    );
  });

  it('redacts registered secrets and anything shaped like a session id', () => {
    registerSecret('plain-secret-value');
    assert.equal(redact('token plain-secret-value here'), 'token [redacted] here');
    assert.equal(redact(`sid ${TOKEN}`), 'sid [redacted]');
    assert.equal(redact('Authorization: Bearer abcdefghijklmnopqrstuvwxyz'), 'Authorization: Bearer [redacted]');
  });
});

describe('connection options', () => {
  it('needs an org, and refuses both ways at once', () => {
    assert.throws(() => connectionOptionsFrom({}, {}), /no org given/);
    assert.throws(() => connectionOptionsFrom({ 'target-org': 'a', 'instance-url': 'http://x' }, {}), /not both/);
    assert.deepEqual(connectionOptionsFrom({}, { SF_INSTANCE_URL: 'http://127.0.0.1:1', SF_ACCESS_TOKEN: 't' }), {
      targetOrg: undefined,
      instanceUrl: 'http://127.0.0.1:1',
      accessToken: 't'
    });
  });

  it('refuses an instance URL without a token, or one that is not a URL, before sending anything', async () => {
    await assert.rejects(
      connect({ instanceUrl: 'http://127.0.0.1:9' }),
      (e: unknown) => e instanceof UsageError && /SF_ACCESS_TOKEN/.test(e.message)
    );
    await assert.rejects(connect({ instanceUrl: 'not a url', accessToken: 'x' }), /is not a URL/);
  });
});

describe('connect against a server that rejects the session', () => {
  let server: http.Server;
  let url: string;
  before(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fails with a connection error (exit 3) that does not carry the token', async () => {
    await assert.rejects(connect({ instanceUrl: url, accessToken: TOKEN }), (e: unknown) => {
      assert.ok(e instanceof ConnectionError);
      assert.equal(e.exitCode, EXIT.CONNECTION);
      assert.match(e.message, /INVALID_SESSION_ID/);
      assert.ok(!redact(e.message).includes(TOKEN));
      assert.ok(!e.message.includes(TOKEN));
      return true;
    });
  });
});
