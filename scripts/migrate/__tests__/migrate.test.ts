// migrate end to end against the local org: each test starts its own org on port 0 in a temp dir and points migrate at
// its own copy of a small fixture project. Assertions are on exit codes, printed plan lines, the org's state through
// REST describe/query, deploy counters, and a token that never appears in any output.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { startLocalOrg, type LocalOrg } from '../../localOrg';
import { runMigrate, type MigrateOptions } from '../cli';
import type { DataMigration } from '../dataMigrations';
import { startDeploy } from '../deploy';
import { deployZip, loadSource } from '../source';
import { readAppliedVersion, recordedComponents, versionRecordXml } from '../version';
import { makeFixtureProject, type FixtureProject } from './fixtureProject';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let org: LocalOrg;
let project: FixtureProject;
let dataDir: string;
let conn: Connection;
const outputs: string[] = [];

function sink(): { write(chunk: string): boolean; text: string } {
  const s = {
    text: '',
    write(chunk: string) {
      s.text += chunk;
      return true;
    }
  };
  return s;
}

async function migrate(args: string[] = [], extra: Partial<MigrateOptions> = {}): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  const code = await runMigrate({
    projectRoot: project.root,
    argv: ['--instance-url', org.instanceUrl, ...args],
    env: { SF_ACCESS_TOKEN: org.accessToken },
    stdout,
    stderr,
    poll: { sleep: async () => undefined },
    dataMigrations: [],
    build: () => assert.fail('the fixture has no LWCs to build'),
    ...extra
  });
  outputs.push(stdout.text, stderr.text);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const deploys = () => org.counters()['POST /services/Soap/m/deploy'] ?? 0;

async function widgetFields(): Promise<Map<string, { label: string; length: number }>> {
  const d = await conn.sobject('Widget__c').describe();
  return new Map(d.fields.map((f) => [f.name, { label: f.label, length: f.length }]));
}

async function recordedVersion(): Promise<{ Version__c: string; Content_Hash__c: string } | undefined> {
  const r = await conn.query<{ Version__c: string; Content_Hash__c: string }>(
    "SELECT Version__c, Content_Hash__c FROM CS_Package_Version__mdt WHERE DeveloperName = 'Current'"
  );
  return r.records[0];
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-org-'));
  org = await startLocalOrg({ port: 0, dataDir, reset: true });
  conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '66.0' });
  project = makeFixtureProject('1.0.0');
  outputs.length = 0;
});

