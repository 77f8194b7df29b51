// The house rules for the data model, as one function over the model read from force-app. Each problem names the
// file, the element and the reason, so a failing test (or check) says exactly what to fix.
import {
  APP_NAME,
  CONTRACT,
  CONTRACT_RECORDS,
  ICP_STANDARD_ACCOUNT_FIELDS,
  ICP_USAGE_MEASURES,
  LIFECYCLE_STAGES,
  MANAGER_EDITS,
  OPERATIONS_OBJECTS,
  PERMISSION_SETS,
  REQUIRED_RULES,
  RUN_CONFIG,
  RUN_READS,
  RUN_SHARED_WRITES,
  RUN_WRITTEN,
  SCORING_PERMISSION_SET,
  TABBED_OBJECTS,
  USAGE_LOAD
} from './contract';
import type { DataModel, FieldDef, ObjectDef, PermissionSetDef } from './forceAppModel';

/** The platform's activity related lists (open activities, activity history), for objects with activities. */
const ACTIVITY_RELATED_LISTS = ['RelatedActivityList', 'RelatedHistoryList'];

/** Standard fields that layouts, list views and compact layouts may name on any custom object. */
const STANDARD_FIELDS = new Set([
  'Name',
  'NAME',
  'OwnerId',
  'CreatedById',
  'LastModifiedById',
  'CreatedDate',
  'LastModifiedDate',
  'CURRENCY_ISO_CODE'
]);

const normalise = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Fields the platform refuses field-level security for: access to them follows the master record. */
export function isFlsExempt(field: FieldDef): boolean {
  return field.type === 'MasterDetail' || field.required;
}

function objectFile(o: ObjectDef): string {
  return o.file ?? `force-app/main/default/objects/${o.apiName}`;
}

function hasField(o: ObjectDef, name: string): boolean {
  return STANDARD_FIELDS.has(name) || o.fields.some((f) => f.apiName === name);
}

function checkContract(model: DataModel, out: string[]): void {
  for (const [objectName, spec] of Object.entries(CONTRACT)) {
    const o = model.objects.find((x) => x.apiName === objectName);
    if (!o) {
      out.push(`objects/${objectName}: object is missing (the data model contract needs it)`);
      continue;
    }
    if (spec.nameLabel && o.nameField?.label !== spec.nameLabel) {
      out.push(`${objectFile(o)}: nameField label is "${o.nameField?.label ?? ''}", expected "${spec.nameLabel}"`);
    }
    for (const [fieldName, want] of Object.entries(spec.fields)) {
      const f = o.fields.find((x) => x.apiName === fieldName);
      if (!f) {
        out.push(`objects/${objectName}/fields/${fieldName}.field-meta.xml: contract field is missing`);
        continue;
      }
      const where = `${f.file}: ${objectName}.${fieldName}`;
      if (f.type !== want.type) out.push(`${where}: type is ${f.type}, contract says ${want.type}`);
      if (want.referenceTo && f.referenceTo !== want.referenceTo) {
        out.push(`${where}: references ${f.referenceTo ?? 'nothing'}, contract says ${want.referenceTo}`);
      }
      for (const attr of ['precision', 'scale', 'length'] as const) {
        if (want[attr] !== undefined && f[attr] !== want[attr]) {
          out.push(`${where}: ${attr} is ${f[attr] ?? 'unset'}, contract says ${want[attr]}`);
        }
      }
      if (want.formula && normalise(f.formula) !== want.formula) {
        out.push(`${where}: formula is "${normalise(f.formula)}", contract says "${want.formula}"`);
      }
      if (want.values) {
        const got = f.values.map((v) => v.value);
        if (got.join('|') !== want.values.join('|')) {
          out.push(`${where}: picklist values are [${got.join(', ')}], contract says [${want.values.join(', ')}]`);
        }
      }
    }
    if (spec.key) {
      const k = o.fields.find((x) => x.apiName === spec.key);
      if (k && !(k.externalId && k.unique && k.caseSensitive)) {
        out.push(`${k.file}: ${objectName}.${k.apiName} must be an external ID, unique and case-sensitive`);
      }
    }
  }
}

