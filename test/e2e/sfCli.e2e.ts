// Conformance: the sf CLI, unmodified (the pinned @salesforce/cli devDependency), as a client of a fresh local org.
// Every command CS ops and admins type runs in a child process with a throwaway HOME, and every step checks what came
// back against what the org holds (its store), not only the exit code: login and display, limits, deploy of
// force-app, retrieve into an empty project (equal to force-app file by file after normalising), permission set
// assignment, record create/get/update/delete, bulk import/upsert/delete/export and bulk results, query in each
// format and through the Tooling API, sObject list/describe, metadata list, tree export then import into a second
// empty org, and the documented errors for what the local org does not run (Apex tests, anonymous Apex).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { startLocalOrg, type LocalOrg } from '../../scripts/localOrg';
import type { SObjectRecord } from '../../scripts/localOrg/store';
import { parseCsv } from '../../scripts/localOrg/rest/bulk2';
import { staleSources } from '../../scripts/migrate/build';
import { runMigrate } from '../../scripts/migrate/cli';
import { runSeed } from '../../scripts/seed/seed';

const BIN = path.join(PROJECT_ROOT, 'node_modules', '.bin');
const SF = path.join(BIN, 'sf');
const DEFAULT = path.join('force-app', 'main', 'default');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const started = Date.now();
let commands = 0;

/** An environment with nothing of the caller's sf state: its own HOME, no telemetry, no update checks. */
function cliEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(SF_|SFDX_)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    // Node 22 from the node devDependency, as every npm script uses.
    PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    // CI sets CI=true, and oclif then prints plain-text tables: the human format is checked as a person's terminal
    // shows it, the same on every machine.
    OCLIF_TABLE_SKIP_CI_CHECK: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra
  };
}

function sf(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  commands++;
  return new Promise((resolve) => {
    execFile(
      SF,
      args,
      { cwd: options.cwd, env: options.env, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      }
    );
  });
}

