// What migrate applied, recorded in the org itself: one CS_Package_Version__mdt record ("Current") generated into the
// same deploy zip as the package, so a deploy that rolls back records nothing, read back with SOQL. It holds the
// product version, the content hash of the converted package, when it was applied, and one fingerprint per component
// (what makes a later plan able to say "changed" or "left alone", and which components the product owns, so only
// those can ever become destructive candidates).
import type { Connection } from 'jsforce';
import { escapeXml, type SourceItem } from './source';

export interface AppliedVersion {
  version: string;
  contentHash: string;
  appliedAt?: string;
  /** `Type:fullName` -> fingerprint of what was deployed. */
  components: Map<string, string>;
}

/** Long text area length of Components__c: about 60 characters a component, so room for ~500 components. */
export const COMPONENTS_MAX_LENGTH = 32768;

export const key = (type: string, fullName: string): string => `${type}:${fullName}`;

/**
 * The component list as the record stores it: one line per metadata type, then one indented line per component of
 * that type, ` FullName=fingerprint`, both sorted. Writing each type once (not `CustomField:` on 400 lines) keeps the
 * product's ~650 components well inside the field.
 */
export function encodeComponents(entries: Array<{ type: string; fullName: string; hash: string }>): string {
  const byType = new Map<string, string[]>();
  for (const e of entries) {
    const lines = byType.get(e.type) ?? [];
    lines.push(` ${e.fullName}=${e.hash}`);
    byType.set(e.type, lines);
  }
  const text = [...byType.keys()]
    .sort()
    .map((type) => [type, ...(byType.get(type) as string[]).sort()].join('\n'))
    .join('\n');
  if (text.length > COMPONENTS_MAX_LENGTH) {
    throw new Error(
      `the component list (${text.length} characters) no longer fits CS_Package_Version__mdt.Components__c (${COMPONENTS_MAX_LENGTH})`
    );
  }
  return text;
}

/** Reads the grouped list, and the one-line-per-component `Type:FullName=fingerprint` list older versions wrote. */
export function decodeComponents(text: string | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  let type: string | undefined;
  for (const line of (text ?? '').split(/\r?\n/)) {
    const at = line.lastIndexOf('=');
    if (/^\s/.test(line)) {
      const name = line.trim();
      const sep = name.lastIndexOf('=');
      if (type !== undefined && sep > 0) map.set(key(type, name.slice(0, sep)), name.slice(sep + 1));
    } else if (at > 0) {
      map.set(line.slice(0, at), line.slice(at + 1));
    } else if (line.trim() !== '') {
      type = line.trim();
    }
  }
  return map;
}

/** Semver order, enough for the product's own x.y.z versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function versionRecordXml(input: {
  version: string;
  contentHash: string;
  appliedAt: Date;
  components: Array<{ type: string; fullName: string; hash: string }>;
}): string {
  const value = (field: string, type: string, v: string) =>
    `  <values>\n    <field>${field}</field>\n    <value xsi:type="xsd:${type}">${escapeXml(v)}</value>\n  </values>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    '  <label>Current</label>\n  <protected>false</protected>\n' +
    value('Applied_At__c', 'dateTime', input.appliedAt.toISOString()) +
    value('Components__c', 'string', encodeComponents(input.components)) +
    value('Content_Hash__c', 'string', input.contentHash) +
    value('Version__c', 'string', input.version) +
    '</CustomMetadata>\n'
  );
}

function isMissingType(error: unknown): boolean {
  const code = (error as { errorCode?: string; name?: string }).errorCode ?? (error as { name?: string }).name;
  return code === 'INVALID_TYPE' || /sObject type .* is not supported/i.test(String((error as Error).message));
}

/** The version the org holds, or undefined when the product was never installed (the type does not exist yet). */
export async function readAppliedVersion(connection: Connection): Promise<AppliedVersion | undefined> {
  try {
    const result = await connection.query<{
      Version__c: string | null;
      Content_Hash__c: string | null;
      Applied_At__c: string | null;
      Components__c: string | null;
    }>(
      "SELECT Version__c, Content_Hash__c, Applied_At__c, Components__c FROM CS_Package_Version__mdt WHERE DeveloperName = 'Current' LIMIT 1"
    );
    const record = result.records[0];
    if (!record) return undefined;
    return {
      version: record.Version__c ?? '0.0.0',
      contentHash: record.Content_Hash__c ?? '',
      appliedAt: record.Applied_At__c ?? undefined,
      components: decodeComponents(record.Components__c)
    };
  } catch (error) {
    if (isMissingType(error)) return undefined;
    throw error;
  }
}

/** What gets recorded: the source's components, plus any the org keeps because their removal was not allowed. */
export function recordedComponents(
  items: SourceItem[],
  retained: Array<{ type: string; fullName: string; hash: string }>
): Array<{ type: string; fullName: string; hash: string }> {
  return [...items.map((i) => ({ type: i.type, fullName: i.fullName, hash: i.hash })), ...retained];
}