afterEach(async () => {
  // The token never reaches any output, in any test.
  for (const text of outputs) assert.ok(!text.includes(org.accessToken), `the access token was printed:\n${text}`);
  await org.close();
  project.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Components in the fixture: it copies the operations objects from force-app, so the count follows force-app. */
async function sourceComponents(): Promise<number> {
  return (await loadSource(project.root)).items.length;
}

describe('migrate against the local org', () => {
  it('installs first time: plan of creations, validate, deploy, version and content hash recorded', async () => {
    const run = await migrate();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Installed: nothing recorded \(first install\)/);
    assert.match(
      run.stdout,
      /create {4}CustomField Widget__c\.Size__c \(force-app\/main\/default\/objects\/Widget__c\/fields\/Size__c\.field-meta\.xml\)/
    );
    const n = await sourceComponents();
    assert.match(run.stdout, new RegExp(`Plan: ${n} to create, 0 to change, 0 left alone`));
    assert.equal(deploys(), 2, 'one validation and one deploy');
    const fields = await widgetFields();
    assert.deepEqual([...fields.keys()].filter((f) => f.endsWith('__c')).sort(), [
      'Colour__c',
      'Size__c',
      'Widget_Key__c'
    ]);
    const recorded = await recordedVersion();
    assert.equal(recorded?.Version__c, '1.0.0');
    assert.match(recorded?.Content_Hash__c ?? '', /^[0-9a-f]{64}$/);
  });

  it('sends no deploy on a re-run with no change', async () => {
    assert.equal((await migrate()).code, 0);
    const before = deploys();
    const run = await migrate();
    assert.equal(run.code, 0, run.stderr);
    assert.equal(deploys(), before, 'no deploy sent');
    assert.match(run.stdout, new RegExp(`Plan: 0 to create, 0 to change, ${await sourceComponents()} left alone`));
    assert.match(run.stdout, /Up to date: .*no deploy sent/);
  });

  it('shows a changed field in the plan (dry run sends nothing), then applies it', async () => {
    assert.equal((await migrate()).code, 0);
    project.writeField(
      'Size__c',
      '  <label>Widget Size</label>\n  <length>80</length>\n  <required>false</required>\n  <type>Text</type>'
    );
    const before = deploys();
    const dry = await migrate(['--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(deploys(), before, '--dry-run sends nothing');
    assert.match(dry.stdout, /change {4}CustomField Widget__c\.Size__c/);
    assert.match(dry.stdout, /label: 'Size' -> 'Widget Size'/);
    assert.match(dry.stdout, /length: '40' -> '80'/);
    assert.match(
      dry.stdout,
      new RegExp(`Plan: 0 to create, 1 to change, ${(await sourceComponents()) - 1} left alone`)
    );
    assert.equal((await widgetFields()).get('Size__c')?.label, 'Size');

    const run = await migrate();
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual((await widgetFields()).get('Size__c'), { label: 'Widget Size', length: 80 });
  });

  it('keeps a removed field (with its data count) without --allow-destructive, deletes it with the flag', async () => {
    assert.equal((await migrate()).code, 0);
    const created = await conn.sobject('Widget__c').create({ Name: 'w1', Colour__c: 'red' });
    assert.ok(created.success);
    project.removeField('Colour__c');

    const kept = await migrate();
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /remove\? {3}CustomField Widget__c\.Colour__c \(1 record hold data\)/);
    assert.match(kept.stdout, /re-run with --allow-destructive/);
    assert.ok((await widgetFields()).has('Colour__c'), 'the field and its data stay');

    const removed = await migrate(['--allow-destructive']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stdout, /--allow-destructive: 1 component\(s\) will be deleted/);
    assert.ok(!(await widgetFields()).has('Colour__c'), 'the field is deleted');

    const after = await migrate();
    assert.doesNotMatch(after.stdout, /remove\?/, 'once deleted it is no longer a candidate');
  });

  it('exits 1 on a failing component, names its source file, and leaves the org as it was', async () => {
    assert.equal((await migrate()).code, 0);
    const recordedBefore = await recordedVersion();
    project.writeField(
      'Size__c',
      '  <label>Widget Size</label>\n  <length>80</length>\n  <required>false</required>\n  <type>Text</type>'
    );
    project.writeField(
      'Maker__c',
      '  <label>Maker</label>\n  <referenceTo>No_Such_Object__c</referenceTo>\n  <relationshipName>Widgets</relationshipName>\n  <required>false</required>\n  <type>Lookup</type>'
    );
    const run = await migrate();
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Validation 0Af\w+ Failed: 1 component error\(s\); nothing was applied/);
    assert.match(
      run.stderr,
      /force-app\/main\/default\/objects\/Widget__c\/fields\/Maker__c\.field-meta\.xml: CustomField Widget__c\.Maker__c: .*No_Such_Object__c/
    );
    const fields = await widgetFields();
    assert.ok(!fields.has('Maker__c'));
    assert.equal(fields.get('Size__c')?.label, 'Size', 'the good change in the same package was not applied either');
    assert.deepEqual(await recordedVersion(), recordedBefore, 'the version record is unchanged');
  });

  /** The project's deploy as migrate builds it (its source and version record, nothing destructive), started by hand. */
  async function projectDeployZip(): Promise<{ source: Awaited<ReturnType<typeof loadSource>>; zip: Buffer }> {
    const source = await loadSource(project.root);
    const zip = await deployZip({
      source,
      versionRecord: versionRecordXml({
        version: source.version,
        contentHash: source.contentHash,
        appliedAt: new Date(),
        components: recordedComponents(source.items, [])
      }),
      destructive: []
    });
    return { source, zip };
  }

  it('resumes a deploy by id and records its version', async () => {
    const { source, zip } = await projectDeployZip();
    const id = await startDeploy(conn, zip, { checkOnly: false });
    const run = await migrate(['--resume', id]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Resuming deploy ${id}`));
    // The deploy carries the version record besides the source components.
    const sent = source.items.length + 1;
    assert.match(run.stdout, new RegExp(`Deploy ${id} Succeeded: ${sent}/${sent} components`));
    assert.equal((await recordedVersion())?.Version__c, '1.0.0');
    const again = await migrate();
    assert.match(again.stdout, /Up to date/);

    const bad = await migrate(['--resume', 'not-an-id']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--resume not-an-id: not a deploy id/);
  });

  it('defect 7: --resume of a check-only validation is refused (exit 2): nothing applied, no data migration run', async () => {
    const { zip } = await projectDeployZip();
    const validationId = await startDeploy(conn, zip, { checkOnly: true });
    const ran: string[] = [];
    const step: DataMigration = {
      id: '0001-would-run',
      fromVersion: '1.0.0',
      description: 'must not run after a validation',
      async run() {
        ran.push(this.id);
        return { recordsChanged: 0 };
      }
    };
    const run = await migrate(['--resume', validationId], { dataMigrations: [step] });
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `--resume ${validationId}: a check-only validation, which applies nothing; run migrate without --resume`
      )
    );
    assert.doesNotMatch(run.stdout, /Deploy .* Succeeded/);
    assert.deepEqual(ran, [], 'no data migration ran');
    assert.equal(await readAppliedVersion(conn), undefined, 'no version recorded (the type is not even deployed)');
    const objects = await conn.describeGlobal();
    assert.ok(!objects.sobjects.some((o) => o.name === 'Widget__c'), 'nothing was deployed');
  });

  it('defect 12: a transient 503 from the Metadata API is retried; one that lasts exits 3, not 1', async () => {
    // One 503 on the first Metadata API call (listMetadata while reading the org's state): retried, then installed.
    org.faults.inject({ fault: '503', path: '/services/Soap/m', times: 1 });
    const once = await migrate();
    org.faults.clear();
    assert.equal(once.code, 0, once.stderr);
    assert.match(once.stderr, /retry 1: listMetadata: ERROR_HTTP_503; waiting \d+ ms/);
    assert.equal(once.stderr.match(/retry \d+:/g)?.length, 1, 'one retry');
    assert.equal((await recordedVersion())?.Version__c, '1.0.0');

    project.setVersion('1.0.1');
    const before = deploys();
    org.faults.inject({ fault: '503', path: '/services/Soap/m' });
    const lasting = await migrate();
    org.faults.clear();
    assert.equal(lasting.code, 3, lasting.stderr);
    assert.match(lasting.stderr, /migrate: connection: .*ERROR_HTTP_503.* after 6 attempts/);
    assert.equal(deploys(), before, 'no deploy got through');
  });

  it('applies a data migration once only, journaled in the org', async () => {
    const calls: string[] = [];
    const step = (id: string, fromVersion: string): DataMigration => ({
      id,
      fromVersion,
      description: `test step ${id}`,
      async run() {
        calls.push(id);
        return { recordsChanged: 2 };
      }
    });
    const steps = [step('0002-later', '1.1.0'), step('0001-first', '1.0.0')];
    const first = await migrate([], { dataMigrations: steps });
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(calls, ['0001-first'], 'the 1.1.0 step waits for 1.1.0');
    assert.match(first.stdout, /data migration 0001-first: applied, 2 records changed/);

    assert.equal((await migrate([], { dataMigrations: steps })).code, 0);
    project.setVersion('1.1.0');
    const upgrade = await migrate([], { dataMigrations: steps });
    assert.equal(upgrade.code, 0, upgrade.stderr);
    assert.deepEqual(calls, ['0001-first', '0002-later'], 'each step ran once, in order');

    const journal = await conn.query<{ Migration_Key__c: string; Status__c: string; Records_Changed__c: number }>(
      'SELECT Migration_Key__c, Status__c, Records_Changed__c FROM CS_Data_Migration__c ORDER BY Migration_Key__c'
    );
    assert.deepEqual(
      journal.records.map((r) => [r.Migration_Key__c, r.Status__c, r.Records_Changed__c]),
      [
        ['0001-first', 'Applied', 2],
        ['0002-later', 'Applied', 2]
      ]
    );
  });

  it('builds the LWCs first when a .js is missing, and sends nothing when the build fails', async () => {
    const bundle = path.join(project.root, 'force-app', 'main', 'default', 'lwc', 'hello');
    fs.mkdirSync(bundle, { recursive: true });
    fs.writeFileSync(path.join(bundle, 'hello.ts'), 'export default class Hello {}\n');
    fs.writeFileSync(path.join(bundle, 'hello.html'), '<template><p>Hello</p></template>\n');
    fs.writeFileSync(
      path.join(bundle, 'hello.js-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n  <apiVersion>66.0</apiVersion>\n  <isExposed>false</isExposed>\n</LightningComponentBundle>\n'
    );
    const broken = await migrate([], {
      build: () => {
        throw new Error('hello.ts(1,1): error TS1005');
      }
    });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /hello\.ts\(1,1\): error TS1005/);
    assert.equal(deploys(), 0, 'nothing sent');

    const built: string[] = [];
    const run = await migrate([], {
      build: (root) => {
        built.push(root);
        fs.writeFileSync(path.join(bundle, 'hello.js'), 'export default class Hello {}\n');
      }
    });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(built, [project.root]);
    assert.match(run.stdout, /Building LWCs: 1 \.js missing or older than the \.ts/);
    assert.match(run.stdout, /create {4}LightningComponentBundle hello/);
  });

  it('prints one JSON document with the plan, the deploy id and its status', async () => {
    const run = await migrate(['--json']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      result: string;
      exitCode: number;
      plan: { counts: { create: number } };
      deploy: { id: string; success: boolean };
    };
    assert.equal(doc.result, 'deployed');
    assert.equal(doc.exitCode, 0);
    assert.equal(doc.plan.counts.create, await sourceComponents());
    assert.match(doc.deploy.id, /^0Af/);
    assert.equal(doc.deploy.success, true);
  });

  it('refuses bad usage before sending anything (2) and a bad token with a connection error (3), never printing it', async () => {
    const unknown = await migrate(['--colour']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--colour/);
    const wait = await migrate(['--wait', 'soon']);
    assert.equal(wait.code, 2);
    assert.match(wait.stderr, /--wait soon/);
    assert.equal(deploys(), 0);

    const sentinel = '00D000000000001!SENTINEL_TOKEN_must_never_be_printed_0123456789';
    const stdout = sink();
    const stderr = sink();
    const code = await runMigrate({
      projectRoot: project.root,
      argv: ['--instance-url', org.instanceUrl, '--json'],
      env: { SF_ACCESS_TOKEN: sentinel },
      stdout,
      stderr,
      dataMigrations: []
    });
    assert.equal(code, 3);
    assert.match(stderr.text, /connection/);
    assert.ok(!`${stdout.text}${stderr.text}`.includes(sentinel), 'the sentinel token was printed');
    assert.ok(!`${stdout.text}${stderr.text}`.includes('SENTINEL_TOKEN'), 'part of the sentinel token was printed');
  });
});