function checkObjects(model: DataModel, out: string[]): void {
  for (const o of model.objects) {
    const file = objectFile(o);
    if (o.kind !== 'standard') {
      if (!o.file) out.push(`${file}: ${o.apiName}.object-meta.xml is missing`);
      if (!normalise(o.description)) out.push(`${file}: ${o.apiName} has no description`);
      if (!o.label || !o.pluralLabel) out.push(`${file}: ${o.apiName} needs a label and a plural label`);
    }
    if (o.kind === 'custom') {
      if (!o.nameField) out.push(`${file}: ${o.apiName} has no nameField`);
      const keys = o.fields.filter((f) => f.externalId);
      if (keys.length === 0) out.push(`${file}: ${o.apiName} has no external ID field (<Prefix>_Key__c)`);
      const all = o.listViews.find((v) => v.name === 'All');
      if (!all) out.push(`${file}: ${o.apiName} has no list view "All"`);
      else if (all.filterScope !== 'Everything') {
        out.push(`${all.file}: list view All must use filterScope Everything, not ${all.filterScope}`);
      }
      if (!o.compactLayoutAssignment) out.push(`${file}: ${o.apiName} has no compactLayoutAssignment`);
      else if (!o.compactLayouts.some((c) => c.name === o.compactLayoutAssignment)) {
        out.push(
          `${file}: compactLayoutAssignment ${o.compactLayoutAssignment} names no compact layout of ${o.apiName}`
        );
      }
      if ((o.searchLayouts['searchResultsAdditionalFields'] ?? []).length === 0) {
        out.push(`${file}: ${o.apiName} has no searchLayouts/searchResultsAdditionalFields`);
      }
      if (!model.layouts.some((l) => l.object === o.apiName)) {
        out.push(`force-app/main/default/layouts: ${o.apiName} has no page layout`);
      }
      for (const v of o.listViews) {
        for (const c of v.columns)
          if (!hasField(o, c)) out.push(`${v.file}: column ${c} is not a field of ${o.apiName}`);
      }
      for (const c of o.compactLayouts) {
        for (const f of c.fields) if (!hasField(o, f)) out.push(`${c.file}: field ${f} is not a field of ${o.apiName}`);
      }
      for (const [kind, fields] of Object.entries(o.searchLayouts)) {
        for (const f of fields)
          if (!hasField(o, f)) out.push(`${file}: searchLayouts/${kind} names unknown field ${f}`);
      }
    }
    for (const f of o.fields) {
      const where = `${f.file}: ${o.apiName}.${f.apiName}`;
      if (!normalise(f.description)) out.push(`${where} has no description`);
      if (!normalise(f.helpText)) out.push(`${where} has no inline help text`);
      if (f.externalId && !(f.unique && f.caseSensitive)) {
        out.push(`${where} is an external ID but not unique and case-sensitive`);
      }
      if (f.trackHistory && !o.enableHistory && o.kind === 'custom') {
        out.push(`${where} tracks history but ${o.apiName} does not enable history`);
      }
      if (f.type === 'Picklist' || f.type === 'MultiselectPicklist') {
        if (!f.restricted) out.push(`${where} is a picklist that is not restricted`);
        if (f.values.length === 0) out.push(`${where} is a picklist with no values`);
        const seen = new Set<string>();
        for (const v of f.values) {
          if (seen.has(v.value)) out.push(`${where} lists picklist value "${v.value}" twice`);
          seen.add(v.value);
        }
        if (f.values.filter((v) => v.isDefault).length > 1) out.push(`${where} has more than one default value`);
      }
    }
  }
}

function checkValidationRules(model: DataModel, out: string[]): void {
  for (const o of model.objects) {
    for (const r of o.validationRules) {
      const where = `${r.file}: ${o.apiName}.${r.name}`;
      if (!r.active) out.push(`${where} is inactive`);
      if (!normalise(r.description)) out.push(`${where} has no description`);
      if (normalise(r.message).length < 10) out.push(`${where} needs an error message a user understands`);
      if (r.errorField && !hasField(o, r.errorField))
        out.push(`${where} shows its error on unknown field ${r.errorField}`);
      for (const m of r.formula.matchAll(/\b[A-Za-z][A-Za-z0-9_]*__c\b/g)) {
        if (!hasField(o, m[0])) out.push(`${where} formula names unknown field ${m[0]}`);
      }
    }
  }
  for (const [objectName, names] of Object.entries(REQUIRED_RULES)) {
    const o = model.objects.find((x) => x.apiName === objectName);
    for (const name of names) {
      if (!o?.validationRules.some((r) => r.name === name)) {
        out.push(
          `objects/${objectName}/validationRules/${name}.validationRule-meta.xml: required validation rule is missing`
        );
      }
    }
  }
}

