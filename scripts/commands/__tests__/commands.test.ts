// Every command: --help is written from its flag definitions, --json prints one document, and a bad flag exits 2
// before anything reaches the org. The --json runs (and one bad flag) go through the CLI entry that `npm run <name>`
// uses, in a child process; help and the other bad flags run the same command classes in-process (runCommand).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import { PROJECT_ROOT, pinnedApiVersion } from '../../lib/paths';
import { startLocalOrg, type LocalOrg } from '../../localOrg';
import { withDeployedOrg, type SeededOrg } from '../../seed/__tests__/orgFixture';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const home = mkdtempSync(path.join(tmpdir(), 'cs-home-'));
after(() => rmSync(home, { recursive: true, force: true }));
/** No real sf auth store, config or plugin list is read or touched. */
const isolated = {
  HOME: home,
  SF_DISABLE_TELEMETRY: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_AUTOUPDATE_DISABLE: 'true'
};

function spawned(command: string, args: string[], env: NodeJS.ProcessEnv, onStdout?: (text: string) => void) {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH, ...isolated, ...env } });
  const done = new Promise<Run>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

/** `npm run <script> -- args` without npm: the same node, tsx and entry file. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return spawned(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'bin', 'cs.mts'), ...args],
    env
  ).done;
}

const COMMANDS = {
  'cs:seed': '../cs/seed.mjs',
  'cs:score': '../cs/score.mjs',
  'cs:usage': '../cs/usage.mjs',
  'cs:migrate': '../cs/migrate.mjs',
  'cs:org:local': '../cs/org/local.mjs'
} as const;
type Id = keyof typeof COMMANDS;

/** The command run in this process, as runSeed and runMigrate run it. */
async function inProcess(id: Id, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const [{ runCommand }, { default: Cmd }] = await Promise.all([
    import('../../lib/command.mjs'),
    import(COMMANDS[id]) as Promise<{ default: Parameters<typeof import('../../lib/command.mjs').runCommand>[0] }>
  ]);
  let stdout = '';
  let stderr = '';
  const code = await runCommand(Cmd, id, argv, {
    env: { ...isolated, ...env },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) }
  });
  return { code, stdout, stderr };
}

/** Every flag a command class declares, as help must list it. */
async function declaredFlags(id: Id): Promise<string[]> {
  const { default: Cmd } = (await import(COMMANDS[id])) as { default: { flags: Record<string, unknown> } };
  return Object.keys(Cmd.flags);
}

async function assertHelp(id: Id, help: Run, extra: RegExp): Promise<void> {
  assert.equal(help.code, 0, help.stderr);
  const flags = await declaredFlags(id);
  assert.ok(flags.length > 0);
  for (const flag of flags) assert.match(help.stdout, new RegExp(`--${flag}\\b`), `--${flag} missing from help`);
  assert.match(help.stdout, /--json/);
  assert.match(help.stdout, extra);
}

/** A bad flag value under --json: exit 2, and one document with exit code 2 that names the flag. */
async function assertBadJsonFlag(id: Id, argv: string[], env: NodeJS.ProcessEnv, names: RegExp): Promise<void> {
  const json = await inProcess(id, [...argv, '--json'], env);
  assert.equal(json.code, 2);
  assert.equal((JSON.parse(json.stdout) as { exitCode: number }).exitCode, 2);
  assert.match(json.stdout, names);
}

/** Requests the org answered. */
function requests(org: LocalOrg): number {
  return Object.values(org.counters()).reduce((sum, n) => sum + n, 0);
}

