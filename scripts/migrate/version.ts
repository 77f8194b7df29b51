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

/** Long text area length of each Components field. */
export const COMPONENTS_MAX_LENGTH = 32768;
/**
 * The fields the component list is spread over, in order: at about 50 characters a component, room for about 2,600
 * components (the product has about 650). One long text area would hold about 650.
 */
export const COMPONENT_FIELDS = ['Components__c', 'Components_2__c', 'Components_3__c', 'Components_4__c'] as const;

export const key = (type: string, fullName: string): string => `${type}:${fullName}`;

/**
 * The component list as one text per Components field, split between lines so each part fits its field; unused
 * fields get an empty part. A list longer than every field together is refused, naming the sizes.
 */
export function encodeComponents(entries: Array<{ type: string; fullName: string; hash: string }>): string[] {
  const lines = entries.map((e) => `${key(e.type, e.fullName)}=${e.hash}`).sort();
  const parts: string[] = [''];
  for (const line of lines) {
    const last = parts.length - 1;
    const joined = parts[last] === '' ? line : `${parts[last]}\n${line}`;
    if (joined.length <= COMPONENTS_MAX_LENGTH) parts[last] = joined;
    else parts.push(line);
  }
  if (parts.length > COMPONENT_FIELDS.length || parts.some((part) => part.length > COMPONENTS_MAX_LENGTH)) {
    const total = lines.join('\n').length;
    throw new Error(
      `the component list (${lines.length} components, ${total} characters) no longer fits CS_Package_Version__mdt's ` +
        `${COMPONENT_FIELDS.length} Components fields (${COMPONENTS_MAX_LENGTH} characters each)`
    );
  }
  while (parts.length < COMPONENT_FIELDS.length) parts.push('');
  return parts;
}

/** The component list from the Components fields' texts, in field order (blank fields are empty parts). */
export function decodeComponents(parts: ReadonlyArray<string | null | undefined>): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of parts) {
    for (const line of (part ?? '').split(/\r?\n/)) {
      const at = line.lastIndexOf('=');
      if (at > 0) map.set(line.slice(0, at), line.slice(at + 1));
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
    encodeComponents(input.components)
      .map((part, i) =>
        part
          ? value(COMPONENT_FIELDS[i], 'string', part)
          : `  <values>\n    <field>${COMPONENT_FIELDS[i]}</field>\n    <value xsi:nil="true"/>\n  </values>\n`
      )
      .join('') +
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
    const result = await connection.query<Record<string, string | null>>(
      `SELECT Version__c, Content_Hash__c, Applied_At__c, ${COMPONENT_FIELDS.join(', ')} ` +
        "FROM CS_Package_Version__mdt WHERE DeveloperName = 'Current' LIMIT 1"
    );
    const record = result.records[0];
    if (!record) return undefined;
    return {
      version: record.Version__c ?? '0.0.0',
      contentHash: record.Content_Hash__c ?? '',
      appliedAt: record.Applied_At__c ?? undefined,
      components: decodeComponents(COMPONENT_FIELDS.map((field) => record[field]))
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
