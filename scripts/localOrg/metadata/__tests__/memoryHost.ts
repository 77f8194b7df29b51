// An in-memory MetadataHost for the Metadata API's own tests: a few standard objects, atomic schema changes, and
// metadata state kept as JSON text so tests can "restart" the API on the same state.
import type { FieldSchema, ObjectSchema, OrgSchema } from '../../schema';
import type { CustomMetadataRecord, MetadataHost, SchemaChange } from '../host';

export const TEST_TOKEN = '00D000000000001AAA!local.test.session';

const std = (name: string, label: string, type: FieldSchema['type'] = 'string'): FieldSchema => ({
  name,
  label,
  type,
  nillable: true,
  custom: false
});

function standardObjects(): OrgSchema {
  const object = (name: string, keyPrefix: string, fields: FieldSchema[]): ObjectSchema => ({
    name,
    label: name,
    labelPlural: `${name}s`,
    keyPrefix,
    custom: false,
    fields: [{ ...std('Id', 'Account ID', 'id'), nillable: false, calculated: true }, ...fields]
  });
  return new Map([
    [
      'Account',
      object('Account', '001', [
        { ...std('Name', 'Account Name'), nillable: false },
        std('Industry', 'Industry', 'picklist')
      ])
    ],
    ['Contact', object('Contact', '003', [std('LastName', 'Last Name')])],
    ['User', object('User', '005', [std('Username', 'Username')])]
  ]);
}

export class MemoryHost implements MetadataHost {
  private current: OrgSchema = standardObjects();
  readonly cmdt = new Map<string, CustomMetadataRecord>();
  state = '';
  requests: string[] = [];
  changes: SchemaChange[] = [];
  /** Set to make the next applySchemaChange throw, as a host that cannot apply a change does. */
  failNextApply: string | undefined;

  isValidSession(token: string): boolean {
    return token === TEST_TOKEN;
  }

  canUseMetadataApi(token: string): boolean {
    return token === TEST_TOKEN;
  }

  schema(): OrgSchema {
    return this.current;
  }

  applySchemaChange(change: SchemaChange): void {
    if (this.failNextApply) {
      const message = this.failNextApply;
      this.failNextApply = undefined;
      throw new Error(message);
    }
    const next: OrgSchema = new Map(this.current);
    for (const o of change.upsertObjects) {
      const existing = next.get(o.name);
      if (existing && !existing.custom) {
        const custom = new Map(o.fields.filter((f) => f.custom).map((f) => [f.name, f]));
        next.set(o.name, {
          ...existing,
          fields: [...existing.fields.filter((f) => !custom.has(f.name)), ...custom.values()]
        });
      } else next.set(o.name, structuredClone(o));
    }
    for (const d of change.deleteFields) {
      const o = next.get(d.object);
      if (!o) throw new Error(`No object ${d.object}`);
      next.set(d.object, { ...o, fields: o.fields.filter((f) => f.name !== d.field) });
    }
    for (const name of change.deleteObjects) next.delete(name);
    const cmdt = new Map(this.cmdt);
    for (const r of change.upsertCustomMetadata) cmdt.set(`${r.type}.${r.developerName}`, structuredClone(r));
    for (const key of change.deleteCustomMetadata) cmdt.delete(key);
    this.current = next;
    this.cmdt.clear();
    for (const [k, v] of cmdt) this.cmdt.set(k, v);
    this.changes.push(change);
  }

  records(objectName: string): Array<Record<string, unknown>> {
    return [...this.cmdt.values()]
      .filter((r) => r.type === objectName)
      .map((r) => ({ DeveloperName: r.developerName, MasterLabel: r.label, ...r.values }));
  }

  loadMetadataState(): unknown {
    return this.state ? (JSON.parse(this.state) as unknown) : undefined;
  }

  saveMetadataState(state: unknown): void {
    this.state = JSON.stringify(state);
  }

  countRequest(endpoint: string): void {
    this.requests.push(endpoint);
  }
}
