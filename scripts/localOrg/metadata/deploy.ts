// One deploy: unzip, read package.xml, turn every component into a schema change or a stored file, validate all of
// it against the org plus the package, then apply it atomically (or nothing, with rollbackOnError or checkOnly).
import JSZip from 'jszip';
import type { FieldSchema, ObjectSchema, OrgSchema, PicklistValue, ValidationRuleSchema } from '../schema';
import type { ApexClassRecord, CustomMetadataRecord, MetadataHost, PermissionSetRecord, SchemaChange } from './host';
import {
  customMetadataStandardFields,
  customObjectStandardFields,
  globalValueSetValues,
  isCustomMetadataType,
  isCustomObjectName,
  objectHeader,
  toCustomMetadataRecord,
  toFieldSchema,
  toValidationRule
} from './convert';
import { registryType, hasMetaFile, isBundle, parentType, type RegistryType } from './registry';
import type { DeployMessage, MetadataState, StoredComponent } from './state';
import { list, objects, parseMetadataXml, text, type XmlObject, type XmlProblem } from './xml';
import { compileFormula } from '../formula';
import { parseApex } from '../../checks/apex';

export interface DeployOptions {
  checkOnly: boolean;
  rollbackOnError: boolean;
  ignoreWarnings: boolean;
}

/** Child elements of a CustomObject file and the metadata type each one is deployed and reported as. */
export const OBJECT_CHILDREN: Record<string, string> = {
  fields: 'CustomField',
  validationRules: 'ValidationRule',
  listViews: 'ListView',
  compactLayouts: 'CompactLayout',
  webLinks: 'WebLink',
  recordTypes: 'RecordType',
  fieldSets: 'FieldSet',
  businessProcesses: 'BusinessProcess',
  sharingReasons: 'SharingReason',
  indexes: 'Index'
};
const CHILD_TYPES = new Set(Object.values(OBJECT_CHILDREN));

export interface DeployOutcome {
  successes: DeployMessage[];
  failures: DeployMessage[];
  /** Components counted in numberComponentsTotal (package.xml excluded). */
  total: number;
  change: SchemaChange;
  put: StoredDraft[];
  remove: Array<{ type: string; fullName: string }>;
  /** True when the change must not be applied (checkOnly, or a failure with rollbackOnError). */
  applyNothing: boolean;
  success: boolean;
  partial: boolean;
}

export type StoredDraft = Omit<StoredComponent, 'id' | 'createdDate' | 'lastModifiedDate'>;

interface Problem {
  message: string;
  line?: number;
  column?: number;
  warning?: boolean;
}

interface Entry {
  type: string;
  fullName: string;
  fileName: string;
  problem?: Problem;
  deleted?: boolean;
  /** What this component stores in metadata state when it deploys. */
  stored?: StoredDraft;
}

interface ObjectFile {
  name: string;
  fileName: string;
  body?: XmlObject;
  problem?: XmlProblem;
  /** CustomObject itself named in package.xml: every child in the file deploys with it. */
  whole: boolean;
  listedChildren: Set<string>;
}

interface PackageTypes {
  types: Array<{ name: string; members: string[] }>;
}

function parsePackage(xml: string): PackageTypes | XmlProblem {
  const parsed = parseMetadataXml(xml);
  if ('message' in parsed) return parsed;
  return {
    types: objects(parsed.body.types).map((t) => ({
      name: text(t.name) ?? '',
      members: list(t.members).map((m) => text(m) ?? '')
    }))
  };
}

const problemOf = (p: XmlProblem): Problem => ({ message: p.message, line: p.line, column: p.column });

/** A deploy's zip as a map of paths relative to the folder that holds package.xml. */
async function readZip(zipBase64: string): Promise<{ files: Map<string, Buffer>; root: string } | string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(Buffer.from(zipBase64, 'base64'));
  } catch (e) {
    return `The deploy file is not a valid zip: ${(e as Error).message}`;
  }
  const paths = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const manifests = paths.filter((p) => p === 'package.xml' || p.endsWith('/package.xml'));
  manifests.sort((a, b) => a.split('/').length - b.split('/').length);
  const root = manifests[0] ? manifests[0].slice(0, -'package.xml'.length) : '';
  const files = new Map<string, Buffer>();
  for (const p of paths) {
    if (!p.startsWith(root)) continue;
    files.set(p.slice(root.length), await zip.files[p].async('nodebuffer'));
  }
  return { files, root };
}

