// The pure parts of migrate, with fakes: plan diffing, deploy polling back-off and time limit, failure mapping,
// version ordering and the component record, LWC staleness.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { staleSources } from '../build';
import { assignPermissionSet } from '../permsets';
import { DeployTimeout, outcomeOf, waitForDeploy } from '../deploy';
import { diffPlan, differences } from '../plan';
import { loadSource, type SourceItem } from '../source';
import { PROJECT_ROOT } from '../../lib/paths';
import { COMPONENTS_MAX_LENGTH, compareVersions, decodeComponents, encodeComponents, key } from '../version';
import { RetriesExhausted, defaultRetryPolicy, withRetry } from '../../seed/retry';

const item = (type: string, fullName: string, hash: string, xml?: Record<string, unknown>): SourceItem => ({
  type,
  fullName,
  file: `force-app/${fullName}`,
  hash,
  xml,
  hasContent: false
});

describe('plan', () => {
  const items = [
    item('CustomField', 'A__c.New__c', 'h1'),
    item('CustomField', 'A__c.Same__c', 'h2', { label: 'Same' }),
    item('CustomField', 'A__c.Edited__c', 'h3new', { label: 'After', length: '80' })
  ];
  const recorded = {
    version: '1.0.0',
    contentHash: 'x',
    components: new Map([
      [key('CustomField', 'A__c.Same__c'), 'h2'],
      [key('CustomField', 'A__c.Edited__c'), 'h3old'],
      [key('CustomField', 'A__c.Gone__c'), 'h4'],
      [key('CustomObject', 'Old__c'), 'h5'],
      [key('CustomField', 'Old__c.Field__c'), 'h6'],
      [key('CustomField', 'A__c.AlreadyDeleted__c'), 'h7']
    ])
  };
  const existing = new Set(
    ['A__c.Same__c', 'A__c.Edited__c', 'A__c.Gone__c', 'Old__c.Field__c']
      .map((n) => key('CustomField', n))
      .concat(key('CustomObject', 'Old__c'))
  );

  it('says create, change (with the elements that differ) or left alone', () => {
    const read = new Map([
      [
        key('CustomField', 'A__c.Edited__c'),
        { fullName: 'A__c.Edited__c', label: 'Before', length: 80, required: false }
      ]
    ]);
    const plan = diffPlan(items, { existing, read }, recorded);
    assert.deepEqual(
      plan.entries.map((e) => [e.action, e.fullName, e.details]),
      [
        ['create', 'A__c.New__c', []],
        ['unchanged', 'A__c.Same__c', []],
        ['change', 'A__c.Edited__c', ["label: 'Before' -> 'After'"]]
      ]
    );
    assert.deepEqual(plan.counts, { create: 1, change: 1, unchanged: 1 });
  });

  it('offers for deletion only what migrate deployed and the org still has; an object stands for its fields', () => {
    const plan = diffPlan(items, { existing, read: new Map() }, recorded);
    assert.deepEqual(
      plan.destructive.map((d) => key(d.type, d.fullName)),
      ['CustomField:A__c.Gone__c', 'CustomObject:Old__c']
    );
    const firstInstall = diffPlan(items, { existing, read: new Map() }, undefined);
    assert.deepEqual(firstInstall.destructive, [], 'nothing recorded: nothing the org holds is ours to delete');
  });

  it('compares only the elements the source sets, across string and typed values', () => {
    assert.deepEqual(differences({ required: 'false', length: '40' }, { required: false, length: 40, extra: 'x' }), []);
    assert.deepEqual(differences({ valueSet: { restricted: 'true' } }, { valueSet: { restricted: false } }), [
      'valueSet: {"restricted":"false"} -> {"restricted":"true"}'
    ]);
  });
});

