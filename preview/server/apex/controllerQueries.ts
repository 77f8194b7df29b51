// The preview runs the very SOQL the Apex controllers run: it reads each query out of the
// controller's source (with the same parser check:metadata uses), binds the Apex variables, and
// sends it to the local org. When a controller's query changes, the preview follows.
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'jsforce';
import { parseApex, type SoqlUse } from '../../../scripts/checks/apex';
import { DEFAULT_DIR } from '../../../scripts/lib/paths';

export type BindValue = string | number | boolean | null | Array<string | number>;

function literal(value: BindValue): string {
  if (value === null) return 'null';
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

export class ControllerQueries {
  private readonly queries: SoqlUse[];
  constructor(
    readonly className: string,
    source?: string
  ) {
    const file = path.join(DEFAULT_DIR, 'classes', `${className}.cls`);
    const unit = parseApex(source ?? fs.readFileSync(file, 'utf8'), file);
    if (unit.errors.length) throw new Error(`${className}.cls does not parse: ${unit.errors[0].message}`);
    this.queries = unit.soql;
  }

  /** The controller's query on `objectName` (the nth one, when it has several). */
  text(objectName: string, nth = 0): SoqlUse {
    const found = this.queries.filter((q) => q.query?.sObject?.toLowerCase() === objectName.toLowerCase());
    if (!found[nth]) throw new Error(`${this.className} has no query #${nth + 1} on ${objectName}`);
    return found[nth];
  }

  /** Runs the controller's query on `objectName` with its binds, all pages, records as Apex returns them. */
  async run<T extends object>(
    connection: Connection,
    objectName: string,
    binds: Record<string, BindValue> = {},
    nth = 0
  ): Promise<T[]> {
    const use = this.text(objectName, nth);
    const soql = bindQuery(use.text, binds, `${this.className}.cls:${use.line}`);
    const result = await connection.query<T>(soql, { autoFetch: true, maxFetch: 100000 });
    return stripAttributes(result.records);
  }
}
