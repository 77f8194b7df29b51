// The preview server refuses what a web page on another origin could send it (it holds a local org token and listens
// on 127.0.0.1): another Host (DNS rebinding), another Origin, a non-JSON write (a cross-origin text/plain or form
// POST needs no preflight), and bodies past the bound. Raw HTTP, so the headers are exactly the ones under test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { Connection } from 'jsforce';
import { startPreviewServer, type PreviewServer } from '../server';
import { MAX_BODY_BYTES } from '../requestGuard';

interface Answer {
  status: number;
  body: string;
}

/** One request with exactly these headers (fetch would set Host and Origin itself). */
function raw(url: string, method: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method, headers, setHost: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      }
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('preview server request guard', () => {
  let server: PreviewServer;
  let host: string;
  const created: unknown[] = [];
  before(async () => {
    // Only what the routes under test touch: a create through the UI API binding and the accounts list.
    const connection = {
      sobject: () => ({
        create: async (fields: unknown) => {
          created.push(fields);
          return { id: '001000000000001AAA', success: true };
        }
      }),
      query: async () => ({ records: [{ Id: '001000000000001AAA', Name: 'Acme' }] })
    } as unknown as Connection;
    server = await startPreviewServer({ port: 0, connection });
    host = new URL(server.url).host;
  });
  after(() => server.close());

  const create = (
    headers: Record<string, string>,
    body = JSON.stringify({ apiName: 'Account', fields: { Name: 'X' } })
  ) =>
    raw(
      `${server.url}preview/api/ui/records`,
      'POST',
      { 'content-length': String(Buffer.byteLength(body)), ...headers },
      body
    );

  it('serves its own origin: same Host, same Origin, JSON', async () => {
    const ok = await create({ host, origin: `http://${host}`, 'content-type': 'application/json' });
    assert.equal(ok.status, 201, ok.body);
    const list = await raw(`${server.url}preview/api/accounts`, 'GET', { host });
    assert.equal(list.status, 200);
    assert.equal(created.length, 1);
  });

  it('refuses another Host header (a DNS-rebound name) before any route runs', async () => {
    const before = created.length;
    const port = new URL(server.url).port;
    for (const name of [`attacker.example:${port}`, 'localhost:1', '']) {
      const answer = await create({ host: name, 'content-type': 'application/json' });
      assert.equal(answer.status, 403, `Host ${name || '(none)'}`);
    }
    assert.equal((await raw(`${server.url}preview/api/accounts`, 'GET', { host: `evil.test:${port}` })).status, 403);
    assert.equal(created.length, before, 'nothing was created');
  });

  it('refuses a cross-origin request, a text/plain or form POST, and a write with no content type', async () => {
    const before = created.length;
    const crossOrigin = await create({ host, origin: 'http://attacker.example', 'content-type': 'application/json' });
    assert.equal(crossOrigin.status, 403);
    const textPlain = await create({ host, origin: `http://${host}`, 'content-type': 'text/plain' });
    assert.equal(textPlain.status, 415);
    const form = await create({ host, 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
    const untyped = await create({ host });
    assert.equal(untyped.status, 415);
    assert.equal(created.length, before, 'nothing was created');
  });

  it('refuses a body past the bound, whether it declares its length or streams it, and a body that is not JSON', async () => {
    const before = created.length;
    const big = JSON.stringify({ apiName: 'Account', fields: { Name: 'x'.repeat(MAX_BODY_BYTES) } });
    const declared = await create({ host, 'content-type': 'application/json' }, big);
    assert.equal(declared.status, 413);
    const streamed = await raw(
      `${server.url}preview/api/ui/records`,
      'POST',
      { host, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      big
    );
    assert.equal(streamed.status, 413);
    const broken = await create({ host, 'content-type': 'application/json' }, '{"apiName": ');
    assert.equal(broken.status, 400);
    assert.match(JSON.parse(broken.body).message, /not JSON/);
    assert.equal(created.length, before, 'nothing was created');
  });
});
