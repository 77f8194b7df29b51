// The preview runs the very SOQL the Apex controllers run: it reads each query out of the
// controller's source (with the same parser check:metadata uses), binds the Apex variables, and
// sends it to the local org. When a controller's query changes, the preview follows.
import fs from 'node:fs';
import path from 'node:path';
import { parseApex, type SoqlUse } from '../../../scripts/checks/apex';
import { DEFAULT_DIR } from '../../../scripts/lib/paths';
import type { ApexTransaction } from './governor';

/** An Apex Date bind: SOQL takes it unquoted (`Achieved_Date__c >= 2025-01-01`). */
export interface DateBind {
  date: string;
}

export type BindValue = string | number | boolean | null | DateBind | Array<string | number>;

function literal(value: BindValue): string {
  if (value === null) return 'null';
  if (typeof value === 'object' && !Array.isArray(value)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value.date)) throw new Error(`not a date: ${value.date}`);
    return value.date;
  }
  if (Array.isArray(value)) return `(${value.map((v) => literal(v)).join(', ')})`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Replaces `:name` Apex binds (outside string literals) with SOQL literals; an unknown bind is an error. */
export function bindQuery(text: string, binds: Record<string, BindValue>, where: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" && text[i - 1] !== '\\') inString = !inString;
    if (!inString && ch === ':') {
      const match = /^:\s*([A-Za-z_]\w*)/.exec(text.slice(i));
      if (match) {
        if (!(match[1] in binds)) throw new Error(`${where}: no value for the Apex bind :${match[1]}`);
        out += literal(binds[match[1]]);
        i += match[0].length - 1;
        continue;
      }
    }
    out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function stripAttributes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripAttributes) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // Apex selects the Id of every record it queries, parents reached through a relationship included
    // (`Owner__r.Name` comes back as `Owner__r: { Name, Id }`); REST has it only in the record's url.
    const url = (value as { attributes?: { url?: string } }).attributes?.url;
    const id = url ? /\/([a-zA-Z0-9]{18})$/.exec(url)?.[1] : undefined;
    if (id && !('Id' in value)) out.Id = id;
    for (const [key, inner] of Object.entries(value)) {
      // Apex sObjects reach components without REST's `attributes`; child relationships arrive as arrays.
      if (key === 'attributes') continue;
      const records = (inner as { records?: unknown[] } | null)?.records;
      out[key] = Array.isArray(records) ? stripAttributes(records) : stripAttributes(inner);
    }
    return out as T;
  }
  return value;
}

/** An Apex literal the preview can read: an Integer, a String, or a List/Set of them. */
export type ApexConstant = number | string | Array<number | string>;

function apexLiteral(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  const quoted = /^'((?:[^'\\]|\\.)*)'$/.exec(trimmed);
  return quoted ? quoted[1].replace(/\\(.)/g, '$1') : undefined;
}

export class ControllerQueries {
  private readonly queries: SoqlUse[];
  private readonly source: string;
  constructor(
    readonly className: string,
    source?: string
  ) {
    const file = path.join(DEFAULT_DIR, 'classes', `${className}.cls`);
    this.source = source ?? fs.readFileSync(file, 'utf8');
    const unit = parseApex(this.source, file);
    if (unit.errors.length) throw new Error(`${className}.cls does not parse: ${unit.errors[0].message}`);
    this.queries = unit.soql;
  }

  /**
   * A `static final` constant of the controller (PERIOD_MONTHS, DAY_BUCKETS...), read from its source so the preview
   * follows when the Apex changes. Integers, Strings and List/Set literals of them.
   */
  constant(name: string): ApexConstant {
    const match = new RegExp(`\\bstatic\\s+final\\s+[\\w<>, ]+?\\s+${name}\\s*=\\s*([^;]+);`).exec(this.source);
    if (!match) throw new Error(`${this.className} has no constant ${name}`);
    const value = match[1].trim();
    const collection = /^new\s+(?:List|Set)\s*<\s*\w+\s*>\s*\{([\s\S]*)\}$/.exec(value);
    const parts = collection ? (collection[1].trim() ? collection[1].split(',') : []) : [value];
    const literals = parts.map((part) => apexLiteral(part));
    if (literals.some((l) => l === undefined)) throw new Error(`${this.className}.${name} is not a literal: ${value}`);
    return collection ? (literals as Array<number | string>) : literals[0]!;
  }

  /** The controller's query on `objectName` (the nth one, when it has several). */
  text(objectName: string, nth = 0): SoqlUse {
    const found = this.queries.filter((q) => q.query?.sObject?.toLowerCase() === objectName.toLowerCase());
    if (!found[nth]) throw new Error(`${this.className} has no query #${nth + 1} on ${objectName}`);
    return found[nth];
  }

  /**
   * Runs the controller's query on `objectName` with its binds inside the Apex transaction (charged against its
   * governor limits), all pages, records as Apex returns them.
   */
  async run<T extends object>(
    tx: ApexTransaction,
    objectName: string,
    binds: Record<string, BindValue> = {},
    nth = 0
  ): Promise<T[]> {
    const use = this.text(objectName, nth);
    const soql = bindQuery(use.text, binds, `${this.className}.cls:${use.line}`);
    const result = await tx.query<T>(`${this.className}:${use.line}`, soql);
    return stripAttributes(result.records);
  }
}
