// Metadata-format CustomObject and CustomField XML into the schema describe answers, and custom metadata records
// into typed values. Every function returns a problem string naming what is wrong instead of throwing, so the deploy
// can report it against the component, as the platform does.
import type {
  FieldSchema,
  FieldType,
  ObjectSchema,
  PicklistValue,
  SharingModel,
  ValidationRuleSchema
} from '../schema';
import type { CustomMetadataRecord } from './host';
import { bool, isObject, objects, text, type XmlObject } from './xml';
import { compileFormula } from '../formula';

export type Converted<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Converted<T> => ({ ok: true, value });
const fail = <T>(problem: string): Converted<T> => ({ ok: false, problem });

/** Custom objects, custom metadata types and the other custom suffixes; everything else is a standard object. */
export function isCustomObjectName(name: string): boolean {
  return /__(c|mdt|e|b|x|kav)$/.test(name);
}

export function isCustomMetadataType(name: string): boolean {
  return name.endsWith('__mdt');
}

export interface FieldContext {
  /** Every object that exists in the org or arrives in the same package. */
  objectExists(name: string): boolean;
  /** Picklist values of global value sets in the org or the package. */
  globalValueSet(name: string): PicklistValue[] | undefined;
}

const SIMPLE_TYPES: Record<string, { type: FieldType; length?: number }> = {
  Text: { type: 'string' },
  TextArea: { type: 'textarea', length: 255 },
  LongTextArea: { type: 'textarea' },
  Html: { type: 'textarea' },
  EncryptedText: { type: 'string' },
  Email: { type: 'email', length: 80 },
  Phone: { type: 'phone', length: 40 },
  Url: { type: 'url', length: 255 },
  Checkbox: { type: 'boolean' },
  Number: { type: 'double' },
  Currency: { type: 'currency' },
  Percent: { type: 'percent' },
  Date: { type: 'date' },
  DateTime: { type: 'datetime' },
  // describe answers 'time'; the shared schema has no time type, so times travel as text ("13:30:00.000Z").
  Time: { type: 'string', length: 13 },
  Picklist: { type: 'picklist', length: 255 },
  MultiselectPicklist: { type: 'multipicklist', length: 4099 },
  Lookup: { type: 'reference', length: 18 },
  MasterDetail: { type: 'reference', length: 18 },
  // Custom metadata relationships hold the target record's QualifiedApiName.
  MetadataRelationship: { type: 'string', length: 255 },
  AutoNumber: { type: 'string', length: 30 },
  Summary: { type: 'double' }
};

const FORMULA_TYPES: Record<string, FieldType> = {
  Text: 'string',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime'
};