describe('deploy polling', () => {
  function fakeConnection(statuses: Array<Record<string, unknown>>): Connection {
    let n = 0;
    return {
      metadata: {
        checkDeployStatus: async () => statuses[Math.min(n++, statuses.length - 1)]
      }
    } as unknown as Connection;
  }

  it('backs off between polls up to a ceiling and reports progress', async () => {
    const waits: number[] = [];
    const progress: string[] = [];
    const pending = {
      id: '0Af000000000001',
      done: false,
      status: 'InProgress',
      numberComponentsDeployed: 1,
      numberComponentsTotal: 4
    };
    const conn = fakeConnection([
      pending,
      pending,
      pending,
      pending,
      { ...pending, done: true, status: 'Succeeded', success: true, numberComponentsDeployed: 4 }
    ]);
    let clock = 0;
    const outcome = await waitForDeploy(conn, pending.id, [], {
      timeoutMs: 60_000,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      initialDelayMs: 1000,
      maxDelayMs: 2000,
      onProgress: (p) => progress.push(`${p.deployed}/${p.total}`)
    });
    assert.equal(outcome.success, true);
    assert.deepEqual(waits, [1000, 1500, 2000, 2000]);
    assert.deepEqual(progress, ['1/4', '1/4', '1/4', '1/4', '4/4']);
  });

  it('gives up after its own time limit with the id to resume', async () => {
    const conn = fakeConnection([{ id: '0Af000000000002', done: false, status: 'InProgress' }]);
    let clock = 0;
    await assert.rejects(
      waitForDeploy(conn, '0Af000000000002', [], {
        timeoutMs: 5_000,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        }
      }),
      (e: unknown) => e instanceof DeployTimeout && /--resume 0Af000000000002/.test(e.message)
    );
  });

  it('maps a failure back to the source file, with its line', () => {
    const outcome = outcomeOf(
      {
        id: '0Af1',
        done: 'true',
        success: 'false',
        status: 'Failed',
        details: {
          componentFailures: {
            componentType: 'CustomField',
            fullName: 'A__c.Edited__c',
            fileName: 'objects/A__c.object',
            lineNumber: '12',
            problem: 'bad'
          }
        }
      },
      items()
    );
    assert.deepEqual(outcome.failures, [
      {
        componentType: 'CustomField',
        fullName: 'A__c.Edited__c',
        fileName: 'force-app/A__c.Edited__c',
        line: 12,
        column: undefined,
        problem: 'bad'
      }
    ]);
    function items(): SourceItem[] {
      return [item('CustomField', 'A__c.Edited__c', 'h')];
    }
  });
});

describe('version record', () => {
  it('orders versions numerically and round-trips the component list', () => {
    assert.equal(compareVersions('1.10.0', '1.9.3'), 1);
    assert.equal(compareVersions('1.0.0', '1.0.0'), 0);
    assert.equal(compareVersions('0.9.0', '1.0.0'), -1);
    const text = encodeComponents([
      { type: 'CustomField', fullName: 'B__c.X__c', hash: 'b' },
      { type: 'CustomField', fullName: 'A__c.X__c', hash: 'a' }
    ]);
    assert.equal(text, 'CustomField\n A__c.X__c=a\n B__c.X__c=b');
    assert.deepEqual(
      [...decodeComponents(text)],
      [
        ['CustomField:A__c.X__c', 'a'],
        ['CustomField:B__c.X__c', 'b']
      ]
    );
    // Each type is written once: the types sorted, their components sorted under them.
    const mixed = encodeComponents([
      { type: 'LightningComponentBundle', fullName: 'goalRow', hash: 'c' },
      { type: 'CustomField', fullName: 'B__c.X__c', hash: 'b' },
      { type: 'ApexClass', fullName: 'AccountSuccessController', hash: 'd' }
    ]);
    assert.equal(
      mixed,
      'ApexClass\n AccountSuccessController=d\nCustomField\n B__c.X__c=b\nLightningComponentBundle\n goalRow=c'
    );
    assert.equal(decodeComponents(mixed).get('LightningComponentBundle:goalRow'), 'c');
    // The one-line-per-component list older versions recorded still reads.
    assert.deepEqual(
      [...decodeComponents('CustomField:A__c.X__c=a\nApexClass:Foo=f')],
      [
        ['CustomField:A__c.X__c', 'a'],
        ['ApexClass:Foo', 'f']
      ]
    );
  });

  it("keeps the product's own component list inside Components__c", async () => {
    const source = await loadSource(PROJECT_ROOT);
    const text = encodeComponents(
      source.items.map((item) => ({ type: item.type, fullName: item.fullName, hash: item.hash }))
    );
    assert.ok(text.length <= COMPONENTS_MAX_LENGTH, `${text.length} characters`);
    assert.equal(decodeComponents(text).size, new Set(source.items.map((item) => key(item.type, item.fullName))).size);
  });
});