function isOperations(objectName: string): boolean {
  return OPERATIONS_OBJECTS.includes(objectName);
}

/** Operations objects are for admins only: granted by the Admin set, absent from every other set. */
function checkOperationsAccess(
  model: DataModel,
  admin: PermissionSetDef | undefined,
  others: (PermissionSetDef | undefined)[],
  out: string[]
): void {
  for (const name of OPERATIONS_OBJECTS) {
    const o = model.objects.find((x) => x.apiName === name);
    if (!o) continue; // checkContract reports the missing object
    const isType = o.kind === 'metadataType';
    if (admin && isType && !admin.customMetadataTypeAccesses.some((a) => a.name === name && a.enabled)) {
      out.push(`${admin.file}: no access to custom metadata type ${name} (operations objects are granted to admins)`);
    }
    if (admin && !isType && !admin.objectPermissions.some((p) => p.object === name && p.allowRead)) {
      out.push(`${admin.file}: no read access to ${name} (operations objects are granted to admins)`);
    }
    for (const ps of others) {
      if (!ps) continue;
      const why = 'operations objects are for admins only';
      if (ps.objectPermissions.some((p) => p.object === name)) out.push(`${ps.file}: grants ${name}; ${why}`);
      if (ps.customMetadataTypeAccesses.some((a) => a.name === name)) out.push(`${ps.file}: grants ${name}; ${why}`);
      for (const fp of ps.fieldPermissions) {
        if (fp.field.split('.')[0] === name) out.push(`${ps.file}: grants ${fp.field}; ${why}`);
      }
    }
  }
}