function num(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A literal default (`"Draft"`, `42`, `true`); formula defaults such as TODAY() are not evaluated. */
function literalDefault(expression: string | undefined, type: FieldType): unknown {
  if (expression === undefined) return undefined;
  const t = expression.trim();
  if (type === 'boolean') return t.toLowerCase() === 'true';
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(t);
  if (quoted) return quoted[1] ?? quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

function picklistValues(field: XmlObject, fieldName: string, ctx: FieldContext): Converted<PicklistValue[]> {
  const valueSet = isObject(field.valueSet) ? field.valueSet : undefined;
  const valueSetName = text(valueSet?.valueSetName);
  if (valueSetName) {
    const global = ctx.globalValueSet(valueSetName);
    return global
      ? ok(global)
      : fail(`Field ${fieldName}: the global value set ${valueSetName} does not exist in the org or the package`);
  }
  const definition = isObject(valueSet?.valueSetDefinition) ? valueSet.valueSetDefinition : undefined;
  const values = objects(definition?.value).map((v) => {
    const value = text(v.fullName) ?? '';
    return {
      value,
      label: text(v.label) ?? value,
      active: bool(v.isActive) ?? true,
      defaultValue: bool(v.default) ?? false
    };
  });
  if (values.length === 0) return fail(`Field ${fieldName}: a picklist field needs at least one value`);
  const blank = values.find((v) => v.value === '');
  if (blank) return fail(`Field ${fieldName}: a picklist value has no fullName`);
  return ok(values);
}

/** Values of a GlobalValueSet file (customValue elements). */
export function globalValueSetValues(body: XmlObject): PicklistValue[] {
  const raw = body.customValue;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(isObject).map((v) => {
    const value = text(v.fullName) ?? '';
    return {
      value,
      label: text(v.label) ?? value,
      active: bool(v.isActive) ?? true,
      defaultValue: bool(v.default) ?? false
    };
  });
}

/** One CustomField element (from objects/X.object) into the FieldSchema describe would answer. */
export function toFieldSchema(objectName: string, field: XmlObject, ctx: FieldContext): Converted<FieldSchema> {
  const name = text(field.fullName);
  if (!name) return fail(`A field of ${objectName} has no fullName`);
  const qualified = `${objectName}.${name}`;
  const xmlType = text(field.type);
  const formula = text(field.formula);
  if (!xmlType) return fail(`Field ${qualified}: Must specify a type`);
  const base = SIMPLE_TYPES[xmlType];
  if (!base) return fail(`Field ${qualified}: '${xmlType}' is not a valid value for the enum 'FieldType'`);
  const label = text(field.label);
  if (!label) return fail(`Field ${qualified}: Must specify a non-empty label`);

  const schema: FieldSchema = {
    name,
    label,
    type: base.type,
    nillable: !(bool(field.required) ?? false),
    custom: true
  };
  const description = text(field.description);
  if (description) schema.description = description;
  const help = text(field.inlineHelpText);
  if (help) schema.inlineHelpText = help;
  if (bool(field.externalId)) schema.externalId = true;
  if (bool(field.unique)) schema.unique = true;
  if (bool(field.caseSensitive)) schema.caseSensitive = true;

  if (formula !== undefined) {
    const formulaType = FORMULA_TYPES[xmlType];
    if (!formulaType) return fail(`Field ${qualified}: a formula cannot return the type ${xmlType}`);
    schema.type = formulaType;
    schema.calculated = true;
    schema.formula = formula;
    schema.nillable = formulaType !== 'boolean';
    if (formulaType === 'string') schema.length = 1300;
    if (['double', 'currency', 'percent'].includes(formulaType)) {
      schema.precision = num(text(field.precision)) ?? 18;
      schema.scale = num(text(field.scale)) ?? 0;
    }
    return ok(schema);
  }

  switch (xmlType) {
    case 'Text':
    case 'EncryptedText':
    case 'LongTextArea':
    case 'Html': {
      const length = num(text(field.length));
      if (length === undefined || length <= 0)
        return fail(`Field ${qualified}: Must specify a length for a ${xmlType} field`);
      const max = xmlType === 'Text' || xmlType === 'EncryptedText' ? 255 : 131072;
      if (length > max) return fail(`Field ${qualified}: length ${length} is over the maximum of ${max}`);
      schema.length = length;
      break;
    }
    case 'Checkbox':
      schema.nillable = false;
      schema.defaultValue = literalDefault(text(field.defaultValue) ?? 'false', 'boolean');
      break;
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const precision = num(text(field.precision)) ?? 18;
      const scale = num(text(field.scale)) ?? 0;
      if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
        return fail(
          `Field ${qualified}: precision ${precision} and scale ${scale} are out of range (1-18, 0-precision)`
        );
      }
      schema.precision = precision;
      schema.scale = scale;
      break;
    }
    case 'Picklist':
    case 'MultiselectPicklist': {
      const values = picklistValues(field, qualified, ctx);
      if (!values.ok) return values;
      schema.picklistValues = values.value;
      const valueSet = isObject(field.valueSet) ? field.valueSet : undefined;
      if (bool(valueSet?.restricted) || text(valueSet?.valueSetName)) schema.restrictedPicklist = true;
      const chosen = values.value.find((v) => v.defaultValue);
      if (chosen && xmlType === 'Picklist') schema.defaultValue = chosen.value;
      break;
    }
    case 'Lookup':
    case 'MasterDetail': {
      const target = text(field.referenceTo);
      if (!target) return fail(`Field ${qualified}: Must specify referenceTo for a ${xmlType} field`);
      if (!ctx.objectExists(target)) {
        return fail(`Field ${qualified}: referenceTo value of '${target}' does not resolve to a valid sObject type`);
      }
      const childName = text(field.relationshipName);
      if (!childName) return fail(`Field ${qualified}: Must specify relationshipName for a ${xmlType} field`);
      schema.referenceTo = [target];
      schema.relationshipName = name.replace(/__c$/, '__r');
      schema.childRelationshipName = `${childName}__r`;
      if (xmlType === 'MasterDetail') {
        schema.masterDetail = true;
        schema.cascadeDelete = true;
        schema.nillable = false;
        if (bool(field.writeRequiresMasterRead)) schema.writeRequiresMasterRead = true;
      } else {
        schema.cascadeDelete = text(field.deleteConstraint) === 'Cascade';
      }
      break;
    }
    case 'AutoNumber':
      schema.calculated = true;
      schema.nillable = false;
      break;
    case 'Summary':
      schema.calculated = true;
      schema.precision = 18;
      schema.scale = num(text(field.scale)) ?? 0;
      break;
    default:
      if (base.length !== undefined) schema.length = base.length;
  }
  if (schema.length === undefined && base.length !== undefined) schema.length = base.length;
  if (xmlType !== 'Checkbox' && xmlType !== 'Picklist' && schema.defaultValue === undefined) {
    const literal = literalDefault(text(field.defaultValue), schema.type);
    if (literal !== undefined) schema.defaultValue = literal;
  }
  return ok(schema);
}