/** The --json document of a run (the sf CLI prints one JSON object on stdout). */
function json<T = Record<string, unknown>>(run: Run): { status: number; result: T; name?: string; message?: string } {
  const start = run.stdout.indexOf('{');
  assert.ok(start >= 0, `no JSON in output: ${run.stdout}\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start)) as { status: number; result: T; name?: string; message?: string };
}

function ok<T = Record<string, unknown>>(run: Run, what: string): T {
  const doc = json<T>(run);
  assert.equal(run.code, 0, `${what}: exit ${run.code}: ${doc.name ?? ''} ${doc.message ?? ''}`);
  assert.equal(doc.status, 0, what);
  return doc.result;
}

/** What `sf data upsert bulk` and `sf data delete bulk` answer in --json: the job and its result rows. */
interface BulkWrite {
  jobInfo: { state: string; numberRecordsProcessed: number; numberRecordsFailed: number };
  records: { successfulResults: Array<Record<string, string>>; failedResults: Array<Record<string, string>> };
}

const live = (org: LocalOrg, object: string): SObjectRecord[] => [...org.store.object(object).records.values()];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return fs.statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });
/** XML compared as data: formatting, whitespace and the order of differently named elements do not matter. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    );
  return value;
}
const normalised = (file: string): unknown => {
  const text = fs.readFileSync(file, 'utf8');
  return file.endsWith('.xml') ? canonical(parser.parse(text)) : text;
};
/** Every custom label in the project's label files, by name (which file holds a label is the project's choice). */
function labels(root: string): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const file of filesUnder(path.join(root, DEFAULT, 'labels'))) {
    const doc = parser.parse(fs.readFileSync(file, 'utf8')) as { CustomLabels: { labels: unknown } };
    for (const label of ([] as Array<{ fullName: string }>).concat(doc.CustomLabels.labels as never))
      all.set(label.fullName, canonical(label));
  }
  return all;
}

/** A throwaway project: sfdx-project.json, .forceignore and, when asked, a copy of force-app as built. */
function project(withSource: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-conformance-project-'));
  for (const file of ['sfdx-project.json', '.forceignore'])
    fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(dir, file));
  if (withSource) fs.cpSync(path.join(PROJECT_ROOT, 'force-app'), path.join(dir, 'force-app'), { recursive: true });
  else fs.mkdirSync(path.join(dir, 'force-app'));
  return dir;
}

/** The files a deploy sends: force-app without what .forceignore keeps local (TypeScript, tests, configs). */
function deployable(root: string): string[] {
  return filesUnder(path.join(root, 'force-app'))
    .map((f) => path.relative(root, f))
    .filter(
      (f) =>
        !f.endsWith('.ts') &&
        !f.split(path.sep).includes('__tests__') &&
        !/tsconfig.*\.json$/.test(f) &&
        !f.endsWith('jsconfig.json') &&
        !f.endsWith('.eslintrc.json')
    );
}

describe('the sf CLI against the local org', () => {
  let org: LocalOrg;
  let empty: LocalOrg | undefined;
  const temp: string[] = [];
  let home: string;
  let env: NodeJS.ProcessEnv;
  let source: string;
  let work: string;
  const o = ['--target-org', 'local'];
  let importJobId = '';

  before(async () => {
    // The sf CLI deploys the .js beside each component's .ts: a stale one would be deployed (migrate builds itself).
    const stale = staleSources(PROJECT_ROOT);
    assert.deepEqual(stale, [], 'LWC .js missing or older than the .ts: run npm run build (npm test does) first');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-conformance-home-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-conformance-org-'));
    temp.push(home, dataDir);
    org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
    env = cliEnv(home);
    source = project(true);
    work = project(false);
    temp.push(source, work);
  });

  after(async () => {
    await org?.close();
    await empty?.close();
    for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
    process.stdout.write(
      `# sf CLI conformance: ${commands} sf commands in ${((Date.now() - started) / 1000).toFixed(0)} s\n`
    );
  });

  it('logs in with an access token; org display and org list limits read this org', async () => {
    const login = await sf(
      ['org', 'login', 'access-token', '--instance-url', org.instanceUrl, '--no-prompt', '--alias', 'local', '--json'],
      {
        cwd: work,
        env: { ...env, SF_ACCESS_TOKEN: org.accessToken }
      }
    );
    const auth = ok<{ username: string; orgId: string; instanceUrl: string }>(login, 'login');
    const admin = org.store.get('User', org.store.userId)!;
    assert.equal(auth.username, admin.Username);
    assert.equal(auth.orgId, org.store.orgId);

    const display = ok<{ username: string; id: string; instanceUrl: string; connectedStatus: string }>(
      await sf(['org', 'display', ...o, '--json'], { cwd: work, env }),
      'org display'
    );
    assert.equal(display.username, admin.Username);
    assert.equal(display.id, org.store.orgId);
    assert.equal(display.instanceUrl.replace(/\/$/, ''), org.instanceUrl);
    assert.equal(display.connectedStatus, 'Connected');

    const limits = ok<Array<{ name: string; max: number; remaining: number }>>(
      await sf(['org', 'list', 'limits', ...o, '--json'], { cwd: work, env }),
      'org list limits'
    );
    const byName = new Map(limits.map((l) => [l.name, l]));
    assert.deepEqual(byName.get('DailyBulkV2QueryJobs'), {
      name: 'DailyBulkV2QueryJobs',
      max: 10000,
      remaining: 10000
    });
    const api = byName.get('DailyApiRequests')!;
    const used = Object.values(org.counters()).reduce((a, b) => a + b, 0);
    assert.equal(api.max, 15000);
    // The limits call itself and the calls before it are counted; nothing after it yet.
    assert.ok(api.remaining >= 15000 - used && api.remaining < 15000, `remaining ${api.remaining}, used ${used}`);
  });

  it('deploys force-app: every object, class and permission set lands in the org', async () => {
    const result = ok<{
      success: boolean;
      numberComponentErrors: number;
      numberComponentsDeployed: number;
      numberComponentsTotal: number;
    }>(
      await sf(['project', 'deploy', 'start', '--source-dir', 'force-app', ...o, '--wait', '10', '--json'], {
        cwd: source,
        env
      }),
      'deploy'
    );
    assert.equal(result.success, true);
    assert.equal(result.numberComponentErrors, 0);
    assert.equal(result.numberComponentsDeployed, result.numberComponentsTotal);
    for (const object of fs.readdirSync(path.join(source, DEFAULT, 'objects')))
      assert.ok(org.store.findObject(object), `${object} not in the org`);
    const classes = fs
      .readdirSync(path.join(source, DEFAULT, 'classes'))
      .filter((f) => f.endsWith('.cls'))
      .map((f) => f.replace(/\.cls$/, ''))
      .sort();
    assert.deepEqual(
      live(org, 'ApexClass')
        .map((c) => c.Name)
        .sort(),
      classes
    );
    const sets = fs.readdirSync(path.join(source, DEFAULT, 'permissionsets')).map((f) => f.split('.')[0]);
    const inOrg = new Set(live(org, 'PermissionSet').map((p) => p.Name));
    for (const set of sets) assert.ok(inOrg.has(set), `PermissionSet ${set} not in the org`);
  });

  it('retrieves into an empty project the same source that was deployed', async () => {
    ok(
      await sf(
        [
          'project',
          'generate',
          'manifest',
          '--source-dir',
          'force-app',
          '--output-dir',
          work,
          '--name',
          'package.xml',
          '--json'
        ],
        {
          cwd: source,
          env
        }
      ),
      'generate manifest'
    );
    const result = ok<{ status: string; success: boolean }>(
      await sf(['project', 'retrieve', 'start', '--manifest', 'package.xml', ...o, '--wait', '10', '--json'], {
        cwd: work,
        env
      }),
      'retrieve'
    );
    assert.equal(result.status, 'Succeeded');
    const deployed = deployable(source);
    const retrieved = filesUnder(path.join(work, 'force-app')).map((f) => path.relative(work, f));
    const isLabels = (f: string): boolean => f.startsWith(path.join(DEFAULT, 'labels') + path.sep);
    assert.deepEqual(
      deployed.filter((f) => !isLabels(f) && !retrieved.includes(f)),
      [],
      'deployed files not retrieved'
    );
    // Object folders that hold only children (Account, Opportunity fields) come back with an empty object file:
    // source-deploy-retrieve writes one when the target project has none.
    const objects = path.join(DEFAULT, 'objects');
    const expectedExtra = fs
      .readdirSync(path.join(source, objects))
      .filter((o) => !fs.existsSync(path.join(source, objects, o, `${o}.object-meta.xml`)))
      .map((o) => path.join(objects, o, `${o}.object-meta.xml`))
      .sort();
    const extra = retrieved.filter((f) => !isLabels(f) && !deployed.includes(f)).sort();
    assert.deepEqual(extra, expectedExtra);
    for (const file of extra)
      assert.deepEqual(normalised(path.join(work, file)), {
        '?xml': { '@_encoding': 'UTF-8', '@_version': '1.0' },
        CustomObject: { '@_xmlns': 'http://soap.sforce.com/2006/04/metadata' }
      });
    for (const file of deployed.filter((f) => !isLabels(f)))
      assert.deepEqual(normalised(path.join(work, file)), normalised(path.join(source, file)), file);
    // Labels from several files land in CustomLabels.labels-meta.xml in an empty project: compare them by name.
    assert.deepEqual(labels(work), labels(source));
  });

  it('assigns a permission set: the org holds the assignment', async () => {
    const result = ok<{ successes: Array<{ name: string; value: string }> }>(
      await sf(['org', 'assign', 'permset', '--name', 'Customer_Success_Manager', ...o, '--json'], { cwd: work, env }),
      'assign permset'
    );
    assert.deepEqual(
      result.successes.map((s) => s.value),
      ['Customer_Success_Manager']
    );
    const set = live(org, 'PermissionSet').find((p) => p.Name === 'Customer_Success_Manager')!;
    assert.ok(
      live(org, 'PermissionSetAssignment').some(
        (a) => a.PermissionSetId === set.Id && a.AssigneeId === org.store.userId
      )
    );
  });

  it('creates, gets, updates and deletes a record', async () => {
    const created = ok<{ id: string }>(
      await sf(
        [
          'data',
          'create',
          'record',
          '--sobject',
          'Account',
          '--values',
          "Name='Conformance One' Success_Key__c=CONF-1 Industry=Banking",
          ...o,
          '--json'
        ],
        {
          cwd: work,
          env
        }
      ),
      'create record'
    );
    const stored = org.store.get('Account', created.id)!;
    assert.deepEqual([stored.Name, stored.Success_Key__c, stored.Industry], ['Conformance One', 'CONF-1', 'Banking']);
    const got = ok<Record<string, unknown>>(
      await sf(['data', 'get', 'record', '--sobject', 'Account', '--record-id', created.id, ...o, '--json'], {
        cwd: work,
        env
      }),
      'get record'
    );
    assert.deepEqual(
      [got.Id, got.Name, got.Industry, got.OwnerId],
      [stored.Id, stored.Name, stored.Industry, stored.OwnerId]
    );
    ok(
      await sf(
        [
          'data',
          'update',
          'record',
          '--sobject',
          'Account',
          '--record-id',
          created.id,
          '--values',
          'Industry=Technology',
          ...o,
          '--json'
        ],
        {
          cwd: work,
          env
        }
      ),
      'update record'
    );
    assert.equal(org.store.get('Account', created.id)?.Industry, 'Technology');
    ok(
      await sf(['data', 'delete', 'record', '--sobject', 'Account', '--record-id', created.id, ...o, '--json'], {
        cwd: work,
        env
      }),
      'delete record'
    );
    assert.equal(org.store.get('Account', created.id), undefined);
    assert.ok(org.store.getDeleted('Account', created.id), 'the deleted record is in the recycle bin');
  });

  const accounts = [
    ['Name', 'Success_Key__c', 'Industry', 'NumberOfEmployees'],
    ['"Bulk, Alpha"', 'CONF-B1', 'Banking', '10'],
    ['"The ""Beta"" Co"', 'CONF-B2', 'Energy', '20'],
    ['Gamma', 'CONF-B3', 'Retail', ''],
    ['Delta', 'CONF-B4', '', '40'],
    ['Epsilon', 'CONF-B5', 'Media', '50']
  ];
  const bulkAccounts = (org: LocalOrg): SObjectRecord[] =>
    live(org, 'Account')
      .filter((a) => String(a.Success_Key__c ?? '').startsWith('CONF-B'))
      .sort((a, b) => String(a.Success_Key__c).localeCompare(String(b.Success_Key__c)));

  it('imports and upserts accounts and imports contacts (parents by external ID) with Bulk API 2.0', async () => {
    fs.writeFileSync(path.join(work, 'accounts.csv'), accounts.map((r) => r.join(',')).join('\n') + '\n');
    const imported = ok<{ jobId: string; processedRecords: number; successfulRecords: number; failedRecords: number }>(
      await sf(
        ['data', 'import', 'bulk', '--file', 'accounts.csv', '--sobject', 'Account', '--wait', '10', ...o, '--json'],
        { cwd: work, env }
      ),
      'import bulk'
    );
    importJobId = imported.jobId;
    assert.deepEqual([imported.processedRecords, imported.successfulRecords, imported.failedRecords], [5, 5, 0]);
    assert.deepEqual(
      bulkAccounts(org).map((a) => [a.Name, a.Success_Key__c, a.Industry ?? null, a.NumberOfEmployees ?? null]),
      [
        ['Bulk, Alpha', 'CONF-B1', 'Banking', 10],
        ['The "Beta" Co', 'CONF-B2', 'Energy', 20],
        ['Gamma', 'CONF-B3', 'Retail', null],
        ['Delta', 'CONF-B4', null, 40],
        ['Epsilon', 'CONF-B5', 'Media', 50]
      ]
    );
    fs.writeFileSync(
      path.join(work, 'upsert.csv'),
      'Name,Success_Key__c,Industry\nGamma,CONF-B3,Energy\nZeta,CONF-B6,Retail\n'
    );
    const upserted = ok<BulkWrite>(
      await sf(
        [
          'data',
          'upsert',
          'bulk',
          '--file',
          'upsert.csv',
          '--sobject',
          'Account',
          '--external-id',
          'Success_Key__c',
          '--wait',
          '10',
          ...o,
          '--json'
        ],
        { cwd: work, env }
      ),
      'upsert bulk'
    );
    assert.deepEqual(
      [upserted.jobInfo.state, upserted.jobInfo.numberRecordsProcessed, upserted.jobInfo.numberRecordsFailed],
      ['JobComplete', 2, 0]
    );
    assert.deepEqual(upserted.records.successfulResults.map((r) => [r.Success_Key__c, r.sf__Created]).sort(), [
      ['CONF-B3', 'false'],
      ['CONF-B6', 'true']
    ]);
    assert.deepEqual(
      bulkAccounts(org).map((a) => [a.Success_Key__c, a.Industry ?? null]),
      [
        ['CONF-B1', 'Banking'],
        ['CONF-B2', 'Energy'],
        ['CONF-B3', 'Energy'],
        ['CONF-B4', null],
        ['CONF-B5', 'Media'],
        ['CONF-B6', 'Retail']
      ]
    );
    fs.writeFileSync(
      path.join(work, 'contacts.csv'),
      'LastName,Email,Account.Success_Key__c\nAdams,adams@example.com,CONF-B1\nBaker,baker@example.com,CONF-B1\nCole,cole@example.com,CONF-B2\n'
    );
    const contacts = ok<{ successfulRecords: number }>(
      await sf(
        ['data', 'import', 'bulk', '--file', 'contacts.csv', '--sobject', 'Contact', '--wait', '10', ...o, '--json'],
        { cwd: work, env }
      ),
      'import bulk contacts'
    );
    assert.equal(contacts.successfulRecords, 3);
    const keyOf = new Map(live(org, 'Account').map((a) => [a.Id, a.Success_Key__c]));
    assert.deepEqual(
      live(org, 'Contact')
        .map((c) => [c.LastName, c.Email, keyOf.get(c.AccountId)])
        .sort(),
      [
        ['Adams', 'adams@example.com', 'CONF-B1'],
        ['Baker', 'baker@example.com', 'CONF-B1'],
        ['Cole', 'cole@example.com', 'CONF-B2']
      ]
    );
  });

  const soql =
    "SELECT Name, Success_Key__c, Industry, Owner.Name FROM Account WHERE Success_Key__c LIKE 'CONF-B%' ORDER BY Success_Key__c";
  const expectedRows = (): string[][] => {
    const owner = String(org.store.get('User', org.store.userId)?.Name);
    return bulkAccounts(org).map((a) => [
      String(a.Name),
      String(a.Success_Key__c),
      a.Industry ? String(a.Industry) : '',
      owner
    ]);
  };

  it('queries in JSON, human and CSV formats, and through the Tooling API', async () => {
    const rows = expectedRows();
    const result = ok<{ totalSize: number; records: Array<Record<string, unknown> & { Owner: { Name: string } }> }>(
      await sf(['data', 'query', '--query', soql, ...o, '--json'], { cwd: work, env }),
      'query --json'
    );
    assert.equal(result.totalSize, rows.length);
    assert.deepEqual(
      result.records.map((r) => [r.Name, r.Success_Key__c, r.Industry ?? '', r.Owner.Name]),
      rows
    );

    const human = await sf(['data', 'query', '--query', soql, ...o], { cwd: work, env });
    assert.equal(human.code, 0, human.stderr);
    const table = human.stdout.split('\n').filter((line) => line.includes('│'));
    assert.match(table[0], /NAME\s*│\s*SUCCESS_KEY__C\s*│\s*INDUSTRY\s*│\s*OWNER\.NAME/);
    // The human table prints a missing value as null; JSON and CSV leave it empty.
    const shown = rows.map((r) => r.map((cell) => (cell === '' ? 'null' : cell)));
    const cells = table.slice(1).map((line) =>
      line
        .split('│')
        .slice(1, -1)
        .map((c) => c.trim())
    );
    assert.deepEqual(cells, shown);
    assert.match(human.stdout, new RegExp(`Total number of records retrieved: ${rows.length}\\.`));

    const csv = await sf(['data', 'query', '--query', soql, '--result-format', 'csv', ...o], { cwd: work, env });
    assert.equal(csv.code, 0, csv.stderr);
    const lines = parseCsv(csv.stdout.slice(csv.stdout.indexOf('Name,')).trim());
    assert.deepEqual(lines[0], ['Name', 'Success_Key__c', 'Industry', 'Owner.Name']);
    assert.deepEqual(lines.slice(1), rows);

    const tooling = ok<{ records: Array<{ Name: string; ApiVersion: number; Status: string }> }>(
      await sf(
        [
          'data',
          'query',
          '--use-tooling-api',
          '--query',
          'SELECT Name, ApiVersion, Status FROM ApexClass ORDER BY Name',
          ...o,
          '--json'
        ],
        {
          cwd: work,
          env
        }
      ),
      'query --use-tooling-api'
    );
    const classes = live(org, 'ApexClass').sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
    assert.deepEqual(
      tooling.records.map((r) => [r.Name, r.ApiVersion, r.Status]),
      classes.map((c) => [c.Name, c.ApiVersion, c.Status])
    );
    const meta = fs.readFileSync(
      path.join(source, DEFAULT, 'classes', `${String(classes[0].Name)}.cls-meta.xml`),
      'utf8'
    );
    assert.equal(
      String(classes[0].ApiVersion),
      /<apiVersion>([\d.]+)<\/apiVersion>/.exec(meta)?.[1].replace(/\.0$/, '')
    );
  });

  it('deletes with Bulk API 2.0, exports with a query job (CSV and JSON) and reads a job back by Id', async () => {
    const zeta = bulkAccounts(org).find((a) => a.Success_Key__c === 'CONF-B6')!;
    fs.writeFileSync(path.join(work, 'delete.csv'), `Id\n${String(zeta.Id)}\n`);
    const deleted = ok<BulkWrite>(
      await sf(
        ['data', 'delete', 'bulk', '--file', 'delete.csv', '--sobject', 'Account', '--wait', '10', ...o, '--json'],
        { cwd: work, env }
      ),
      'delete bulk'
    );
    assert.deepEqual(
      deleted.records.successfulResults.map((r) => r.sf__Id),
      [zeta.Id]
    );
    assert.equal(deleted.records.failedResults.length, 0);
    assert.equal(org.store.get('Account', String(zeta.Id)), undefined);

    const exportSoql =
      "SELECT Id, Name, Success_Key__c, Industry FROM Account WHERE Success_Key__c LIKE 'CONF-B%' ORDER BY Success_Key__c";
    const expected = bulkAccounts(org).map((a) => [
      String(a.Id),
      String(a.Name),
      String(a.Success_Key__c),
      a.Industry ? String(a.Industry) : ''
    ]);
    const exported = ok<{ totalSize: number }>(
      await sf(
        [
          'data',
          'export',
          'bulk',
          '--query',
          exportSoql,
          '--output-file',
          'export.csv',
          '--wait',
          '10',
          ...o,
          '--json'
        ],
        { cwd: work, env }
      ),
      'export bulk csv'
    );
    assert.equal(exported.totalSize, expected.length);
    const table = parseCsv(fs.readFileSync(path.join(work, 'export.csv'), 'utf8'));
    assert.deepEqual(table[0], ['Id', 'Name', 'Success_Key__c', 'Industry']);
    assert.deepEqual(table.slice(1), expected);
    ok(
      await sf(
        [
          'data',
          'export',
          'bulk',
          '--query',
          exportSoql,
          '--output-file',
          'export.json',
          '--result-format',
          'json',
          '--wait',
          '10',
          ...o,
          '--json'
        ],
        {
          cwd: work,
          env
        }
      ),
      'export bulk json'
    );
    const records = JSON.parse(fs.readFileSync(path.join(work, 'export.json'), 'utf8')) as Array<
      Record<string, string>
    >;
    assert.deepEqual(
      records.map((r) => [r.Id, r.Name, r.Success_Key__c, r.Industry]),
      expected
    );

    const results = ok<{
      processedRecords: number;
      successfulRecords: number;
      failedRecords: number;
      successFilePath: string;
    }>(
      await sf(['data', 'bulk', 'results', '--job-id', importJobId, ...o, '--json'], { cwd: work, env }),
      'bulk results'
    );
    assert.deepEqual([results.processedRecords, results.successfulRecords, results.failedRecords], [5, 5, 0]);
    const success = parseCsv(fs.readFileSync(path.resolve(work, results.successFilePath), 'utf8'));
    const idColumn = success[0].indexOf('sf__Id');
    const keyColumn = success[0].indexOf('Success_Key__c');
    const idOf = new Map(live(org, 'Account').map((a) => [a.Success_Key__c, a.Id]));
    for (const row of success.slice(1)) assert.equal(row[idColumn], idOf.get(row[keyColumn]), row.join(','));
    assert.equal(success.length - 1, 5);
  });

  it('lists and describes sObjects and lists metadata as the org holds them', async () => {
    const custom = ok<string[]>(
      await sf(['sobject', 'list', '--sobject', 'custom', ...o, '--json'], { cwd: work, env }),
      'sobject list'
    );
    const inOrg = org.store
      .objectNames()
      .filter((n) => org.store.object(n).schema.custom)
      .sort();
    assert.deepEqual([...custom].sort(), inOrg);
    const describe = ok<{ name: string; fields: Array<{ name: string; type: string }> }>(
      await sf(['sobject', 'describe', '--sobject', 'Customer_Goal__c', ...o, '--json'], { cwd: work, env }),
      'sobject describe'
    );
    assert.equal(describe.name, 'Customer_Goal__c');
    assert.deepEqual(
      describe.fields.map((f) => f.name).sort(),
      org.store
        .object('Customer_Goal__c')
        .schema.fields.map((f) => f.name)
        .sort()
    );
    const listed = ok<Array<{ fullName: string; type: string }>>(
      await sf(['org', 'list', 'metadata', '--metadata-type', 'ApexClass', ...o, '--json'], { cwd: work, env }),
      'org list metadata'
    );
    assert.deepEqual(
      listed.map((m) => m.fullName).sort(),
      live(org, 'ApexClass')
        .map((c) => c.Name)
        .sort()
    );
  });

  it('exports a tree with its plan and imports it into an empty org: the same records back', async () => {
    const treeSoql =
      "SELECT Name, Industry, NumberOfEmployees, (SELECT LastName, Email FROM Contacts) FROM Account WHERE Success_Key__c IN ('CONF-B1', 'CONF-B2')";
    ok(
      await sf(['data', 'export', 'tree', '--query', treeSoql, '--plan', '--output-dir', 'tree', ...o, '--json'], {
        cwd: work,
        env
      }),
      'export tree'
    );
    const plan = fs.readdirSync(path.join(work, 'tree')).find((f) => f.endsWith('plan.json'))!;
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-conformance-empty-'));
    temp.push(emptyDir);
    empty = await startLocalOrg({ port: 0, dataDir: emptyDir, reset: true, durable: false });
    // sf keeps one auth per username, and every local org's admin is admin@localorg.example: logging in to the empty
    // org as that username would replace the "local" alias's auth, and later commands would reach the empty org.
    const renamed = await fetch(`${empty.instanceUrl}/services/data/v62.0/sobjects/User/${empty.store.userId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${empty.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Username: 'admin@empty.localorg.example' })
    });
    assert.equal(renamed.status, 204, await renamed.text());
    ok(
      await sf(
        [
          'org',
          'login',
          'access-token',
          '--instance-url',
          empty.instanceUrl,
          '--no-prompt',
          '--alias',
          'empty',
          '--json'
        ],
        {
          cwd: work,
          env: { ...env, SF_ACCESS_TOKEN: empty.accessToken }
        }
      ),
      'login to the empty org'
    );
    const imported = ok<Array<{ refId: string; type: string; id: string }>>(
      await sf(['data', 'import', 'tree', '--plan', path.join('tree', plan), '--target-org', 'empty', '--json'], {
        cwd: work,
        env
      }),
      'import tree'
    );
    assert.equal(imported.length, 5);
    const tree = (target: LocalOrg, accounts: SObjectRecord[]): unknown[] =>
      accounts
        .map((a) => [
          a.Name,
          a.Industry ?? null,
          a.NumberOfEmployees ?? null,
          live(target, 'Contact')
            .filter((c) => c.AccountId === a.Id)
            .map((c) => [c.LastName, c.Email])
            .sort()
        ])
        .sort();
    const source = bulkAccounts(org).filter((a) => a.Success_Key__c === 'CONF-B1' || a.Success_Key__c === 'CONF-B2');
    assert.deepEqual(tree(empty, live(empty, 'Account')), tree(org, source));
    for (const result of imported)
      assert.ok(empty.store.get(result.type, result.id), `${result.refId} not in the empty org`);
  });

  it('answers what the local org does not run with the documented errors', async () => {
    const tests = await sf(
      ['apex', 'run', 'test', '--class-names', 'AccountSuccessControllerTest', '--wait', '1', ...o, '--json'],
      { cwd: work, env }
    );
    assert.notEqual(tests.code, 0);
    assert.match(`${tests.stdout}${tests.stderr}`, /FUNCTIONALITY_NOT_ENABLED/);
    assert.match(
      `${tests.stdout}${tests.stderr}`,
      /Running Apex tests \(runTestsAsynchronous\) is not supported by the local org/
    );
    fs.writeFileSync(path.join(work, 'hello.apex'), "System.debug('hello');\n");
    const anonymous = await sf(['apex', 'run', '--file', 'hello.apex', ...o, '--json'], { cwd: work, env });
    assert.notEqual(anonymous.code, 0);
    assert.match(
      `${anonymous.stdout}${anonymous.stderr}`,
      /Executing anonymous Apex is not supported by the local org/
    );
  });
  it('migrate and seed work unchanged against the org the sf CLI used, and the sf CLI reads what seed wrote', async () => {
    const output: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output.push(String(chunk));
        done();
      }
    });
    const scriptEnv = { ...process.env, SF_ACCESS_TOKEN: org.accessToken };
    const migrated = await runMigrate({
      argv: ['--instance-url', org.instanceUrl],
      env: scriptEnv,
      stdout: sink,
      stderr: sink
    });
    assert.equal(migrated, 0, output.join(''));
    const seeded = await runSeed({
      argv: [
        '--instance-url',
        org.instanceUrl,
        '--plan',
        path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml'),
        '--journal',
        path.join(work, 'seed-journal.jsonl')
      ],
      env: scriptEnv,
      cwd: work,
      stdout: sink,
      stderr: sink
    });
    assert.equal(seeded, 0, output.join(''));
    const goals = live(org, 'Customer_Goal__c');
    assert.ok(goals.length > 0, 'seed wrote no goals');
    const counted = ok<{ totalSize: number }>(
      await sf(['data', 'query', '--query', 'SELECT COUNT() FROM Customer_Goal__c', ...o, '--json'], {
        cwd: work,
        env
      }),
      'query seeded goals'
    );
    assert.equal(counted.totalSize, goals.length);
  });
});
