// The preview runs the very SOQL the Apex classes run: it reads each query out of the class's source (with the same
// parser check:metadata uses), binds the Apex variables, and sends it to the org inside the call's Apex transaction
// (governor limits charged). A query is found by its name, Class.method (check:metadata holds every method to one
// query), so when a selector's query changes the preview follows, and a renamed or missing one fails loudly.
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

/** Every named query of the project's Apex: `Selector.method` -> its SOQL, read once from force-app. */
export class ApexQueries {
  private readonly byName = new Map<string, SoqlUse & { file: string }>();

  constructor(dir = path.join(DEFAULT_DIR, 'classes')) {
    for (const entry of fs.readdirSync(dir)) {
      if (!entry.endsWith('.cls')) continue;
      const file = path.join(dir, entry);
      const unit = parseApex(fs.readFileSync(file, 'utf8'), file);
      if (unit.errors.length) throw new Error(`${entry} does not parse: ${unit.errors[0].message}`);
      if (unit.isTest) continue;
      for (const use of unit.soql) {
        if (!use.method) continue;
        const name = `${use.className ?? unit.className}.${use.method}`;
        if (this.byName.has(name)) throw new Error(`${name} holds more than one query: it has no single name`);
        this.byName.set(name, { ...use, file: entry });
      }
    }
  }

  /** The query named `Class.method`. */
  named(name: string): SoqlUse & { file: string } {
    const use = this.byName.get(name);
    if (!use) throw new Error(`no Apex query is named ${name}`);
    return use;
  }

  private bound(name: string, binds: Record<string, BindValue>): string {
    const use = this.named(name);
    return bindQuery(use.text, binds, `${use.file}:${use.line} (${name})`);
  }

  /** Runs the named query in the transaction: every page, records as Apex returns them. */
  async run<T extends object>(tx: ApexTransaction, name: string, binds: Record<string, BindValue> = {}): Promise<T[]> {
    const result = await tx.query<T>(name, this.bound(name, binds));
    return stripAttributes(result.records);
  }

  /** Runs a named `SELECT COUNT()` query: the Integer Apex gets back. */
  async count(tx: ApexTransaction, name: string, binds: Record<string, BindValue> = {}): Promise<number> {
    return (await tx.query(name, this.bound(name, binds))).totalSize;
  }
}

let shared: ApexQueries | undefined;
/** The project's named queries, read on first use. */
export const apexQueries = (): ApexQueries => (shared ??= new ApexQueries());