export function toValidationRule(rule: XmlObject): Converted<ValidationRuleSchema> {
  const fullName = text(rule.fullName);
  if (!fullName) return fail('A validation rule has no fullName');
  const errorConditionFormula = text(rule.errorConditionFormula);
  const errorMessage = text(rule.errorMessage);
  if (!errorConditionFormula) return fail(`Validation rule ${fullName}: Must specify an errorConditionFormula`);
  if (!errorMessage) return fail(`Validation rule ${fullName}: Must specify an errorMessage`);
  const compiled = compileFormula(errorConditionFormula);
  if (!compiled.ok) return fail(`Validation rule ${fullName}: ${compiled.problem}`);
  const schema: ValidationRuleSchema = {
    fullName,
    active: bool(rule.active) ?? true,
    errorConditionFormula,
    errorMessage
  };
  const display = text(rule.errorDisplayField);
  if (display) schema.errorDisplayField = display;
  const description = text(rule.description);
  if (description) schema.description = description;
  return ok(schema);
}

const USER = ['User'];

function auditFields(): FieldSchema[] {
  const ref = (name: string, label: string, relationshipName: string): FieldSchema => ({
    name,
    label,
    type: 'reference',
    length: 18,
    nillable: false,
    calculated: true,
    referenceTo: USER,
    relationshipName,
    custom: false
  });
  const date = (name: string, label: string): FieldSchema => ({
    name,
    label,
    type: 'datetime',
    nillable: false,
    calculated: true,
    custom: false
  });
  return [
    { name: 'IsDeleted', label: 'Deleted', type: 'boolean', nillable: false, calculated: true, custom: false },
    date('CreatedDate', 'Created Date'),
    ref('CreatedById', 'Created By ID', 'CreatedBy'),
    date('LastModifiedDate', 'Last Modified Date'),
    ref('LastModifiedById', 'Last Modified By ID', 'LastModifiedBy'),
    date('SystemModstamp', 'System Modstamp')
  ];
}

const idField = (label: string): FieldSchema => ({
  name: 'Id',
  label,
  type: 'id',
  length: 18,
  nillable: false,
  calculated: true,
  custom: false
});

/** The standard fields every custom object gets: Id, Name, OwnerId (unless it is the detail of a master-detail). */
export function customObjectStandardFields(object: XmlObject, hasMaster: boolean): FieldSchema[] {
  const nameField = isObject(object.nameField) ? object.nameField : {};
  const autoNumber = text(nameField.type) === 'AutoNumber';
  const name: FieldSchema = {
    name: 'Name',
    label: text(nameField.label) ?? 'Name',
    type: 'string',
    length: 80,
    nillable: false,
    custom: false
  };
  // An auto-number name is written by the platform, never by clients.
  if (autoNumber) Object.assign(name, { nillable: true, calculated: true, length: 30 });
  const fields: FieldSchema[] = [idField('Record ID'), name];
  if (!hasMaster) {
    fields.push({
      name: 'OwnerId',
      label: 'Owner ID',
      type: 'reference',
      length: 18,
      nillable: false,
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner',
      custom: false
    });
  }
  return [...fields, ...auditFields()];
}

/** The standard fields of a custom metadata type, as describe lists them. */
export function customMetadataStandardFields(): FieldSchema[] {
  const text40 = (name: string, label: string, nillable = false): FieldSchema => ({
    name,
    label,
    type: 'string',
    length: 40,
    nillable,
    custom: false
  });
  return [
    idField('Custom Metadata Record ID'),
    text40('DeveloperName', 'Custom Metadata Record Name'),
    text40('MasterLabel', 'Label'),
    text40('Label', 'Label'),
    { ...text40('NamespacePrefix', 'Namespace Prefix', true), length: 15 },
    { ...text40('QualifiedApiName', 'Qualified API Name'), length: 70 },
    { ...text40('Language', 'Master Language'), type: 'picklist', picklistValues: [] }
  ];
}

/** Object-level attributes of a CustomObject file; fields are merged in by the caller. */
const SHARING_MODELS: SharingModel[] = [
  'Private',
  'Read',
  'ReadWrite',
  'ReadWriteTransfer',
  'FullAccess',
  'ControlledByParent'
];

