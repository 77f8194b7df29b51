// The product as source: force-app loaded by source-deploy-retrieve (through scripts/checks/convert.ts, the one way
// the project loads it), converted to a Metadata API package, one fingerprint per component and one content hash
// over the whole converted package.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { loadComponentSet } from '../checks/convert';
import { UsageError } from '../lib/cli';
import { pinnedApiVersion } from '../lib/paths';

/** One deployable component of the source, as the Metadata API names it. */
export interface SourceItem {
  type: string;
  fullName: string;
  /** The source file that defines it, relative to the project root (what failures point at). */
  file: string;
  /** Short fingerprint of its parsed XML and content files: what the org's record is compared with. */
  hash: string;
  /** The parsed XML body (root element's children), for readMetadata comparisons. */
  xml?: Record<string, unknown>;
  /** Has content files (Apex, LWC): readMetadata cannot be compared element by element. */
  hasContent: boolean;
}

export interface MemberList {
  name: string;
  members: string[];
}

export interface SourcePackage {
  root: string;
  apiVersion: string;
  /** The product version: `version` in the project's package.json. */
  version: string;
  items: SourceItem[];
  /** sha256 over every file of the converted package (package.xml aside), in path order. */
  contentHash: string;
  /** The converted package's files by path (no package.xml: migrate writes its own with the version record). */
  files: Map<string, Buffer>;
  types: MemberList[];
}

/** The custom metadata type that records what migrate applied, deployed in the same zip as everything else. */
export const VERSION_TYPE = 'CS_Package_Version__mdt';
export const VERSION_RECORD = 'CS_Package_Version.Current';

function relative(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

function rootValue(parsed: unknown): Record<string, unknown> | undefined {
  if (!parsed || typeof parsed !== 'object') return undefined;
  const values = Object.values(parsed as Record<string, unknown>);
  const value = values.length === 1 ? values[0] : parsed;
  if (!value || typeof value !== 'object') return undefined;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !k.startsWith('@_')));
}

/** Apex bodies, LWC files: a decomposed object's "content" is its folder of children, which have their own items. */
function ownsContent(component: SourceComponent): boolean {
  return Boolean(component.content) && !component.parent && !component.type.children;
}

function fingerprint(component: SourceComponent, xml: Record<string, unknown> | undefined): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(xml ?? null));
  // Children of a decomposed or non-decomposed parent are fully described by their XML; content files
  // (Apex bodies, LWC .js/.html) belong to the parent component only.
  if (ownsContent(component)) {
    const files = component.content ? [...component.walkContent()].sort() : [];
    for (const file of files)
      hash.update(file.slice(path.dirname(component.content ?? '').length)).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

function itemsOf(component: SourceComponent, root: string): SourceItem[] {
  const out: SourceItem[] = [];
  const walk = (c: SourceComponent): void => {
    let xml: Record<string, unknown> | undefined;
    try {
      xml = c.xml ? rootValue(c.parseXmlSync()) : undefined;
      // A decomposed parent's parse merges its children in; they have their own items and fingerprints.
      for (const child of Object.values(c.type.children?.types ?? {})) {
        const element = child.xmlElementName ?? child.directoryName;
        if (xml && element && !c.parent) delete xml[element];
      }
    } catch (error) {
      throw new UsageError(
        `${relative(root, c.xml ?? '')}: ${c.type.name} ${c.fullName} is not valid XML: ${String(error)}`
      );
    }
    // A standard object folder with fields but no .object-meta.xml is not itself deployed.
    if (c.xml || c.content) {
      out.push({
        type: c.type.name,
        fullName: c.fullName,
        file: relative(root, c.xml ?? c.content ?? ''),
        hash: fingerprint(c, xml),
        xml,
        hasContent: ownsContent(c)
      });
    }
    for (const child of c.getChildren()) walk(child);
  };
  walk(component);
  return out;
}

function projectVersion(root: string): string {
  const file = path.join(root, 'package.json');
  if (!fs.existsSync(file)) return '0.0.0';
  const version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version;
  if (!version || !/^\d+\.\d+\.\d+/.test(version))
    throw new UsageError(`${file}: version must be semver, found ${version}`);
  return version;
}

export async function loadSource(root: string): Promise<SourcePackage> {
  let set;
  try {
    set = loadComponentSet(root);
  } catch (error) {
    throw new UsageError(`force-app cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items = set
    .getSourceComponents()
    .toArray()
    .flatMap((c) => itemsOf(c, root));
  if (!items.some((i) => i.type === 'CustomObject' && i.fullName === VERSION_TYPE)) {
    throw new UsageError(
      `force-app has no custom metadata type ${VERSION_TYPE}: migrate records the applied version in it, in the same deploy`
    );
  }
  const converted = await new MetadataConverter().convert(set, 'metadata', { type: 'zip' });
  if (!converted.zipBuffer) throw new UsageError('source-deploy-retrieve produced an empty package');
  const zip = await JSZip.loadAsync(converted.zipBuffer);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || entry.name === 'package.xml') continue;
    files.set(entry.name, await entry.async('nodebuffer'));
  }
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort())
    hash
      .update(name)
      .update('\0')
      .update(files.get(name) as Buffer);
  const manifest = (await set.getObject()).Package;
  return {
    root,
    apiVersion: pinnedApiVersion(root),
    version: projectVersion(root),
    items,
    contentHash: hash.digest('hex'),
    files,
    types: manifest.types.map((t) => ({ name: t.name, members: [...t.members] }))
  };
}

export function packageXml(types: MemberList[], apiVersion: string): string {
  const body = [...types]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(
      (t) =>
        `  <types>\n${[...t.members]
          .sort()
          .map((m) => `    <members>${escapeXml(m)}</members>\n`)
          .join('')}    <name>${t.name}</name>\n  </types>\n`
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    `${body}  <version>${apiVersion}</version>\n</Package>\n`
  );
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface DeployPackageInput {
  source: SourcePackage;
  /** The version record's file, generated by version.ts. */
  versionRecord: string;
  /** Components to delete after the rest deploys (only with --allow-destructive). */
  destructive: Array<{ type: string; fullName: string }>;
}

/** The zip migrate sends: the converted source, the version record and, when allowed, destructiveChangesPost.xml. */
export async function deployZip(input: DeployPackageInput): Promise<Buffer> {
  const { source } = input;
  const zip = new JSZip();
  for (const [name, content] of source.files) zip.file(name, content);
  zip.file(`customMetadata/${VERSION_RECORD}.md`, input.versionRecord);
  const types = source.types.map((t) => ({ ...t, members: [...t.members] }));
  let cmdt = types.find((t) => t.name === 'CustomMetadata');
  if (!cmdt) types.push((cmdt = { name: 'CustomMetadata', members: [] }));
  if (!cmdt.members.includes(VERSION_RECORD)) cmdt.members.push(VERSION_RECORD);
  zip.file('package.xml', packageXml(types, source.apiVersion));
  if (input.destructive.length > 0) {
    const byType = new Map<string, string[]>();
    for (const d of input.destructive) byType.set(d.type, [...(byType.get(d.type) ?? []), d.fullName]);
    // Post: the new package (permission sets, layouts without the field) lands first, then the removals.
    zip.file(
      'destructiveChangesPost.xml',
      packageXml(
        [...byType].map(([name, members]) => ({ name, members })),
        source.apiVersion
      )
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