function checkPermissionSets(model: DataModel, out: string[]): void {
  const sets = new Map<string, PermissionSetDef>();
  for (const name of Object.values(PERMISSION_SETS)) {
    const ps = model.permissionSets.find((p) => p.name === name);
    if (!ps) out.push(`permissionsets/${name}.permissionset-meta.xml: permission set is missing`);
    else sets.set(name, ps);
  }
  const securable = model.objects.filter((o) => o.kind !== 'metadataType');
  const allFields = new Map<string, FieldDef>();
  for (const o of securable) for (const f of o.fields) allFields.set(`${o.apiName}.${f.apiName}`, f);

  for (const ps of model.permissionSets) {
    for (const fp of ps.fieldPermissions) {
      const f = allFields.get(fp.field);
      if (!f) {
        out.push(`${ps.file}: fieldPermissions names ${fp.field}, which force-app does not define`);
        continue;
      }
      if (isFlsExempt(f))
        out.push(`${ps.file}: ${fp.field} is master-detail or required; the platform rejects its FLS`);
      if (f.formula && fp.editable) out.push(`${ps.file}: formula field ${fp.field} cannot be editable`);
      if (fp.editable && !fp.readable) out.push(`${ps.file}: ${fp.field} is editable but not readable`);
    }
  }
  const admin = sets.get(PERMISSION_SETS.admin);
  const manager = sets.get(PERMISSION_SETS.manager);
  const viewer = sets.get(PERMISSION_SETS.viewer);
  /** The sets that must grant an object: all three for product objects, the Admin set alone for operations ones. */
  const grantingSets = (objectName: string): PermissionSetDef[] =>
    isOperations(objectName) ? (admin ? [admin] : []) : [...sets.values()];

  for (const [key, f] of allFields) {
    if (isFlsExempt(f)) continue;
    for (const ps of grantingSets(key.split('.')[0])) {
      const fp = ps.fieldPermissions.find((p) => p.field === key);
      if (!fp?.readable) out.push(`${ps.file}: ${key} is not granted (every field needs field-level access listed)`);
    }
  }

  const customObjects = securable.filter((o) => o.kind === 'custom').map((o) => o.apiName);
  const charterObjects = customObjects.filter((o) => !isOperations(o));
  for (const ps of sets.values()) {
    for (const o of [...charterObjects, 'Account', 'Opportunity']) {
      if (!ps.objectPermissions.some((p) => p.object === o && p.allowRead))
        out.push(`${ps.file}: no read access to ${o}`);
    }
    for (const o of model.objects.filter((x) => x.kind === 'metadataType' && !isOperations(x.apiName))) {
      if (!ps.customMetadataTypeAccesses.some((a) => a.name === o.apiName && a.enabled)) {
        out.push(`${ps.file}: no access to custom metadata type ${o.apiName}`);
      }
    }
    if (!ps.applicationVisibilities.some((a) => a.application === APP_NAME && a.visible)) {
      out.push(`${ps.file}: app ${APP_NAME} is not visible`);
    }
    for (const tab of TABBED_OBJECTS) {
      if (!ps.tabSettings.some((t) => t.tab === tab && t.visibility === 'Visible'))
        out.push(`${ps.file}: tab ${tab} is not Visible`);
    }
  }
  checkOperationsAccess(model, admin, [manager, viewer], out);
  for (const ps of [manager, viewer]) {
    for (const p of ps?.fieldPermissions ?? []) {
      if (p.editable && isRunWritten(p.field))
        out.push(`${ps!.file}: ${p.field} is editable; only the scoring run writes it (people read it)`);
    }
  }
  checkScoringSet(model, allFields, out);
  if (admin) {
    for (const o of customObjects) {
      const p = admin.objectPermissions.find((x) => x.object === o);
      if (
        !p ||
        !(p.allowCreate && p.allowRead && p.allowEdit && p.allowDelete && p.viewAllRecords && p.modifyAllRecords)
      ) {
        out.push(`${admin.file}: ${o} needs full access (create, read, edit, delete, view all, modify all)`);
      }
    }
    for (const [key, f] of allFields) {
      if (isFlsExempt(f) || f.formula) continue;
      if (!admin.fieldPermissions.some((p) => p.field === key && p.editable))
        out.push(`${admin.file}: ${key} is not editable`);
    }
  }
  if (viewer) {
    for (const p of viewer.objectPermissions) {
      if (p.allowCreate || p.allowEdit || p.allowDelete || p.modifyAllRecords) {
        out.push(`${viewer.file}: ${p.object} grants create, edit, delete or modify all; the Viewer set is read only`);
      }
    }
    for (const p of viewer.fieldPermissions) {
      if (p.editable) out.push(`${viewer.file}: ${p.field} is editable; the Viewer set is read only`);
    }
  }
  if (manager) {
    const mayWrite = new Set([...MANAGER_EDITS, 'Account', 'Opportunity']);
    for (const p of manager.objectPermissions) {
      if (p.allowDelete || p.modifyAllRecords) out.push(`${manager.file}: ${p.object} grants delete or modify all`);
      if ((p.allowCreate || p.allowEdit) && !mayWrite.has(p.object)) {
        out.push(`${manager.file}: ${p.object} grants create or edit; managers only read the charter`);
      }
    }
    for (const o of MANAGER_EDITS) {
      const p = manager.objectPermissions.find((x) => x.object === o);
      if (!p?.allowCreate || !p.allowEdit) out.push(`${manager.file}: managers must create and edit ${o}`);
    }
    for (const o of ['Account', 'Opportunity']) {
      if (!manager.objectPermissions.some((x) => x.object === o && x.allowEdit))
        out.push(`${manager.file}: managers must edit ${o}`);
    }
    for (const p of manager.fieldPermissions) {
      if (p.editable && !mayWrite.has(p.field.split('.')[0]))
        out.push(`${manager.file}: ${p.field} is editable; managers only read the charter`);
    }
    for (const [key, f] of allFields) {
      const objectName = key.split('.')[0];
      if (isRunWritten(key)) continue;
      if (!mayWrite.has(objectName) || isFlsExempt(f) || f.formula || f.externalId) continue;
      if (!manager.fieldPermissions.some((p) => p.field === key && p.editable))
        out.push(`${manager.file}: managers must edit ${key}`);
    }
  }
}

