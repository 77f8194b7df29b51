// Reads the data model out of force-app source into plain typed records, so the doc generator and the rules
// test look at the same thing the platform deploys (the XML), not at a second hand-written description of it.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_DIR } from '../lib/paths';

export type ObjectKind = 'custom' | 'metadataType' | 'standard';

export interface PicklistValue {
  value: string;
  label: string;
  isDefault: boolean;
}

export interface FieldDef {
  object: string;
  apiName: string;
  label: string;
  type: string;
  description?: string;
  helpText?: string;
  required: boolean;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  referenceTo?: string;
  relationshipName?: string;
  deleteConstraint?: string;
  formula?: string;
  defaultValue?: string;
  restricted: boolean;
  values: PicklistValue[];
  trackHistory: boolean;
  file: string;
}

export interface ValidationRuleDef {
  object: string;
  name: string;
  active: boolean;
  description?: string;
  formula: string;
  message: string;
  errorField?: string;
  file: string;
}

export interface ListViewDef {
  object: string;
  name: string;
  label: string;
  filterScope: string;
  columns: string[];
  file: string;
}

export interface CompactLayoutDef {
  object: string;
  name: string;
  label: string;
  fields: string[];
  file: string;
}

export interface ObjectDef {
  apiName: string;
  kind: ObjectKind;
  label?: string;
  pluralLabel?: string;
  description?: string;
  nameField?: { label: string; type: string };
  sharingModel?: string;
  compactLayoutAssignment?: string;
  enableHistory: boolean;
  /** Tasks and events may hang from its records (the open activities and activity history related lists). */
  enableActivities: boolean;
  searchLayouts: Record<string, string[]>;
  fields: FieldDef[];
  validationRules: ValidationRuleDef[];
  listViews: ListViewDef[];
  compactLayouts: CompactLayoutDef[];
  /** The .object-meta.xml, absent for standard objects that only gain fields. */
  file?: string;
}

export interface ObjectPermission {
  object: string;
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface PermissionSetDef {
  name: string;
  label: string;
  description?: string;
  fieldPermissions: { field: string; readable: boolean; editable: boolean }[];
  objectPermissions: ObjectPermission[];
  tabSettings: { tab: string; visibility: string }[];
  applicationVisibilities: { application: string; visible: boolean }[];
  customMetadataTypeAccesses: { name: string; enabled: boolean }[];
  file: string;
}

export type MetadataValue = string | number | boolean | null;

export interface CustomMetadataRecordDef {
  /** The type's API name, with its __mdt suffix. */
  type: string;
  developerName: string;
  label: string;
  values: Record<string, MetadataValue>;
  file: string;
}

export interface LayoutDef {
  object: string;
  name: string;
  items: { field: string; behavior: string }[];
  relatedLists: string[];
  file: string;
}

export interface TabDef {
  name: string;
  customObject: boolean;
  motif?: string;
  file: string;
}

export interface ApplicationDef {
  name: string;
  label: string;
  description?: string;
  tabs: string[];
  file: string;
}

export interface DataModel {
  objects: ObjectDef[];
  permissionSets: PermissionSetDef[];
  customMetadata: CustomMetadataRecordDef[];
  layouts: LayoutDef[];
  tabs: TabDef[];
  applications: ApplicationDef[];
}

type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  'fields',
  'value',
  'values',
  'columns',
  'fieldPermissions',
  'objectPermissions',
  'tabSettings',
  'applicationVisibilities',
  'customMetadataTypeAccesses',
  'layoutSections',
  'layoutColumns',
  'layoutItems',
  'relatedLists',
  'tabs',
  'customTabListAdditionalFields',
  'lookupDialogsAdditionalFields',
  'searchResultsAdditionalFields',
  'searchFilterFields',
  'lookupFilterFields'
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name)
});

function parseFile(file: string, root: string, projectRoot: string): XmlNode {
  const xml = fs.readFileSync(file, 'utf8');
  const rel = path.relative(projectRoot, file);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`${rel}:${valid.err.line}: malformed XML: ${valid.err.msg}`);
  }
  const doc = parser.parse(xml) as XmlNode;
  const node = doc[root];
  if (node === undefined || typeof node !== 'object' || node === null) {
    throw new Error(`${rel}: expected a <${root}> root element`);
  }
  return node as XmlNode;
}