export interface DeployContext {
  host: MetadataHost;
  state: MetadataState;
  newId(type: string): string;
  now: string;
}

/** Plans and validates a deploy. Applies nothing: the caller applies `change` and `put`/`remove` when allowed. */
export async function planDeploy(
  zipBase64: string,
  options: DeployOptions,
  ctx: DeployContext
): Promise<DeployOutcome> {
  const entries: Entry[] = [];
  const change: SchemaChange = {
    upsertObjects: [],
    deleteFields: [],
    deleteObjects: [],
    upsertCustomMetadata: [],
    deleteCustomMetadata: [],
    upsertPermissionSets: [],
    deletePermissionSets: [],
    upsertApexClasses: [],
    deleteApexClasses: []
  };
  const remove: Array<{ type: string; fullName: string }> = [];
  const outcome = (extra: Entry[] = []): DeployOutcome => finish([...entries, ...extra], change, remove, options, ctx);

  const zip = await readZip(zipBase64);
  if (typeof zip === 'string') {
    return outcome([{ type: '', fullName: 'package.xml', fileName: 'package.xml', problem: { message: zip } }]);
  }
  const { files, root } = zip;
  const fileName = (p: string) => root + p;
  const manifestXml = files.get('package.xml');
  if (!manifestXml) {
    return outcome([
      { type: '', fullName: 'package.xml', fileName: 'package.xml', problem: { message: 'No package.xml found' } }
    ]);
  }
  const manifest = parsePackage(manifestXml.toString('utf8'));
  if ('message' in manifest) {
    return outcome([
      { type: '', fullName: 'package.xml', fileName: fileName('package.xml'), problem: problemOf(manifest) }
    ]);
  }

  const schema: OrgSchema = ctx.host.schema();
  const stored = (type: string, fullName: string) => ctx.state.components[type]?.[fullName];

  // --- CustomObject files and their children -------------------------------------------------------------
  const objectFiles = new Map<string, ObjectFile>();
  const objectFile = (name: string): ObjectFile => {
    let f = objectFiles.get(name);
    if (!f) {
      const path = `objects/${name}.object`;
      const raw = files.get(path);
      f = { name, fileName: fileName(path), whole: false, listedChildren: new Set() };
      if (raw) {
        const parsed = parseMetadataXml(raw.toString('utf8'));
        if ('message' in parsed) f.problem = parsed;
        else f.body = parsed.body;
      }
      objectFiles.set(name, f);
    }
    return f;
  };

  const opaque: Array<{ type: string; member: string }> = [];
  const cmdtRecords: string[] = [];
  for (const t of manifest.types) {
    for (const member of t.members) {
      if (t.name === 'CustomObject') {
        if (member === '*') {
          for (const p of files.keys()) {
            const m = /^objects\/([^/]+)\.object$/.exec(p);
            if (m) objectFile(m[1]).whole = true;
          }
        } else objectFile(member).whole = true;
      } else if (CHILD_TYPES.has(t.name)) {
        const dot = member.indexOf('.');
        if (dot <= 0) {
          entries.push({
            type: t.name,
            fullName: member,
            fileName: fileName('package.xml'),
            problem: { message: `${t.name} ${member}: the name must be Object.Name` }
          });
          continue;
        }
        objectFile(member.slice(0, dot)).listedChildren.add(`${t.name}#${member.slice(dot + 1)}`);
      } else if (t.name === 'CustomMetadata') {
        if (member === '*') {
          for (const p of files.keys()) {
            const m = /^customMetadata\/(.+)\.md$/.exec(p);
            if (m) cmdtRecords.push(m[1]);
          }
        } else cmdtRecords.push(member);
      } else if (member === '*') {
        const rt = registryType(t.name);
        const names = new Set<string>();
        for (const p of files.keys()) {
          if (!rt || !p.startsWith(`${rt.directoryName}/`)) continue;
          const rest = p.slice(rt.directoryName.length + 1);
          const first = rest.split('/')[0];
          names.add(isBundle(rt) ? first : first.replace(/-meta\.xml$/, '').replace(/\.[^.]+$/, ''));
        }
        for (const n of names) opaque.push({ type: t.name, member: n });
      } else opaque.push({ type: t.name, member });
    }
  }

  // Global value sets (picklists that name one) come from the package or the org.
  const globalValueSets = new Map<string, PicklistValue[]>();
  for (const [name, c] of Object.entries(ctx.state.components.GlobalValueSet ?? {})) {
    globalValueSets.set(name, globalValueSetValues(c.metadata));
  }
  for (const o of opaque.filter((x) => x.type === 'GlobalValueSet')) {
    const raw = files.get(`globalValueSets/${o.member}.globalValueSet`);
    const parsed = raw ? parseMetadataXml(raw.toString('utf8')) : undefined;
    if (parsed && !('message' in parsed)) globalValueSets.set(o.member, globalValueSetValues(parsed.body));
  }

  // Objects that exist once this package lands: the org's, plus every CustomObject in the package with a valid header.
  const headers = new Map<string, Omit<ObjectSchema, 'fields' | 'keyPrefix'>>();
  const objectEntries = new Map<string, Entry>();
  for (const f of objectFiles.values()) {
    if (!f.whole) continue;
    const entry: Entry = { type: 'CustomObject', fullName: f.name, fileName: f.fileName };
    objectEntries.set(f.name, entry);
    entries.push(entry);
    if (!f.body && !f.problem) {
      entry.problem = {
        message: `An object '${f.name}' of type CustomObject was named in package.xml, but was not found in zipped directory`
      };
      continue;
    }
    if (f.problem) {
      entry.problem = problemOf(f.problem);
      continue;
    }
    const body = f.body as XmlObject;
    const header = objectHeader(f.name, body);
    if (!header.ok) {
      entry.problem = { message: header.problem };
      continue;
    }
    headers.set(f.name, header.value);
    const objectMetadata: XmlObject = { fullName: f.name };
    for (const [k, v] of Object.entries(body)) {
      if (!(k in OBJECT_CHILDREN) && !k.startsWith('@_')) objectMetadata[k] = v;
    }
    entry.stored = { type: 'CustomObject', fullName: f.name, fileName: f.fileName, metadata: objectMetadata };
  }
  const objectExists = (name: string) => schema.has(name) || headers.has(name);
  const fieldContext = { objectExists, globalValueSet: (n: string) => globalValueSets.get(n) };

  const usedPrefixes = new Set([...schema.values()].map((o) => o.keyPrefix));
  const newObjects = new Map<string, ObjectSchema>();
  for (const f of objectFiles.values()) {
    const existing = schema.get(f.name);
    const header = headers.get(f.name);
    const objectEntry = objectEntries.get(f.name);
    const childEntries: Entry[] = [];
    const packageFields: FieldSchema[] = [];
    const packageRules: ValidationRuleSchema[] = [];

    // Which children of the file deploy: all of them with the object, or the ones package.xml names.
    const children: Array<{ type: string; name: string; body?: XmlObject }> = [];
    const bodyChildren = new Map<string, XmlObject>();
    if (f.body) {
      for (const [element, type] of Object.entries(OBJECT_CHILDREN)) {
        for (const child of objects(f.body[element])) {
          const name = text(child.fullName);
          if (name) bodyChildren.set(`${type}#${name}`, child);
        }
      }
    }
    const keys = new Set(f.whole ? [...bodyChildren.keys(), ...f.listedChildren] : f.listedChildren);
    for (const key of keys) {
      const [type, name] = key.split('#');
      children.push({ type, name, body: bodyChildren.get(key) });
    }

    for (const child of children) {
      const entry: Entry = { type: child.type, fullName: `${f.name}.${child.name}`, fileName: f.fileName };
      childEntries.push(entry);
      if (f.problem) {
        entry.problem = problemOf(f.problem);
        continue;
      }
      if (!child.body) {
        entry.problem = {
          message: `An object '${entry.fullName}' of type ${child.type} was named in package.xml, but was not found in zipped directory`
        };
        continue;
      }
      if (objectEntry?.problem) {
        entry.problem = { message: `${child.type} ${entry.fullName}: the object ${f.name} failed to deploy` };
        continue;
      }
      if (!existing && !header) {
        entry.problem = {
          message: `${child.type} ${entry.fullName}: the object ${f.name} does not exist in the org or the package`
        };
        continue;
      }
      if (child.type === 'CustomField') {
        if (!child.name.endsWith('__c')) {
          // A standard field's customization (help text, history tracking): kept as metadata only.
          entry.stored = { type: child.type, fullName: entry.fullName, fileName: f.fileName, metadata: child.body };
          continue;
        }
        const converted = toFieldSchema(f.name, child.body, fieldContext);
        if (!converted.ok) {
          entry.problem = { message: converted.problem };
          continue;
        }
        if (converted.value.masterDetail && !isCustomObjectName(f.name)) {
          entry.problem = {
            message: `Field ${entry.fullName}: a standard object cannot be the detail of a master-detail`
          };
          continue;
        }
        if (isCustomMetadataType(f.name) && ['reference'].includes(converted.value.type)) {
          entry.problem = {
            message: `Field ${entry.fullName}: custom metadata types cannot have Lookup or MasterDetail fields`
          };
          continue;
        }
        packageFields.push(converted.value);
      } else if (child.type === 'ValidationRule') {
        const converted = toValidationRule(child.body);
        if (!converted.ok) {
          entry.problem = { message: converted.problem };
          continue;
        }
        packageRules.push(converted.value);
      }
      entry.stored = { type: child.type, fullName: entry.fullName, fileName: f.fileName, metadata: child.body };
    }
    entries.push(...childEntries);

    // The object as describe will see it: existing fields kept, package fields replace theirs by name.
    if (!header && !existing) continue;
    if (packageFields.length === 0 && packageRules.length === 0 && !header) continue;
    let fields = new Map<string, FieldSchema>();
    if (existing) for (const fld of existing.fields) fields.set(fld.name, fld);
    else if (header?.customMetadata) for (const fld of customMetadataStandardFields()) fields.set(fld.name, fld);
    for (const fld of packageFields) fields.set(fld.name, fld);
    if (!existing && header && !header.customMetadata) {
      // A new custom object gets Id, Name, OwnerId and the audit fields, listed first as describe lists them.
      const standard = customObjectStandardFields(
        f.body ?? {},
        packageFields.some((x) => x.masterDetail)
      );
      // OwnerId points at Group and User on the platform; keep only the targets this org has (a local org may lack Group).
      for (const x of standard) {
        const present = x.referenceTo?.filter(objectExists);
        if (present && present.length > 0) x.referenceTo = present;
      }
      const merged = new Map(standard.map((x) => [x.name, x]));
      for (const [k, v] of fields) merged.set(k, v);
      fields = merged;
    }
    const rules = new Map<string, ValidationRuleSchema>();
    for (const r of existing?.validationRules ?? []) rules.set(r.fullName, r);
    const fieldNames = new Set([...fields.keys()].map((n) => n.toLowerCase()));
    for (const r of packageRules) {
      // A rule may only read fields of its own object, as they stand once this package lands.
      const compiled = compileFormula(r.errorConditionFormula);
      const missing = compiled.ok ? compiled.fields.filter((n) => !fieldNames.has(n.toLowerCase())) : [];
      const display = r.errorDisplayField;
      const entry = childEntries.find((e) => e.type === 'ValidationRule' && e.fullName === `${f.name}.${r.fullName}`);
      if (missing.length || (display && !fieldNames.has(display.toLowerCase()))) {
        if (entry) {
          entry.problem = {
            message: missing.length
              ? /[.$]/.test(missing[0])
                ? `Validation rule ${r.fullName}: the local org cannot evaluate ${missing[0]} (only fields of ${f.name})`
                : `Validation rule ${r.fullName}: Field ${missing[0]} does not exist. Check spelling.`
              : `Validation rule ${r.fullName}: errorDisplayField ${display} is not a field of ${f.name}`
          };
          delete entry.stored;
        }
        continue;
      }
      rules.set(r.fullName, r);
    }
    let keyPrefix = existing?.keyPrefix;
    if (!keyPrefix) {
      keyPrefix = allocateKeyPrefix(header?.customMetadata ? 'm' : 'a', usedPrefixes);
      usedPrefixes.add(keyPrefix);
    }
    const object: ObjectSchema = {
      ...(existing ?? {}),
      ...(header ?? {}),
      name: f.name,
      // A standard object keeps its own labels: its file only changes settings such as the sharing model.
      label: (existing && !existing.custom ? existing.label : header?.label) ?? existing?.label ?? f.name,
      labelPlural:
        (existing && !existing.custom ? existing.labelPlural : header?.labelPlural) ?? existing?.labelPlural ?? f.name,
      custom: header?.custom ?? existing?.custom ?? isCustomObjectName(f.name),
      keyPrefix,
      fields: [...fields.values()]
    };
    if (rules.size > 0) object.validationRules = [...rules.values()];
    newObjects.set(f.name, object);
  }
  const objectAfter = (name: string) => newObjects.get(name) ?? schema.get(name);

  // --- Custom metadata records --------------------------------------------------------------------------
  const records: Array<{ entry: Entry; record: CustomMetadataRecord }> = [];
  for (const member of cmdtRecords) {
    const path = `customMetadata/${member}.md`;
    const entry: Entry = { type: 'CustomMetadata', fullName: member, fileName: fileName(path) };
    entries.push(entry);
    const raw = files.get(path);
    if (!raw) {
      entry.problem = {
        message: `An object '${member}' of type CustomMetadata was named in package.xml, but was not found in zipped directory`
      };
      continue;
    }
    const parsed = parseMetadataXml(raw.toString('utf8'));
    if ('message' in parsed) {
      entry.problem = problemOf(parsed);
      continue;
    }
    const typeName = `${member.split('.')[0]}__mdt`;
    const converted = toCustomMetadataRecord(member, parsed.body, objectAfter(typeName));
    if (!converted.ok) {
      entry.problem = { message: converted.problem };
      continue;
    }
    entry.stored = { type: 'CustomMetadata', fullName: member, fileName: entry.fileName, metadata: parsed.body };
    records.push({ entry, record: converted.value });
  }

  // --- Everything else: opaque files ---------------------------------------------------------------------
  for (const o of opaque) {
    const rt = registryType(o.type);
    const entry: Entry = { type: o.type, fullName: o.member, fileName: fileName('package.xml') };
    entries.push(entry);
    const parent = rt ? undefined : parentType(o.type);
    if (parent) {
      planChildComponent(entry, parent, files, fileName);
      continue;
    }
    if (!rt) {
      entry.problem = { message: `Unknown type name '${o.type}' specified in package.xml` };
      continue;
    }
    const dir = `${rt.directoryName}/`;
    // A folder of an in-folder type (a report folder is the Report member "Folder/") is one file, "reports/Folder-meta.xml".
    const folder = rt.inFolder && o.member.endsWith('/') ? `${dir}${o.member.slice(0, -1)}-meta.xml` : undefined;
    const own = [...files.keys()].filter((p) => {
      if (folder) return p === folder;
      if (!p.startsWith(dir)) return false;
      const rest = p.slice(dir.length);
      return (
        rest === o.member ||
        rest.startsWith(`${o.member}.`) ||
        rest.startsWith(`${o.member}/`) ||
        rest === `${o.member}-meta.xml`
      );
    });
    if (own.length === 0) {
      entry.problem = {
        message: `An object '${o.member}' of type ${o.type} was named in package.xml, but was not found in zipped directory`
      };
      continue;
    }
    const main = isBundle(rt)
      ? `${dir}${o.member}`
      : (own.find((p) => p === `${dir}${o.member}.${rt.suffix ?? ''}`) ?? own[0]);
    entry.fileName = fileName(main);
    // Every XML file of the component must be well formed; content files (.cls, .js, .html) are kept as they are.
    const xmlFiles = own.filter((p) => p.endsWith('-meta.xml') || (!hasMetaFile(rt) && !isBundle(rt)));
    let metadata: XmlObject = {};
    for (const p of xmlFiles) {
      const parsed = parseMetadataXml((files.get(p) as Buffer).toString('utf8'));
      if ('message' in parsed) {
        entry.problem = problemOf(parsed);
        entry.fileName = fileName(p);
        break;
      }
      if (Object.keys(metadata).length === 0) metadata = parsed.body;
    }
    if (entry.problem) continue;
    const content = hasMetaFile(rt) ? own.find((p) => !p.endsWith('-meta.xml')) : undefined;
    metadata = { fullName: o.member, ...metadata };
    if (content) metadata.content = (files.get(content) as Buffer).toString('base64');
    if ((o.type === 'ApexClass' || o.type === 'ApexTrigger') && content) {
      // The platform compiles Apex on deploy: source that does not parse fails its component at the line and column.
      const unit = parseApex((files.get(content) as Buffer).toString('utf8'), content, o.type === 'ApexTrigger');
      const first = unit.errors[0];
      if (first) {
        entry.fileName = fileName(content);
        entry.problem = { message: first.message, line: first.line, column: first.column };
        continue;
      }
    }
    if (o.type === 'PermissionSet') {
      const record = toPermissionSetRecord(o.member, metadata);
      const problem = record.ok
        ? permissionSetProblem(metadata, {
            object: objectAfter,
            apexClass: (name) =>
              Boolean(ctx.state.components.ApexClass?.[name]) ||
              opaque.some((x) => x.type === 'ApexClass' && x.member === name)
          })
        : record.problem;
      if (problem || !record.ok) {
        entry.problem = { message: problem ?? 'invalid permission set' };
        continue;
      }
      change.upsertPermissionSets?.push(record.value);
    }
    if (o.type === 'ApexClass') change.upsertApexClasses?.push(toApexClassRecord(o.member, metadata));
    const stored: StoredDraft = { type: o.type, fullName: o.member, fileName: entry.fileName, metadata, files: {} };
    for (const p of own) (stored.files as Record<string, string>)[p] = (files.get(p) as Buffer).toString('base64');
    entry.stored = stored;
  }

  // --- Destructive changes: pre (destructiveChanges.xml) and post, applied with the rest in one change ----
  for (const manifestName of ['destructiveChanges.xml', 'destructiveChangesPre.xml', 'destructiveChangesPost.xml']) {
    const raw = files.get(manifestName);
    if (!raw) continue;
    const destructive = parsePackage(raw.toString('utf8'));
    if ('message' in destructive) {
      entries.push({
        type: '',
        fullName: manifestName,
        fileName: fileName(manifestName),
        problem: problemOf(destructive)
      });
      continue;
    }
    for (const t of destructive.types) {
      for (const member of t.members) {
        entries.push(planDelete(t.name, member, { schema, stored, change, remove, newObjects, fileName }));
      }
    }
  }

  // --- Schema change from what passed ---------------------------------------------------------------------
  for (const [name, object] of newObjects) {
    if (change.deleteObjects.includes(name)) continue;
    const deletedFields = new Set(change.deleteFields.filter((d) => d.object === name).map((d) => d.field));
    change.upsertObjects.push({ ...object, fields: object.fields.filter((fld) => !deletedFields.has(fld.name)) });
  }
  change.upsertCustomMetadata = records.filter((r) => !r.entry.problem).map((r) => r.record);
  return outcome();
}