describe('cs seed', () => {
  let org: SeededOrg;
  withDeployedOrg('cs-seed', (fixture) => ({ org } = fixture));

  test('--help lists every declared flag and the exit codes, 130 included', async () => {
    await assertHelp('cs:seed', await inProcess('cs:seed', ['--help']), /EXIT CODES[\s\S]*130/);
  });

  test('--json prints one document: a dry run of the demo plan plans its 25 accounts and writes nothing', async () => {
    const run = await cli(
      ['cs', 'seed', '--instance-url', org.org.instanceUrl, '--plan', 'data/demo-plan.yaml', '--dry-run', '--json'],
      org.env
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as {
      exitCode: number;
      counts: Record<string, { plan: number; create: number }>;
    };
    assert.equal(report.exitCode, 0);
    // data/demo-plan.yaml: "a book of 25 customers", none of them in a freshly deployed org.
    assert.deepEqual([report.counts.Account.plan, report.counts.Account.create], [25, 25]);
    const connection = org.connection();
    assert.equal((await connection.query('SELECT Id FROM Customer_Goal__c')).totalSize, 0);
    assert.ok(!run.stdout.includes(org.org.accessToken) && !run.stderr.includes(org.org.accessToken));
  });

  test('a bad flag exits 2 naming it, and sends nothing to the org', async () => {
    const sent = requests(org.org);
    const run = await cli(['cs', 'seed', '--instance-url', org.org.instanceUrl, '--colour'], org.env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--colour/);
    await assertBadJsonFlag(
      'cs:seed',
      ['--instance-url', org.org.instanceUrl, '--max-api-calls', '0'],
      org.env,
      /max-api-calls/
    );
    assert.equal(requests(org.org), sent);
  });
});

describe('cs score', () => {
  let org: SeededOrg;
  withDeployedOrg('cs-score', (fixture) => ({ org } = fixture), { customMetadata: true });
  before(async () => {
    await org
      .connection()
      .sobject('Account')
      .create([{ Name: 'One' }, { Name: 'Two' }]);
  });

  test('--help lists every declared flag and the exit codes, 130 included', async () => {
    await assertHelp('cs:score', await inProcess('cs:score', ['--help']), /EXIT CODES[\s\S]*130/);
  });

  test('--json prints one document: a dry run over two blank accounts would write both and writes nothing', async () => {
    const sentBefore = requests(org.org);
    const run = await cli(['cs', 'score', '--instance-url', org.org.instanceUrl, '--dry-run', '--json'], org.env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as {
      exitCode: number;
      book: { accounts: number };
      notEnoughData: number;
      writes: { accounts: number; snapshots: number };
    };
    assert.equal(report.exitCode, 0);
    // Two accounts with nothing recorded: no evidence, so no score; each still gets the model stamp and a first
    // snapshot, which a dry run only counts.
    assert.deepEqual(
      [report.book.accounts, report.notEnoughData, report.writes.accounts, report.writes.snapshots],
      [2, 2, 2, 2]
    );
    const connection = org.connection();
    assert.equal((await connection.query('SELECT Id FROM Health_Snapshot__c')).totalSize, 0);
    assert.ok(requests(org.org) > sentBefore);
    assert.ok(!run.stdout.includes(org.org.accessToken) && !run.stderr.includes(org.org.accessToken));
  });

  test('a bad flag exits 2 naming it, and sends nothing to the org', async () => {
    const sent = requests(org.org);
    const run = await cli(['cs', 'score', '--instance-url', org.org.instanceUrl, '--colour'], org.env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--colour/);
    await assertBadJsonFlag(
      'cs:score',
      ['--instance-url', org.org.instanceUrl, '--range-size', '0'],
      org.env,
      /range-size/
    );
    assert.equal(requests(org.org), sent);
  });
});

describe('cs usage', () => {
  let org: SeededOrg;
  withDeployedOrg('cs-usage', (fixture) => ({ org } = fixture), { customMetadata: true });

  test('--help lists every declared flag and the exit codes, 130 included', async () => {
    await assertHelp('cs:usage', await inProcess('cs:usage', ['--help']), /EXIT CODES[\s\S]*130/);
  });

  test('--json prints one document: a dry run of an export naming accounts the org lacks plans nothing', async () => {
    const run = await cli(
      [
        'cs',
        'usage',
        '--instance-url',
        org.org.instanceUrl,
        '--file',
        'scripts/usage/__tests__/data/small-events.csv',
        '--dry-run',
        '--json'
      ],
      org.env
    );
    // The org holds no account yet: all 8 rows name unknown accounts (acct-1 six times, acct-2 twice): exit 1.
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const report = JSON.parse(run.stdout) as {
      exitCode: number;
      rows: { read: number; bad: number };
      counts: { rollups: number };
      unknownAccounts: { id: string; rows: number }[];
    };
    assert.equal(report.exitCode, 1);
    assert.deepEqual([report.rows.read, report.rows.bad, report.counts.rollups], [8, 8, 0]);
    assert.deepEqual(
      report.unknownAccounts.map((u) => [u.id, u.rows]),
      [
        ['acct-1', 6],
        ['acct-2', 2]
      ]
    );
    assert.ok(!run.stdout.includes(org.org.accessToken) && !run.stderr.includes(org.org.accessToken));
  });

  test('a bad flag exits 2 naming it, and sends nothing to the org', async () => {
    const sent = requests(org.org);
    await assertBadJsonFlag('cs:usage', ['--instance-url', org.org.instanceUrl, '--period', 'day'], org.env, /period/);
    assert.equal(requests(org.org), sent);
  });
});

describe('cs migrate', () => {
  let org: LocalOrg;
  let dataDir: string;
  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cs-migrate-'));
    org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
  });
  after(async () => {
    await org.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('--help lists every declared flag and the exit codes', async () => {
    await assertHelp('cs:migrate', await inProcess('cs:migrate', ['--help']), /EXIT CODES[\s\S]*3 +Connection/);
  });

  test('--json prints one document: a dry run into an empty org creates every custom object and sends no deploy', async () => {
    const run = await cli(['cs', 'migrate', '--instance-url', org.instanceUrl, '--dry-run', '--json'], {
      SF_ACCESS_TOKEN: org.accessToken
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const doc = JSON.parse(run.stdout) as {
      exitCode: number;
      result: string;
      plan: { entries: Array<{ action: string; type: string; fullName: string }>; counts: Record<string, number> };
    };
    assert.deepEqual([doc.exitCode, doc.result], [0, 'dry-run']);
    // An empty org holds none of force-app's custom objects (one folder each under objects/), so each is a create.
    const customObjects = readdirSync(path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'objects'))
      .filter((name) => /__(c|mdt)$/.test(name))
      .sort();
    const created = doc.plan.entries
      .filter((e) => e.type === 'CustomObject' && e.action === 'create')
      .map((e) => e.fullName)
      .sort();
    assert.deepEqual(created, customObjects);
    assert.equal(doc.plan.counts.change, 0);
    assert.equal(org.counters()['POST /services/Soap/m/deploy'] ?? 0, 0);
    assert.ok(!run.stdout.includes(org.accessToken) && !run.stderr.includes(org.accessToken));
  });

  test('a bad flag exits 2 naming it, and sends nothing to the org', async () => {
    const sent = requests(org);
    const env = { SF_ACCESS_TOKEN: org.accessToken };
    const run = await inProcess('cs:migrate', ['--instance-url', org.instanceUrl, '--colour'], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--colour/);
    await assertBadJsonFlag(
      'cs:migrate',
      ['--instance-url', org.instanceUrl, '--resume', '0Axbad'],
      env,
      /not a deploy id/
    );
    assert.equal(requests(org), sent);
  });
});

describe('cs org local', () => {
  test('--help lists every declared flag and the exit codes', async () => {
    await assertHelp('cs:org:local', await inProcess('cs:org:local', ['--help']), /EXIT CODES/);
  });

  test('--json prints one document when ready; the org answers with the credentials it wrote; Ctrl-C stops it (0)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-org-local-'));
    type Ready = { exitCode: number; instanceUrl: string; credentials: string };
    let ready: (doc: Ready) => void = () => undefined;
    const document = new Promise<Ready>((resolve) => (ready = resolve));
    const server = spawned(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/bin/cs.mts',
        'cs',
        'org',
        'local',
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--reset',
        '--json'
      ],
      {},
      (text) => {
        try {
          ready(JSON.parse(text) as Ready);
        } catch {
          // not a whole document yet
        }
      }
    );
    const doc = await document;
    assert.equal(doc.exitCode, 0);
    assert.match(doc.instanceUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(doc.credentials, path.join(dataDir, 'org.json'));
    const credentials = JSON.parse(readFileSync(doc.credentials, 'utf8')) as {
      instanceUrl: string;
      accessToken: string;
    };
    assert.equal(credentials.instanceUrl, doc.instanceUrl);
    const connection = new Connection({ ...credentials, version: pinnedApiVersion() });
    assert.equal((await connection.query('SELECT Id FROM Account')).totalSize, 0);
    server.child.kill('SIGINT');
    const run = await server.done;
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes(credentials.accessToken), 'the token was printed');
    assert.equal(run.stdout.split('\n').filter((line) => line === '{').length, 1, 'more than one document');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a bad flag exits 2 naming it, and starts no org', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cs-org-local-'));
    const run = await inProcess('cs:org:local', ['--port', '70000', '--data-dir', dataDir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--port/);
    const json = await inProcess('cs:org:local', ['--colour', '--data-dir', dataDir, '--json']);
    assert.equal(json.code, 2);
    assert.equal((JSON.parse(json.stdout) as { exitCode: number }).exitCode, 2);
    assert.ok(!existsSync(path.join(dataDir, 'org.json')));
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('the commands as an sf CLI plugin', () => {
  const bin = path.join(PROJECT_ROOT, 'node_modules', '.bin');
  /** The project's own sf CLI on the project's Node. */
  const sf = (args: string[]): Promise<Run> =>
    spawned(path.join(bin, 'sf'), args, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }).done;

  test('once linked (after npm run build:plugin), sf cs seed, migrate and org local show the same help', async () => {
    assert.ok(
      existsSync(path.join(PROJECT_ROOT, 'dist', 'commands', 'cs', 'seed.mjs')),
      'run npm run build:plugin first (npm run test:scripts does)'
    );
    const link = await sf(['plugins', 'link', '.', '--no-install']);
    assert.equal(link.code, 0, link.stderr);
    for (const id of Object.keys(COMMANDS) as Id[]) {
      const words = id.split(':');
      const run = await sf([...words, '--help']);
      await assertHelp(id, run, new RegExp(`\\$ sf ${words.join(' ')}`));
    }
  });
});