/** The usage load's set grants exactly what the load needs: least privilege for an integration user. */
function checkUsageLoadSet(model: DataModel, out: string[]): void {
  const ps = model.permissionSets.find((p) => p.name === USAGE_LOAD.permissionSet);
  if (!ps) {
    out.push(`permissionsets/${USAGE_LOAD.permissionSet}.permissionset-meta.xml: permission set is missing`);
    return;
  }
  const why = 'the usage load set grants only what the load needs';
  const write = ps.objectPermissions.find((p) => p.object === USAGE_LOAD.writes);
  if (!(write?.allowRead && write.allowCreate && write.allowEdit)) {
    out.push(`${ps.file}: the load must read, create and edit ${USAGE_LOAD.writes} (upsert)`);
  }
  for (const p of ps.objectPermissions) {
    const reads = (USAGE_LOAD.reads as readonly string[]).includes(p.object);
    if (p.object !== USAGE_LOAD.writes && !reads) out.push(`${ps.file}: grants ${p.object}; ${why}`);
    if (p.allowDelete || p.viewAllRecords || p.modifyAllRecords) {
      out.push(`${ps.file}: ${p.object} grants delete, view all or modify all; ${why}`);
    }
    if (reads && (p.allowCreate || p.allowEdit))
      out.push(`${ps.file}: ${p.object} is editable; the load only reads it`);
  }
  for (const o of USAGE_LOAD.reads) {
    if (!ps.objectPermissions.some((p) => p.object === o && p.allowRead))
      out.push(`${ps.file}: no read access to ${o}`);
  }
  const usage = model.objects.find((o) => o.apiName === USAGE_LOAD.writes);
  for (const f of usage?.fields ?? []) {
    if (isFlsExempt(f) || f.formula) continue;
    const key = `${USAGE_LOAD.writes}.${f.apiName}`;
    if (!ps.fieldPermissions.some((p) => p.field === key && p.editable)) out.push(`${ps.file}: ${key} is not editable`);
  }
  for (const key of USAGE_LOAD.readsFields) {
    if (!ps.fieldPermissions.some((p) => p.field === key && p.readable)) out.push(`${ps.file}: ${key} is not readable`);
  }
  for (const fp of ps.fieldPermissions) {
    const object = fp.field.split('.')[0];
    if (object === USAGE_LOAD.writes) continue;
    if (!(USAGE_LOAD.readsFields as readonly string[]).includes(fp.field))
      out.push(`${ps.file}: grants ${fp.field}; ${why}`);
    else if (fp.editable) out.push(`${ps.file}: ${fp.field} is editable; the load only reads it`);
  }
  for (const a of ps.customMetadataTypeAccesses) {
    if (!(USAGE_LOAD.metadataTypes as readonly string[]).includes(a.name))
      out.push(`${ps.file}: grants ${a.name}; ${why}`);
  }
  for (const name of USAGE_LOAD.metadataTypes) {
    if (!ps.customMetadataTypeAccesses.some((a) => a.name === name && a.enabled)) {
      out.push(`${ps.file}: no access to custom metadata type ${name}`);
    }
  }
  if (ps.applicationVisibilities.some((a) => a.visible) || ps.tabSettings.length) {
    out.push(`${ps.file}: grants an app or a tab; ${why}`);
  }
}

/** Whether "Object.Field" is written by the scoring run only (RUN_WRITTEN). */
export function isRunWritten(objectField: string): boolean {
  const [objectName, fieldName] = objectField.split('.');
  const fields = RUN_WRITTEN[objectName];
  return fields === '*' || (fields?.includes(fieldName) ?? false);
}

/**
 * The scoring run's set is least privilege: it reads what the run reads, edits exactly the run-written fields,
 * creates and deletes only snapshots, and never holds Modify All (which carries delete of accounts).
 */
