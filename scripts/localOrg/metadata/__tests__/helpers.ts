// Test plumbing for the Metadata API: a tiny HTTP server that routes SOAP to a MetadataApi (and answers the one REST
// call @salesforce/core makes before a deploy), zips built by hand or by source-deploy-retrieve, and a jsforce
// connection pointed at it.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Connection } from 'jsforce';
import type { DeployResult } from 'jsforce/lib/api/metadata';
import { AuthInfo, Connection as CoreConnection } from '@salesforce/core';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { MetadataApi } from '../index';
import { MemoryHost, TEST_TOKEN } from './memoryHost';

export const API_VERSION = '66.0';
export const FIXTURE_APP = join(__dirname, 'fixtures', 'sample-app');

export interface TestOrg {
  host: MemoryHost;
  api: MetadataApi;
  url: string;
  conn: Connection;
  /** Swaps in a fresh MetadataApi on the same host state, as a restarted local org would. */
  restart(): void;
  close(): Promise<void>;
}

export async function startTestOrg(host = new MemoryHost()): Promise<TestOrg> {
  const org = { host, api: new MetadataApi(host) } as TestOrg;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/+/, '/');
      if (req.method === 'POST' && /^\/services\/Soap\/m\/\d+\.\d+/.test(path)) {
        void org.api.handle(Buffer.concat(chunks).toString('utf8')).then((r) => {
          res.writeHead(r.status, { 'Content-Type': 'text/xml; charset=utf-8' });
          res.end(r.body);
        });
        return;
      }
      if (req.method === 'GET' && path === '/services/data') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify([{ label: 'Spring', url: `/services/data/v${API_VERSION}`, version: API_VERSION }]));
        return;
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ errorCode: 'NOT_FOUND', message: `No route for ${req.method} ${path}` }]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  org.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  org.conn = new Connection({ instanceUrl: org.url, accessToken: TEST_TOKEN, version: API_VERSION });
  org.conn.metadata.pollInterval = 20;
  org.conn.metadata.pollTimeout = 20_000;
  org.restart = () => {
    org.api = new MetadataApi(host);
  };
  org.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return org;
}

/** A single-package deploy through jsforce, polled to its end. */
export function deployZip(
  org: TestOrg,
  zip: Buffer | Readable,
  options: Record<string, unknown> = {}
): Promise<DeployResult> {
  return org.conn.metadata.deploy(zip, { singlePackage: true, ...options }).complete(true);
}

/** A test org with the sample app deployed (the deploy must succeed). */
export async function startSampleAppOrg(): Promise<TestOrg> {
  const org = await startTestOrg();
  const r = await deployZip(org, await sdrZip());
  assert.equal(r.status, 'Succeeded');
  return org;
}

/** A deploy result's component failures as a list (jsforce gives one failure as an object). */
export const failures = (r: DeployResult) => [r.details?.componentFailures ?? []].flat();
/** A deploy result's component successes as a list (jsforce gives one success as an object). */
export const successes = (r: DeployResult) => [r.details?.componentSuccesses ?? []].flat();

/** Whether the org's schema has this field on this object. */
export function hasField(host: MemoryHost, object: string, fieldName: string): boolean {
  return (
    host
      .schema()
      .get(object)
      ?.fields.some((f) => f.name === fieldName) ?? false
  );
}

/** Deploys metadata-format files with a package.xml of `types` through jsforce, rolled back on error; must succeed. */
export async function deployFiles(
  conn: Connection,
  files: Record<string, string>,
  types: Record<string, string[]>
): Promise<void> {
  conn.metadata.pollInterval = 50;
  conn.metadata.pollTimeout = 60_000;
  const zip = await zipOf({ 'package.xml': packageXml(types), ...files });
  const result = await conn.metadata.deploy(zip, { singlePackage: true, rollbackOnError: true }).complete(true);
  assert.equal(result.status, 'Succeeded', JSON.stringify(result.details));
}

/** A metadata-format zip from a map of paths to file contents. */
export async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The zip source-deploy-retrieve builds from a source-format folder, exactly as a deploy would send it. */
export async function sdrZip(sourceDir = FIXTURE_APP): Promise<Buffer> {
  const copy = copyOutOfProject(sourceDir);
  try {
    const result = await new MetadataConverter().convert(componentSet(copy), 'metadata', { type: 'zip' });
    if (!result.zipBuffer) throw new Error('source-deploy-retrieve made no zip');
    return result.zipBuffer;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export function componentSet(sourceDir: string): ComponentSet {
  const cs = ComponentSet.fromSource(sourceDir);
  // Set the version ourselves: otherwise source-deploy-retrieve stalls trying to reach the network.
  cs.sourceApiVersion = API_VERSION;
  cs.apiVersion = API_VERSION;
  return cs;
}

/** The project's .forceignore ignores every __tests__ folder, so fixtures are read from a copy outside it. */
export function copyOutOfProject(sourceDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'local-org-mdapi-'));
  cpSync(sourceDir, join(dir, 'force-app'), { recursive: true });
  return join(dir, 'force-app');
}

export function packageXml(types: Record<string, string[]>): string {
  const body = Object.entries(types)
    .map(
      ([name, members]) =>
        `<types>${members.map((m) => `<members>${m}</members>`).join('')}<name>${name}</name></types>`
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Package xmlns="http://soap.sforce.com/2006/04/metadata">${body}<version>${API_VERSION}</version></Package>`;
}

/** The XML declaration every metadata file starts with. */
export const XML = '<?xml version="1.0" encoding="UTF-8"?>';
/** The Metadata API namespace attribute of a metadata file's root element. */
export const MD = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/** A metadata-format CustomObject file with the given inner XML (fields, rules) after a valid header. */
export function objectFile(label: string, inner = '', header = true): string {
  const head = header
    ? `<label>${label}</label><pluralLabel>${label}s</pluralLabel><nameField><label>Name</label><type>Text</type></nameField>` +
      '<deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel>'
    : '';
  return `${XML}<CustomObject ${MD}>${head}${inner}</CustomObject>`;
}

export function field(name: string, type: string, extra = ''): string {
  return `<fields><fullName>${name}</fullName><label>${name.replace(/__c$/, '')}</label><type>${type}</type>${extra}</fields>`;
}

export function cmdtRecord(label: string, values: Array<[string, string, string]>): string {
  const v = values
    .map(([f, t, val]) => `<values><field>${f}</field><value xsi:type="${t}">${val}</value></values>`)
    .join('');
  return (
    `${XML}<CustomMetadata ${MD} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>${label}</label><protected>false</protected>${v}</CustomMetadata>`
  );
}

export const TOKEN = TEST_TOKEN;

/** A core Connection from an access token, the way `--target-org` with SF_ACCESS_TOKEN builds one (nothing saved). */
export async function coreConnection(instanceUrl: string, accessToken = TEST_TOKEN): Promise<CoreConnection> {
  const authInfo = await AuthInfo.create({ username: accessToken, accessTokenOptions: { accessToken, instanceUrl } });
  return CoreConnection.create({ authInfo, connectionOptions: { version: API_VERSION } });
}