export function objectHeader(name: string, object: XmlObject): Converted<Omit<ObjectSchema, 'fields' | 'keyPrefix'>> {
  const custom = isCustomObjectName(name);
  // A standard object's file (Account.object) carries settings such as its sharingModel, not its label.
  const label = text(object.label) ?? (custom ? undefined : name);
  if (!label) return fail(`Object ${name}: Must specify a non-empty label for the CustomObject`);
  const pluralLabel = text(object.pluralLabel);
  if (custom && !isCustomMetadataType(name) && !pluralLabel) {
    return fail(`Object ${name}: Must specify a non-empty plural label for the CustomObject`);
  }
  if (custom && !isCustomMetadataType(name) && !isObject(object.nameField)) {
    return fail(`Object ${name}: Must specify a nameField for the CustomObject`);
  }
  const header: Omit<ObjectSchema, 'fields' | 'keyPrefix'> = {
    name,
    label,
    labelPlural: pluralLabel ?? label,
    custom
  };
  if (isCustomMetadataType(name)) header.customMetadata = true;
  if (text(object.enableActivities) === 'true') header.enableActivities = true;
  const sharingModel = text(object.sharingModel);
  if (sharingModel !== undefined) {
    if (!SHARING_MODELS.includes(sharingModel as SharingModel)) {
      return fail(`Object ${name}: invalid sharingModel ${sharingModel} (one of ${SHARING_MODELS.join(', ')})`);
    }
    header.sharingModel = sharingModel as SharingModel;
  }
  const description = text(object.description);
  if (description) header.description = description;
  return ok(header);
}

/** Types a custom metadata record value by its field: the platform stores them typed, and queries return them typed. */
function typedValue(field: FieldSchema, raw: XmlObject | string | undefined): Converted<unknown> {
  if (raw === undefined) return ok(null);
  if (isObject(raw) && raw['@_xsi:nil'] === 'true') return ok(null);
  const value = typeof raw === 'string' ? raw : (text(raw) ?? '');
  switch (field.type) {
    case 'boolean':
      if (value !== 'true' && value !== 'false')
        return fail(`'${value}' is not a valid value for the checkbox ${field.name}`);
      return ok(value === 'true');
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) return fail(`'${value}' is not a valid number for ${field.name}`);
      return ok(n);
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(`'${value}' is not a valid date for ${field.name}`);
      return ok(value);
    case 'picklist':
      if (field.picklistValues && !field.picklistValues.some((p) => p.value === value)) {
        return fail(`'${value}' is not a valid value for the picklist ${field.name}`);
      }
      return ok(value);
    default:
      return ok(value);
  }
}

/** A customMetadata/Type.Record.md file into a record of its type, checked against the type's fields. */
export function toCustomMetadataRecord(
  fullName: string,
  body: XmlObject,
  type: ObjectSchema | undefined
): Converted<CustomMetadataRecord> {
  const dot = fullName.indexOf('.');
  if (dot <= 0) return fail(`Custom metadata record ${fullName}: the name must be Type.RecordName`);
  const typeName = `${fullName.slice(0, dot)}__mdt`;
  const developerName = fullName.slice(dot + 1);
  if (!type || !type.customMetadata) {
    return fail(`Custom metadata record ${fullName}: the custom metadata type ${typeName} does not exist`);
  }
  if (
    !/^[A-Za-z](?!.*__)[A-Za-z0-9_]*$/.test(developerName) ||
    developerName.endsWith('_') ||
    developerName.length > 40
  ) {
    return fail(`Custom metadata record ${fullName}: '${developerName}' is not a valid record name`);
  }
  const label = text(body.label);
  if (!label) return fail(`Custom metadata record ${fullName}: Must specify a non-empty label`);
  const values: Record<string, unknown> = {};
  for (const entry of objects(body.values)) {
    const fieldName = text(entry.field);
    const field = type.fields.find((f) => f.name === fieldName && f.custom);
    if (!fieldName || !field) {
      return fail(`Custom metadata record ${fullName}: ${typeName} has no field named ${fieldName ?? '(blank)'}`);
    }
    const raw = entry.value;
    const typed = typedValue(field, isObject(raw) || typeof raw === 'string' ? raw : undefined);
    if (!typed.ok) return fail(`Custom metadata record ${fullName}: ${typed.problem}`);
    values[field.name] = typed.value;
  }
  for (const field of type.fields) {
    if (field.custom && !field.nillable && values[field.name] === undefined && field.type !== 'boolean') {
      return fail(`Custom metadata record ${fullName}: the required field ${field.name} has no value`);
    }
  }
  return ok({ type: typeName, developerName, label, values });
}