/** A component that lives inside its parent's file (a CustomLabel in labels/CustomLabels.labels). */
function planChildComponent(
  entry: Entry,
  parent: RegistryType,
  files: Map<string, Buffer>,
  fileName: (path: string) => string
): void {
  const dir = `${parent.directoryName}/`;
  for (const [path, raw] of files) {
    if (!path.startsWith(dir) || (parent.suffix && !path.endsWith(`.${parent.suffix}`))) continue;
    const parsed = parseMetadataXml(raw.toString('utf8'));
    if ('message' in parsed) {
      entry.fileName = fileName(path);
      entry.problem = problemOf(parsed);
      return;
    }
    for (const value of Object.values(parsed.body)) {
      const child = objects(value).find((c) => text(c.fullName) === entry.fullName);
      if (child) {
        entry.fileName = fileName(path);
        entry.stored = { type: entry.type, fullName: entry.fullName, fileName: entry.fileName, metadata: child };
        return;
      }
    }
  }
  entry.problem = {
    message: `An object '${entry.fullName}' of type ${entry.type} was named in package.xml, but was not found in zipped directory`
  };
}

interface DeleteContext {
  schema: OrgSchema;
  stored(type: string, fullName: string): StoredComponent | undefined;
  change: SchemaChange;
  remove: Array<{ type: string; fullName: string }>;
  newObjects: Map<string, ObjectSchema>;
  fileName(path: string): string;
}