function checkScoringSet(model: DataModel, allFields: Map<string, FieldDef>, out: string[]): void {
  const ps = model.permissionSets.find((p) => p.name === SCORING_PERMISSION_SET);
  if (!ps) {
    out.push(`permissionsets/${SCORING_PERMISSION_SET}.permissionset-meta.xml: permission set is missing`);
    return;
  }
  for (const [key, f] of allFields) {
    if (!isRunWritten(key) || isFlsExempt(f)) continue;
    if (!ps.fieldPermissions.some((p) => p.field === key && p.editable))
      out.push(`${ps.file}: ${key} is not editable; the scoring run writes it`);
  }
  for (const p of ps.fieldPermissions) {
    if (p.editable && !isRunWritten(p.field) && !RUN_SHARED_WRITES.includes(p.field.split('.')[0]))
      out.push(`${ps.file}: ${p.field} is editable; the scoring run writes only its own fields`);
  }
  for (const o of RUN_READS) {
    const p = ps.objectPermissions.find((x) => x.object === o);
    if (!p?.allowRead || !p.viewAllRecords)
      out.push(`${ps.file}: ${o} needs read and view all (the run reads the book)`);
  }
  for (const p of ps.objectPermissions) {
    if (p.modifyAllRecords) out.push(`${ps.file}: ${p.object} grants modify all; the scoring run never needs it`);
    const writes = RUN_WRITTEN[p.object];
    const shared = RUN_SHARED_WRITES.includes(p.object);
    if ((p.allowCreate && writes !== '*' && !shared) || (p.allowDelete && writes !== '*'))
      out.push(`${ps.file}: ${p.object} grants create or delete; the run creates and prunes only its own records`);
    if (p.allowEdit && !writes && !shared)
      out.push(`${ps.file}: ${p.object} grants edit; the run writes none of its fields`);
  }
  for (const name of RUN_CONFIG) {
    if (!ps.customMetadataTypeAccesses.some((a) => a.name === name && a.enabled))
      out.push(`${ps.file}: no access to custom metadata type ${name} (the run reads the configuration)`);
  }
}

function checkCustomMetadata(model: DataModel, out: string[]): void {
  for (const r of model.customMetadata) {
    const type = model.objects.find((o) => o.apiName === r.type);
    if (!type) {
      out.push(`${r.file}: record of unknown custom metadata type ${r.type}`);
      continue;
    }
    for (const [field, value] of Object.entries(r.values)) {
      const f = type.fields.find((x) => x.apiName === field);
      if (!f) {
        out.push(`${r.file}: ${r.developerName} sets ${field}, which ${r.type} does not define`);
        continue;
      }
      if (f.type === 'Picklist' && value !== null && !f.values.some((v) => v.value === value)) {
        out.push(`${r.file}: ${r.developerName}.${field} = "${String(value)}" is not a value of the picklist`);
      }
      if (f.type === 'Number' && value !== null && typeof value !== 'number') {
        out.push(`${r.file}: ${r.developerName}.${field} must be a number (xsi:type xsd:double)`);
      }
      if (f.type === 'Checkbox' && typeof value !== 'boolean') {
        out.push(`${r.file}: ${r.developerName}.${field} must be true or false (xsi:type xsd:boolean)`);
      }
    }
  }
  for (const [type, records] of Object.entries(CONTRACT_RECORDS)) {
    for (const [dev, values] of Object.entries(records)) {
      const r = model.customMetadata.find((x) => x.type === type && x.developerName === dev);
      if (!r) {
        out.push(`customMetadata/${type.replace(/__mdt$/, '')}.${dev}.md-meta.xml: default record is missing`);
        continue;
      }
      for (const [field, want] of Object.entries(values)) {
        if (r.values[field] !== want)
          out.push(`${r.file}: ${dev}.${field} is ${String(r.values[field])}, expected ${String(want)}`);
      }
    }
  }
  const stages = model.customMetadata
    .filter((r) => r.type === 'Lifecycle_Stage__mdt')
    .sort((a, b) => Number(a.values['Order__c']) - Number(b.values['Order__c']))
    .map((r) => r.label);
  if (stages.join('|') !== LIFECYCLE_STAGES.join('|')) {
    out.push(
      `customMetadata/Lifecycle_Stage.*: stages by Order__c are [${stages.join(', ')}], expected [${LIFECYCLE_STAGES.join(', ')}]`
    );
  }
  // Playbook steps name their playbook by developer name, and the health-band triggers name a band the same way.
  const playbooks = new Set(model.customMetadata.filter((x) => x.type === 'Playbook__mdt').map((x) => x.developerName));
  const bands = new Set(model.customMetadata.filter((x) => x.type === 'Health_Band__mdt').map((x) => x.developerName));
  for (const r of model.customMetadata.filter((x) => x.type === 'Playbook_Step__mdt')) {
    const playbook = String(r.values['Playbook__c'] ?? '');
    if (!playbooks.has(playbook)) out.push(`${r.file}: ${r.developerName}.Playbook__c "${playbook}" is not a playbook`);
  }
  for (const r of model.customMetadata.filter((x) => x.type === 'Playbook__mdt')) {
    const band = r.values['Band__c'];
    if (band !== undefined && band !== null && !bands.has(String(band)))
      out.push(`${r.file}: ${r.developerName}.Band__c "${String(band)}" is not a health band`);
  }
  const account = model.objects.find((o) => o.apiName === 'Account');
  const accountFields = new Set([
    ...ICP_STANDARD_ACCOUNT_FIELDS,
    ...ICP_USAGE_MEASURES,
    ...(account?.fields.map((f) => f.apiName) ?? [])
  ]);
  for (const r of model.customMetadata.filter((x) => x.type === 'ICP_Criterion__mdt')) {
    const field = String(r.values['Field__c'] ?? '');
    if (!accountFields.has(field))
      out.push(`${r.file}: ${r.developerName}.Field__c "${field}" is not a known Account field`);
    if (
      r.values['Operator__c'] === 'between' &&
      !/^-?\d+(\.\d+)?\.\.-?\d+(\.\d+)?$/.test(String(r.values['Value__c']))
    ) {
      out.push(`${r.file}: ${r.developerName}.Value__c must be "min..max" for the between operator`);
    }
  }
}

