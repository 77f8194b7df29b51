// A local org with force-app deployed, for the seed, score and usage tests and bench: each caller gets its own org in a
// temp dir, a jsforce connection to it, and the admin's custom metadata change in Setup as one call.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { Connection } from 'jsforce';
import JSZip from 'jszip';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { startLocalOrg, type LocalOrg } from '../../localOrg';
import { DEFAULT_DIR, pinnedApiVersion } from '../../lib/paths';
import type { InProcessRun } from '../../lib/command.mjs';
import { runSeed, type SeedContext } from '../seed';

export interface SeededOrg {
  org: LocalOrg;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** A jsforce connection to the org as its admin, at the project's API version. */
  connection(): Connection;
  close(): Promise<void>;
}

/** jsforce at the project's API version, polling deploys every 50 ms (the local org answers at once). */
function connectionTo(org: LocalOrg): Connection {
  const connection = new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: pinnedApiVersion()
  });
  connection.metadata.pollInterval = 50;
  return connection;
}

/**
 * Deploys custom metadata records (the admin's change in Setup) through the Metadata API: each member
 * (`Type.Record`) with its field values, labelled by its record name.
 */
export async function deployCustomMetadata(
  connection: Connection,
  records: Record<string, Record<string, number | string | boolean>>
): Promise<void> {
  const files = Object.entries(records).map(([member, values]): [string, string] => {
    const body = Object.entries(values)
      .map(([field, value]) => {
        const type = typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
        return `<values><field>${field}</field><value xsi:type="xsd:${type}">${String(value)}</value></values>`;
      })
      .join('');
    return [
      member,
      `<?xml version="1.0" encoding="UTF-8"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>${member.split('.')[1]}</label><protected>false</protected>${body}</CustomMetadata>`
    ];
  });
  await deployCustomMetadataFiles(connection, Object.fromEntries(files));
}

/** Deploys custom metadata records as force-app ships them (`Type.Record` -> its .md-meta.xml), undoing a change. */
export async function deployShippedCustomMetadata(connection: Connection, members: string[]): Promise<void> {
  await deployCustomMetadataFiles(
    connection,
    Object.fromEntries(
      members.map((m) => [m, readFileSync(path.join(DEFAULT_DIR, 'customMetadata', `${m}.md-meta.xml`), 'utf8')])
    )
  );
}

async function deployCustomMetadataFiles(connection: Connection, files: Record<string, string>): Promise<void> {
  const zip = new JSZip();
  const members = Object.keys(files);
  zip.file(
    'package.xml',
    `<?xml version="1.0" encoding="UTF-8"?><Package xmlns="http://soap.sforce.com/2006/04/metadata"><types>${members.map((m) => `<members>${m}</members>`).join('')}<name>CustomMetadata</name></types><version>${pinnedApiVersion()}</version></Package>`
  );
  for (const [member, xml] of Object.entries(files)) zip.file(`customMetadata/${member}.md`, xml);
  const result = await connection.metadata
    .deploy(await zip.generateAsync({ type: 'nodebuffer' }), { singlePackage: true, rollbackOnError: true })
    .complete(true);
  assert.equal(String(result.success), 'true', JSON.stringify(result.details));
}

const zips = new Map<string, Promise<Buffer>>();

/**
 * The data model's zip (objects only: seeding needs the schema, and Apex or components being edited elsewhere must not
 * break the seed tests; with `customMetadata`, the configuration records too), built once per process because
 * conversion is the slow part of a deploy.
 */
function forceAppZip(customMetadata: boolean): Promise<Buffer> {
  const folders = customMetadata ? ['objects', 'customMetadata'] : ['objects'];
  const id = folders.join('+');
  let zip = zips.get(id);
  if (!zip) {
    const set = ComponentSet.fromSource(folders.map((f) => path.join(DEFAULT_DIR, f)));
    set.sourceApiVersion = pinnedApiVersion();
    set.apiVersion = pinnedApiVersion();
    zip = new MetadataConverter().convert(set, 'metadata', { type: 'zip' }).then((r) => {
      if (!r.zipBuffer) throw new Error('source-deploy-retrieve made no zip');
      return r.zipBuffer;
    });
    zips.set(id, zip);
  }
  return zip;
}

export async function startDeployedOrg(
  options: { durable?: boolean; customMetadata?: boolean } = {}
): Promise<SeededOrg> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seed-org-'));
  const org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: options.durable ?? false });
  const connection = connectionTo(org);
  connection.metadata.pollTimeout = 60_000;
  const deploy = connection.metadata.deploy(await forceAppZip(options.customMetadata ?? false), {
    rollbackOnError: true,
    singlePackage: true
  });
  const result = await deploy.complete(true);
  // jsforce passes SOAP booleans through as strings.
  if (String(result.success) !== 'true') {
    throw new Error(`deploy into the local org failed: ${JSON.stringify(result.details?.componentFailures)}`);
  }
  return {
    org,
    dataDir,
    env: { SF_ACCESS_TOKEN: org.accessToken },
    connection: () => connectionTo(org),
    close: async () => {
      await org.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/** A deployed org and an empty working folder of the test's own (plans, journals, reports). */
export interface OrgAndFolder {
  org: SeededOrg;
  cwd: string;
}

/**
 * The enclosing describe's org: before its tests, a deployed org and a working folder named `folder`-..., handed to
 * `ready`; after them, both removed. A `before` registered after this call runs once they exist (records to load).
 */
export function withDeployedOrg(
  folder: string,
  ready: (fixture: OrgAndFolder) => void,
  options: { customMetadata?: boolean } = {}
): void {
  let fixture: OrgAndFolder | undefined;
  before(async () => {
    fixture = { org: await startDeployedOrg(options), cwd: mkdtempSync(path.join(tmpdir(), `${folder}-`)) };
    ready(fixture);
  });
  after(async () => {
    await fixture?.org.close();
    if (fixture) rmSync(fixture.cwd, { recursive: true, force: true });
  });
}

/** What an in-process command run printed, with its exit code. */
export interface CapturedRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs an in-process command (runSeed, runScore, runUsage) against the org: `--instance-url` before the argv, the
 * org's token in the environment, stdout and stderr collected.
 */
export async function runAgainst<C extends object>(
  run: (context: InProcessRun<C>) => Promise<number>,
  seeded: SeededOrg,
  context: InProcessRun<C>
): Promise<CapturedRun> {
  let out = '';
  let err = '';
  const code = await run({
    env: seeded.env,
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    ...context,
    argv: ['--instance-url', seeded.org.instanceUrl, ...context.argv]
  });
  return { code, out, err };
}

/** A seed run's output, and the back-off waits it asked for (recorded, not slept). */
export interface SeedRun extends CapturedRun {
  delays: number[];
}

/**
 * Seeds the org as the seed tests do: "now" is 1 March 2026 at noon UTC, and each back-off wait is recorded instead
 * of slept (half its ceiling, from 100 ms); `extra` is injected over that.
 */
export async function seedAgainst(
  seeded: SeededOrg,
  argv: string[],
  cwd: string,
  extra: Partial<SeedContext> = {}
): Promise<SeedRun> {
  const delays: number[] = [];
  const { code, out, err } = await runAgainst(runSeed, seeded, {
    argv,
    cwd,
    now: () => new Date('2026-03-01T12:00:00Z'),
    retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5, baseMs: 100 },
    ...extra
  });
  return { code, out, err, delays };
}