function planDelete(type: string, member: string, d: DeleteContext): Entry {
  const rt = registryType(type);
  const entry: Entry = {
    type,
    fullName: member,
    fileName: d.fileName(`${rt?.directoryName ?? type}/${member}`),
    deleted: true
  };
  const notFound = (): Entry => ({
    ...entry,
    deleted: false,
    problem: { message: `No ${type} named: ${member} found`, warning: true }
  });
  if (type === 'CustomObject') {
    entry.fileName = d.fileName(`objects/${member}.object`);
    const object = d.schema.get(member);
    if (!object) return notFound();
    if (!object.custom)
      return { ...entry, deleted: false, problem: { message: `Cannot delete the standard object ${member}` } };
    d.change.deleteObjects.push(member);
    d.remove.push({ type, fullName: member });
    return entry;
  }
  if (type === 'CustomField') {
    const [objectName, field] = member.split('.');
    entry.fileName = d.fileName(`objects/${objectName}.object`);
    const object = d.schema.get(objectName);
    const existing = object?.fields.find((f) => f.name === field);
    if (!existing) return notFound();
    if (!existing.custom)
      return { ...entry, deleted: false, problem: { message: `Cannot delete the standard field ${member}` } };
    d.change.deleteFields.push({ object: objectName, field });
    d.remove.push({ type, fullName: member });
    return entry;
  }
  if (type === 'CustomMetadata') {
    entry.fileName = d.fileName(`customMetadata/${member}.md`);
    if (!d.stored(type, member)) return notFound();
    const [typePrefix, developerName] = member.split('.');
    d.change.deleteCustomMetadata.push(`${typePrefix}__mdt.${developerName}`);
    d.remove.push({ type, fullName: member });
    return entry;
  }
  const existing = d.stored(type, member);
  if (!existing) return notFound();
  entry.fileName = existing.fileName;
  d.remove.push({ type, fullName: member });
  if (type === 'PermissionSet') d.change.deletePermissionSets?.push(member);
  if (type === 'ApexClass') d.change.deleteApexClasses?.push(member);
  return entry;
}