function str(node: XmlNode, key: string): string | undefined {
  const v = node[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return undefined;
  return String(v);
}

function need(node: XmlNode, key: string, where: string): string {
  const v = str(node, key);
  if (v === undefined) throw new Error(`${where}: <${key}> is missing`);
  return v;
}

function bool(node: XmlNode, key: string): boolean {
  return str(node, key) === 'true';
}

function int(node: XmlNode, key: string): number | undefined {
  const v = str(node, key);
  return v === undefined ? undefined : Number(v);
}

function list(node: XmlNode, key: string): unknown[] {
  const v = node[key];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function nodes(node: XmlNode, key: string): XmlNode[] {
  return list(node, key).filter((x): x is XmlNode => typeof x === 'object' && x !== null);
}

function strings(node: XmlNode, key: string): string[] {
  return list(node, key).map((x) => String(x));
}

function filesIn(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A metadata file as its reader takes it: parsed at its root element, its name (the file name less the suffix), its path. */
interface MetadataFile {
  node: XmlNode;
  name: string;
  /** The file's path from the project root, as problems and the model name it. */
  rel: string;
}

/** Where each metadata type the model reads part by part lives: its folder and its files' suffix. */
const PARTS = {
  ValidationRule: ['validationRules', '.validationRule-meta.xml'],
  ListView: ['listViews', '.listView-meta.xml'],
  CompactLayout: ['compactLayouts', '.compactLayout-meta.xml'],
  CustomTab: ['tabs', '.tab-meta.xml'],
  CustomApplication: ['applications', '.app-meta.xml']
} as const;

/** Every `root` file in its folder under `dir`, in name order, parsed and handed to `read`. */
function readFiles<T>(
  dir: string,
  root: keyof typeof PARTS,
  projectRoot: string,
  read: (file: MetadataFile) => T
): T[] {
  const [folder, suffix] = PARTS[root];
  return filesIn(path.join(dir, folder), suffix).map((f) =>
    read({ node: parseFile(f, root, projectRoot), name: path.basename(f, suffix), rel: path.relative(projectRoot, f) })
  );
}

function readField(object: string, file: string, projectRoot: string): FieldDef {
  const rel = path.relative(projectRoot, file);
  const n = parseFile(file, 'CustomField', projectRoot);
  const valueSet = nodes(n, 'valueSet')[0];
  const definition = valueSet ? nodes(valueSet, 'valueSetDefinition')[0] : undefined;
  const values: PicklistValue[] = definition
    ? nodes(definition, 'value').map((v) => ({
        value: need(v, 'fullName', rel),
        label: str(v, 'label') ?? need(v, 'fullName', rel),
        isDefault: bool(v, 'default')
      }))
    : [];
  return {
    object,
    apiName: need(n, 'fullName', rel),
    label: need(n, 'label', rel),
    type: need(n, 'type', rel),
    description: str(n, 'description'),
    helpText: str(n, 'inlineHelpText'),
    required: bool(n, 'required'),
    externalId: bool(n, 'externalId'),
    unique: bool(n, 'unique'),
    caseSensitive: bool(n, 'caseSensitive'),
    length: int(n, 'length'),
    precision: int(n, 'precision'),
    scale: int(n, 'scale'),
    referenceTo: str(n, 'referenceTo'),
    relationshipName: str(n, 'relationshipName'),
    deleteConstraint: str(n, 'deleteConstraint'),
    formula: str(n, 'formula'),
    defaultValue: str(n, 'defaultValue'),
    restricted: valueSet ? bool(valueSet, 'restricted') : false,
    values,
    trackHistory: bool(n, 'trackHistory'),
    file: rel
  };
}

function readObject(dir: string, projectRoot: string): ObjectDef {
  const apiName = path.basename(dir);
  const objectFile = path.join(dir, `${apiName}.object-meta.xml`);
  const hasFile = fs.existsSync(objectFile);
  const n: XmlNode = hasFile ? parseFile(objectFile, 'CustomObject', projectRoot) : {};
  const kind: ObjectKind = apiName.endsWith('__mdt') ? 'metadataType' : apiName.endsWith('__c') ? 'custom' : 'standard';
  const search = nodes(n, 'searchLayouts')[0] ?? {};
  const searchLayouts: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(search)) {
    searchLayouts[k] = (Array.isArray(v) ? v : [v]).map(String);
  }
  const nameNode = nodes(n, 'nameField')[0];
  return {
    apiName,
    kind,
    label: str(n, 'label'),
    pluralLabel: str(n, 'pluralLabel'),
    description: str(n, 'description'),
    nameField: nameNode
      ? { label: need(nameNode, 'label', objectFile), type: need(nameNode, 'type', objectFile) }
      : undefined,
    sharingModel: str(n, 'sharingModel'),
    compactLayoutAssignment: str(n, 'compactLayoutAssignment'),
    enableHistory: bool(n, 'enableHistory'),
    enableActivities: bool(n, 'enableActivities'),
    searchLayouts,
    fields: filesIn(path.join(dir, 'fields'), '.field-meta.xml').map((f) => readField(apiName, f, projectRoot)),
    validationRules: readFiles(dir, 'ValidationRule', projectRoot, ({ node: r, name, rel }) => ({
      object: apiName,
      name,
      active: bool(r, 'active'),
      description: str(r, 'description'),
      formula: need(r, 'errorConditionFormula', rel),
      message: need(r, 'errorMessage', rel),
      errorField: str(r, 'errorDisplayField'),
      file: rel
    })),
    listViews: readFiles(dir, 'ListView', projectRoot, ({ node: v, name, rel }) => ({
      object: apiName,
      name,
      label: need(v, 'label', rel),
      filterScope: need(v, 'filterScope', rel),
      columns: strings(v, 'columns'),
      file: rel
    })),
    compactLayouts: readFiles(dir, 'CompactLayout', projectRoot, ({ node: c, name, rel }) => ({
      object: apiName,
      name,
      label: need(c, 'label', rel),
      fields: strings(c, 'fields'),
      file: rel
    })),
    file: hasFile ? path.relative(projectRoot, objectFile) : undefined
  };
}

function readPermissionSet(file: string, projectRoot: string): PermissionSetDef {
  const rel = path.relative(projectRoot, file);
  const n = parseFile(file, 'PermissionSet', projectRoot);
  return {
    name: path.basename(file, '.permissionset-meta.xml'),
    label: need(n, 'label', rel),
    description: str(n, 'description'),
    fieldPermissions: nodes(n, 'fieldPermissions').map((p) => ({
      field: need(p, 'field', rel),
      readable: bool(p, 'readable'),
      editable: bool(p, 'editable')
    })),
    objectPermissions: nodes(n, 'objectPermissions').map((p) => ({
      object: need(p, 'object', rel),
      allowCreate: bool(p, 'allowCreate'),
      allowRead: bool(p, 'allowRead'),
      allowEdit: bool(p, 'allowEdit'),
      allowDelete: bool(p, 'allowDelete'),
      viewAllRecords: bool(p, 'viewAllRecords'),
      modifyAllRecords: bool(p, 'modifyAllRecords')
    })),
    tabSettings: nodes(n, 'tabSettings').map((t) => ({
      tab: need(t, 'tab', rel),
      visibility: need(t, 'visibility', rel)
    })),
    applicationVisibilities: nodes(n, 'applicationVisibilities').map((a) => ({
      application: need(a, 'application', rel),
      visible: bool(a, 'visible')
    })),
    customMetadataTypeAccesses: nodes(n, 'customMetadataTypeAccesses').map((a) => ({
      name: need(a, 'name', rel),
      enabled: bool(a, 'enabled')
    })),
    file: rel
  };
}

function metadataValue(v: XmlNode, rel: string): MetadataValue {
  // 'value' is parsed as a list because picklist definitions repeat it; a record value holds one.
  const listed = v['value'];
  const raw: unknown = Array.isArray(listed) ? listed[0] : listed;
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'object') return String(raw);
  const node = raw as XmlNode;
  if (node['@_xsi:nil'] === 'true') return null;
  const text = node['#text'] === undefined ? '' : String(node['#text']);
  switch (node['@_xsi:type']) {
    case 'xsd:boolean':
      return text === 'true';
    case 'xsd:double':
    case 'xsd:int': {
      const num = Number(text);
      if (Number.isNaN(num)) throw new Error(`${rel}: value of ${String(v['field'])} is not a number: "${text}"`);
      return num;
    }
    default:
      return text;
  }
}

function readCustomMetadata(file: string, projectRoot: string): CustomMetadataRecordDef {
  const rel = path.relative(projectRoot, file);
  const base = path.basename(file, '.md-meta.xml');
  const dot = base.indexOf('.');
  if (dot <= 0) throw new Error(`${rel}: file name must be <Type>.<DeveloperName>.md-meta.xml`);
  const n = parseFile(file, 'CustomMetadata', projectRoot);
  const values: Record<string, MetadataValue> = {};
  for (const v of nodes(n, 'values')) values[need(v, 'field', rel)] = metadataValue(v, rel);
  return {
    type: `${base.slice(0, dot)}__mdt`,
    developerName: base.slice(dot + 1),
    label: need(n, 'label', rel),
    values,
    file: rel
  };
}

function readLayout(file: string, projectRoot: string): LayoutDef {
  const rel = path.relative(projectRoot, file);
  const base = path.basename(file, '.layout-meta.xml');
  const dash = base.indexOf('-');
  if (dash <= 0) throw new Error(`${rel}: file name must be <Object>-<Layout Name>.layout-meta.xml`);
  const n = parseFile(file, 'Layout', projectRoot);
  const items: { field: string; behavior: string }[] = [];
  for (const section of nodes(n, 'layoutSections')) {
    for (const column of nodes(section, 'layoutColumns')) {
      for (const item of nodes(column, 'layoutItems')) {
        const field = str(item, 'field');
        if (field) items.push({ field, behavior: str(item, 'behavior') ?? 'Edit' });
      }
    }
  }
  return {
    object: base.slice(0, dash),
    name: base.slice(dash + 1),
    items,
    relatedLists: nodes(n, 'relatedLists').map((r) => need(r, 'relatedList', rel)),
    file: rel
  };
}

/** Reads every object, field, rule, layout, permission set, tab, app and custom metadata record under `defaultDir`. */
export function readDataModel(
  defaultDir: string = DEFAULT_DIR,
  projectRoot: string = path.resolve(defaultDir, '../../..')
): DataModel {
  const objectsDir = path.join(defaultDir, 'objects');
  const objectDirs = fs.existsSync(objectsDir)
    ? fs
        .readdirSync(objectsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    objects: objectDirs.map((d) => readObject(path.join(objectsDir, d), projectRoot)),
    permissionSets: filesIn(path.join(defaultDir, 'permissionsets'), '.permissionset-meta.xml').map((f) =>
      readPermissionSet(f, projectRoot)
    ),
    customMetadata: filesIn(path.join(defaultDir, 'customMetadata'), '.md-meta.xml').map((f) =>
      readCustomMetadata(f, projectRoot)
    ),
    layouts: filesIn(path.join(defaultDir, 'layouts'), '.layout-meta.xml').map((f) => readLayout(f, projectRoot)),
    tabs: readFiles(defaultDir, 'CustomTab', projectRoot, ({ node: n, name, rel }) => ({
      name,
      customObject: bool(n, 'customObject'),
      motif: str(n, 'motif'),
      file: rel
    })),
    applications: readFiles(defaultDir, 'CustomApplication', projectRoot, ({ node: n, name, rel }) => ({
      name,
      label: need(n, 'label', rel),
      description: str(n, 'description'),
      tabs: strings(n, 'tabs'),
      file: rel
    }))
  };
}

export function findObject(model: DataModel, apiName: string): ObjectDef | undefined {
  return model.objects.find((o) => o.apiName === apiName);
}

export function findField(model: DataModel, object: string, field: string): FieldDef | undefined {
  return findObject(model, object)?.fields.find((f) => f.apiName === field);
}
