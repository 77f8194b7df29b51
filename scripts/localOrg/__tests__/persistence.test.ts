// Data survives restarts, and a process killed in the middle of writing leaves a store that loads.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Store } from '../store';
import { call, data, startTestOrg, tempDir } from './helpers';

describe('local org persistence', () => {
  it('keeps records, schema and the access token across a restart', async () => {
    const dir = tempDir();
    const first = await startTestOrg(dir);
    const created = await call(first, 'POST', `${data}/sobjects/Account`, { Name: 'Persisted' });
    const id = (created.body as { id: string }).id;
    await call(first, 'PATCH', `${data}/sobjects/Account/${id}`, { Industry: 'Energy' });
    const token = first.accessToken;
    await first.close();
    const orgJson = path.join(dir, 'org.json');
    assert.equal(fs.statSync(orgJson).mode & 0o777, 0o600);

    const second = await startTestOrg(dir);
    try {
      assert.equal(second.accessToken, token);
      const read = await call(second, 'GET', `${data}/sobjects/Account/${id}`);
      assert.equal((read.body as { Industry: string }).Industry, 'Energy');
      assert.deepEqual(JSON.parse(fs.readFileSync(orgJson, 'utf8')), {
        instanceUrl: second.instanceUrl,
        accessToken: token,
        users: {}
      });
    } finally {
      await second.dispose();
    }
  });

  it('writes its snapshot a record a line (no string as long as the store), and still reads the one-document format', () => {
    const dir = tempDir();
    const store = new Store({ dataDir: dir });
    const orgId = store.orgId;
    store.compact();
    const file = path.join(dir, 'store', fs.readdirSync(path.join(dir, 'store')).find((f) => /snapshot/.test(f)) ?? '');
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]) as { format: number; orgId: string; schema: Array<{ name: string }> };
    assert.equal(header.format, 2);
    assert.equal(header.orgId, orgId);
    const records = lines.slice(1).map((l) => JSON.parse(l) as [string, string, { Id: string }]);
    assert.ok(
      records.some(([object, kind]) => object === 'User' && kind === 'r'),
      'the admin user is a line'
    );
    // The same store as one JSON document (format 1, what older versions wrote) loads to the same records.
    const data: Record<string, { records: unknown[]; deleted: unknown[] }> = {};
    for (const [object, kind, record] of records) {
      data[object] ??= { records: [], deleted: [] };
      data[object][kind === 'r' ? 'records' : 'deleted'].push(record);
    }
    fs.writeFileSync(file, JSON.stringify({ ...header, format: 1, data }));
    const reloaded = new Store({ dataDir: dir });
    assert.equal(reloaded.orgId, orgId);
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').length - 1, lines.length, 'rewritten line by line');
  });

  it('ignores a torn last journal line and replays the committed ones', () => {
    const dir = tempDir();
    const store = new Store({ dataDir: dir });
    store.transact((tx) =>
      store.put(tx, 'Account', { Id: store.newId('Account'), Name: 'Committed', IsDeleted: false })
    );
    store.close();
    fs.appendFileSync(path.join(dir, 'store', 'journal.ndjson'), '{"counter":9,"ops":[["p","Account",{"Id":"00');
    const reopened = new Store({ dataDir: dir });
    assert.deepEqual(
      [...reopened.object('Account').records.values()].map((r) => r.Name),
      ['Committed']
    );
    reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads after a SIGKILL in the middle of a stream of writes', async () => {
    const dir = tempDir();
    const script = `
      const { Store } = require(${JSON.stringify(path.join(__dirname, '..', 'store.ts'))});
      const store = new Store({ dataDir: process.argv[1] });
      let n = 0;
      const write = () => {
        store.transact((tx) => {
          for (let i = 0; i < 50; i++) store.put(tx, 'Account', { Id: store.newId('Account'), Name: 'Row ' + n++, IsDeleted: false });
        });
        if (n === 500) console.log('ready');
        if (n % 5000 === 0) store.compact();
        setImmediate(write);
      };
      write();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit']
    });
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    assert.equal(line, 'ready');
    child.kill('SIGKILL');
    await once(child, 'exit');
    const store = new Store({ dataDir: dir });
    const names = [...store.object('Account').records.values()].map((r) => r.Name);
    assert.ok(names.length >= 500, `at least the acknowledged rows, got ${names.length}`);
    assert.equal(names.length % 50, 0, 'whole transactions only');
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