/** The ApexClass record an ApexClass component becomes: Name from the fullName, the rest from its two files. */
export function toApexClassRecord(fullName: string, metadata: XmlObject): ApexClassRecord {
  const apiVersion = Number(text(metadata.apiVersion));
  const content = text(metadata.content);
  return {
    name: fullName,
    apiVersion: Number.isFinite(apiVersion) && apiVersion > 0 ? apiVersion : null,
    status: text(metadata.status) || 'Active',
    body: content ? Buffer.from(content, 'base64').toString('utf8') : ''
  };
}

/**
 * What the platform refuses in a permission set, as its deploy reports it: an object or field that does not exist
 * (in the org or the same package), edit access on a field nobody can edit (formula, roll-up, auto-number), field
 * permissions on a required field or a master-detail field (always readable and editable, never listed), a custom
 * metadata type or an Apex class that does not exist.
 */
function permissionSetProblem(
  metadata: XmlObject,
  lookup: { object(name: string): ObjectSchema | undefined; apexClass(name: string): boolean }
): string | undefined {
  for (const o of objects(metadata.objectPermissions)) {
    const name = text(o.object) ?? '';
    const object = lookup.object(name);
    if (!object || object.customMetadata) return `In field: object - no CustomObject named ${name} found`;
  }
  for (const f of objects(metadata.fieldPermissions)) {
    const qualified = text(f.field) ?? '';
    const [objectName, fieldName] = qualified.split('.');
    const field = lookup.object(objectName)?.fields.find((x) => x.name.toLowerCase() === fieldName?.toLowerCase());
    if (!field) return `In field: field - no CustomField named ${qualified} found`;
    if ((!field.nillable && field.type !== 'boolean') || field.masterDetail) {
      return `You cannot deploy to a required field: ${qualified}`;
    }
    if (text(f.editable) === 'true' && (field.formula || field.calculated)) {
      return `Field ${qualified} is a calculated field: it cannot be editable (set editable to false)`;
    }
  }
  for (const c of objects(metadata.customMetadataTypeAccesses)) {
    const name = text(c.name) ?? '';
    if (!lookup.object(name)?.customMetadata) return `In field: name - no CustomObject named ${name} found`;
  }
  for (const c of objects(metadata.classAccesses)) {
    const name = text(c.apexClass) ?? '';
    if (!lookup.apexClass(name)) return `In field: apexClass - no ApexClass named ${name} found`;
  }
  return undefined;
}