describe('build if stale', () => {
  it('finds a .ts whose .js is missing or older, and nothing once built', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-build-'));
    try {
      const dir = path.join(root, 'force-app', 'main', 'default', 'lwc', 'panel');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'panel.ts'), 'export {};');
      fs.writeFileSync(path.join(dir, 'panel.d.ts'), 'export {};');
      assert.deepEqual(staleSources(root), ['force-app/main/default/lwc/panel/panel.ts']);
      fs.writeFileSync(path.join(dir, 'panel.js'), 'export {};');
      const old = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(dir, 'panel.js'), old, old);
      assert.deepEqual(staleSources(root), ['force-app/main/default/lwc/panel/panel.ts'], 'older .js is stale');
      const now = new Date(Date.now() + 1000);
      fs.utimesSync(path.join(dir, 'panel.js'), now, now);
      assert.deepEqual(staleSources(root), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('--assign-permsets', () => {
  function fakeOrg(assigned: boolean) {
    const created: unknown[] = [];
    const queries: string[] = [];
    const conn = {
      request: async () => ({ user_id: '005000000000001AAA' }),
      query: async (soql: string) => {
        queries.push(soql);
        if (soql.includes('FROM PermissionSet ')) return { totalSize: 1, records: [{ Id: '0PS000000000001AAA' }] };
        return { totalSize: assigned ? 1 : 0, records: assigned ? [{ Id: '0Pa000000000001AAA' }] : [] };
      },
      sobject: () => ({
        create: async (record: unknown) => {
          created.push(record);
          return { success: true, id: '0Pa000000000002AAA' };
        }
      })
    } as unknown as Connection;
    return { conn, created, queries };
  }

  it('assigns Customer_Success_Admin to the running user once, and never a duplicate', async () => {
    const fresh = fakeOrg(false);
    assert.deepEqual(await assignPermissionSet(fresh.conn), {
      permissionSet: 'Customer_Success_Admin',
      userId: '005000000000001AAA',
      assigned: true
    });
    assert.deepEqual(fresh.created, [{ AssigneeId: '005000000000001AAA', PermissionSetId: '0PS000000000001AAA' }]);
    assert.match(fresh.queries[0], /WHERE Name = 'Customer_Success_Admin'/);

    const again = fakeOrg(true);
    assert.equal((await assignPermissionSet(again.conn)).assigned, false);
    assert.deepEqual(again.created, []);
  });
});

describe('retries of Metadata API calls', () => {
  const policy = { ...defaultRetryPolicy(), maxAttempts: 3, sleep: async () => undefined };
  const failing = (errorCode: string, answers: number) => {
    let calls = 0;
    return {
      calls: () => calls,
      run: async (): Promise<string> => {
        calls++;
        if (calls <= answers) throw Object.assign(new Error('Service Unavailable'), { errorCode });
        return 'done';
      }
    };
  };

  it('a 503 is retried until it passes, and stops after maxAttempts with the label and the code', async () => {
    const twice = failing('ERROR_HTTP_503', 2);
    assert.equal(await withRetry('listMetadata', twice.run, policy), 'done');
    assert.equal(twice.calls(), 3);
    const always = failing('ERROR_HTTP_503', 99);
    await assert.rejects(
      withRetry('listMetadata', always.run, policy),
      (error: unknown) =>
        error instanceof RetriesExhausted && /^listMetadata: ERROR_HTTP_503 after 3 attempts/.test(error.message)
    );
    assert.equal(always.calls(), 3);
  });

  it('a request that may have taken effect (starting a deploy) is not sent again after a broken connection', async () => {
    const reset = failing('ECONNRESET', 1);
    await assert.rejects(withRetry('deploy', reset.run, policy, { idempotent: false }), /Service Unavailable/);
    assert.equal(reset.calls(), 1, 'sent once');
    // The org answered 503: it took nothing, so the deploy is sent again.
    const refused = failing('ERROR_HTTP_503', 1);
    assert.equal(await withRetry('deploy', refused.run, policy, { idempotent: false }), 'done');
    assert.equal(refused.calls(), 2);
    // A reading call is retried after a broken connection.
    const read = failing('ECONNRESET', 1);
    assert.equal(await withRetry('listMetadata', read.run, policy), 'done');
  });
});