function checkAppTabsLayouts(model: DataModel, out: string[]): void {
  const app = model.applications.find((a) => a.name === APP_NAME);
  if (!app) out.push(`applications/${APP_NAME}.app-meta.xml: the app is missing`);
  for (const t of TABBED_OBJECTS) {
    if (!model.tabs.some((x) => x.name === t && x.customObject))
      out.push(`tabs/${t}.tab-meta.xml: object tab is missing`);
    if (app && !app.tabs.includes(t)) out.push(`${app.file}: tab ${t} is not in the app`);
  }
  if (app) {
    for (const t of app.tabs) {
      if (!t.startsWith('standard-') && !model.tabs.some((x) => x.name === t))
        out.push(`${app.file}: tab ${t} does not exist`);
    }
  }
  for (const l of model.layouts) {
    const o = model.objects.find((x) => x.apiName === l.object);
    if (!o) {
      out.push(`${l.file}: layout for unknown object ${l.object}`);
      continue;
    }
    for (const item of l.items)
      if (!hasField(o, item.field)) out.push(`${l.file}: field ${item.field} is not a field of ${o.apiName}`);
    if (o.kind === 'custom') {
      for (const f of o.fields) {
        if (!l.items.some((i) => i.field === f.apiName))
          out.push(`${l.file}: ${o.apiName}.${f.apiName} is not on the layout`);
      }
    }
    for (const rl of l.relatedLists) {
      if (ACTIVITY_RELATED_LISTS.includes(rl)) {
        if (!o.enableActivities) out.push(`${l.file}: related list ${rl} needs enableActivities on ${o.apiName}`);
        continue;
      }
      const [child, field] = rl.split('.');
      const childObject = model.objects.find((x) => x.apiName === child);
      if (!childObject?.fields.some((f) => f.apiName === field && f.referenceTo === l.object)) {
        out.push(`${l.file}: related list ${rl} is not a relationship to ${l.object}`);
      }
    }
  }
}

/** Every way force-app breaks the data model rules; empty when it keeps them all. */
export function dataModelProblems(model: DataModel): string[] {
  const out: string[] = [];
  checkContract(model, out);
  checkObjects(model, out);
  checkValidationRules(model, out);
  checkPermissionSets(model, out);
  checkUsageLoadSet(model, out);
  checkCustomMetadata(model, out);
  checkAppTabsLayouts(model, out);
  return out;
}