/** The PermissionSet record a PermissionSet component becomes: Name from the fullName, Label from the XML. */
function toPermissionSetRecord(
  fullName: string,
  metadata: XmlObject
): { ok: true; value: PermissionSetRecord } | { ok: false; problem: string } {
  if (!/^[A-Za-z](?!.*__)[A-Za-z0-9_]*$/.test(fullName) || fullName.endsWith('_') || fullName.length > 80) {
    return {
      ok: false,
      problem: `PermissionSet ${fullName}: the name can only contain underscores and alphanumeric characters, must begin with a letter, not include spaces, not end with an underscore, and not contain two consecutive underscores`
    };
  }
  const label = text(metadata.label);
  if (!label) return { ok: false, problem: `PermissionSet ${fullName}: Required field is missing: label` };
  if (label.length > 80) {
    return { ok: false, problem: `PermissionSet ${fullName}: label is too long (${label.length} characters, max 80)` };
  }
  const description = text(metadata.description);
  return {
    ok: true,
    value: {
      name: fullName,
      label,
      ...(description ? { description: description.slice(0, 255) } : {}),
      hasActivationRequired: text(metadata.hasActivationRequired) === 'true'
    }
  };
}

/** A key prefix no object uses yet: a01..a0z for custom objects, m01.. for custom metadata types. */
function allocateKeyPrefix(first: string, used: Set<string>): string {
  const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  for (const second of chars) {
    for (const third of chars.slice(1)) {
      const prefix = `${first}${second}${third}`;
      if (!used.has(prefix)) return prefix;
    }
  }
  throw new Error('No key prefix left');
}

function finish(
  entries: Entry[],
  change: SchemaChange,
  remove: Array<{ type: string; fullName: string }>,
  options: DeployOptions,
  ctx: DeployContext
): DeployOutcome {
  const successes: DeployMessage[] = [];
  const failures: DeployMessage[] = [];
  const put: StoredDraft[] = [];
  let total = 0;
  let packageOk = true;
  for (const e of entries) {
    const isManifest = e.type === '' && e.fullName.endsWith('.xml');
    if (!isManifest) total++;
    const existing = ctx.state.components[e.type]?.[e.fullName];
    const base = {
      componentType: e.type,
      createdDate: ctx.now,
      fileName: e.fileName,
      fullName: e.fullName
    };
    if (e.problem) {
      if (isManifest) packageOk = false;
      const warning = e.problem.warning === true;
      const msg: DeployMessage = {
        ...base,
        changed: false,
        created: false,
        deleted: false,
        problem: e.problem.message,
        problemType: warning ? 'Warning' : 'Error',
        success: false
      };
      if (e.problem.line !== undefined) msg.lineNumber = e.problem.line;
      if (e.problem.column !== undefined) msg.columnNumber = e.problem.column;
      if (warning && options.ignoreWarnings) {
        successes.push({ ...msg, success: true });
        if (!isManifest) total--;
      } else failures.push(msg);
      continue;
    }
    const created = !e.deleted && !existing;
    const changed =
      !e.deleted && !!existing && JSON.stringify(existing.metadata) !== JSON.stringify(e.stored?.metadata ?? {});
    successes.push({
      ...base,
      changed,
      created,
      deleted: e.deleted === true,
      id: existing?.id ?? ctx.newId(e.type),
      success: true
    });
    if (e.stored) put.push(e.stored);
  }
  if (packageOk && !entries.some((e) => e.fullName === 'package.xml')) {
    successes.unshift({
      changed: true,
      componentType: '',
      created: false,
      createdDate: ctx.now,
      deleted: false,
      fileName: 'package.xml',
      fullName: 'package.xml',
      success: true
    });
  }
  const success = failures.length === 0;
  const applyNothing = options.checkOnly || (!success && options.rollbackOnError);
  const partial = !success && !options.rollbackOnError && successes.some((s) => s.componentType !== '');
  return { successes, failures, total, change, put, remove, applyNothing, success, partial };
}
