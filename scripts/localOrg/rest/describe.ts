// describeGlobal and describe sObject, in the shapes the REST API answers, as the calling user sees them: objects it
// cannot read are absent, fields it cannot read are absent, and createable/updateable/deletable say what it may do.
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Store } from '../store';
import type { UserAccess } from '../access/userAccess';
import { SYSTEM_FIELDS } from '../standardObjects';
import { isWritableField, userMay } from '../writeRules';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime'
};

function urls(version: string, name: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function objectFlags(object: ObjectSchema, access: UserAccess): Record<string, unknown> {
  const grant = access.object(object);
  const createable = userMay(object, 'create', access);
  return {
    activateable: false,
    createable,
    custom: object.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: userMay(object, 'delete', access),
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: !object.customMetadata,
    mergeable: false,
    mruEnabled: false,
    name: object.name,
    queryable: grant.read,
    replicateable: !object.customMetadata,
    retrieveable: true,
    searchable: !object.customMetadata,
    triggerable: !object.customMetadata,
    undeletable: !object.customMetadata,
    updateable: userMay(object, 'update', access)
  };
}

export function describeGlobal(store: Store, version: string, access: UserAccess): unknown {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: store
      .objectNames()
      .map((name) => store.object(name).schema)
      .filter((object) => access.object(object).read)
      .map((object) => ({ ...objectFlags(object, access), urls: urls(version, object.name) }))
  };
}

export function describeBasic(store: Store, version: string, name: string, access: UserAccess): unknown {
  const object = store.object(name).schema;
  return { objectDescribe: { ...objectFlags(object, access), urls: urls(version, object.name) }, recentItems: [] };
}

function describeField(object: ObjectSchema, field: FieldSchema, access: UserAccess): Record<string, unknown> {
  const grant = access.object(object);
  const writable = isWritableField(field) && !object.customMetadata && access.field(object, field).edit;
  const numeric = ['int', 'double', 'currency', 'percent'].includes(field.type);
  const text = !numeric && !['boolean', 'date', 'datetime'].includes(field.type);
  const length = text ? (field.length ?? (field.type === 'id' || field.type === 'reference' ? 18 : 255)) : 0;
  return {
    aggregatable: field.type !== 'textarea' || (field.length ?? 0) <= 255,
    autoNumber: false,
    byteLength: length * 3,
    calculated: Boolean(field.calculated || field.formula),
    calculatedFormula: field.formula ?? null,
    cascadeDelete: Boolean(field.masterDetail),
    caseSensitive: Boolean(field.caseSensitive),
    createable: writable && grant.create,
    custom: field.custom,
    defaultValue: field.defaultValue ?? null,
    defaultedOnCreate:
      field.type === 'boolean' ||
      field.name === 'OwnerId' ||
      SYSTEM_FIELDS.has(field.name) ||
      (object.custom && field.name === 'Name'),
    dependentPicklist: false,
    digits: field.type === 'int' ? (field.precision ?? 9) : 0,
    externalId: Boolean(field.externalId),
    filterable: field.type !== 'textarea' || (field.length ?? 0) <= 255,
    groupable: !numeric || field.type === 'int',
    htmlFormatted: false,
    idLookup: field.type === 'id' || Boolean(field.externalId) || Boolean(field.unique),
    inlineHelpText: field.inlineHelpText ?? null,
    label: field.label,
    length,
    name: field.name,
    nameField: field.name === 'Name' || (object.customMetadata === true && field.name === 'DeveloperName'),
    namePointing: false,
    nillable: field.type === 'boolean' ? false : field.nillable,
    permissionable: field.custom && field.nillable && !field.masterDetail,
    picklistValues: (field.picklistValues ?? []).map((p) => ({ ...p, validFor: null })),
    polymorphicForeignKey: (field.referenceTo ?? []).length > 1,
    precision: numeric && field.type !== 'int' ? (field.precision ?? 18) : 0,
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName ?? null,
    relationshipOrder: field.masterDetail ? 0 : null,
    restrictedPicklist: Boolean(field.restrictedPicklist),
    scale: numeric && field.type !== 'int' ? (field.scale ?? 0) : 0,
    soapType: SOAP_TYPES[field.type] ?? 'xsd:string',
    sortable: field.type !== 'textarea' || (field.length ?? 0) <= 255,
    type: field.type,
    unique: Boolean(field.unique),
    updateable: writable && grant.edit && !field.masterDetail,
    writeRequiresMasterRead: Boolean(field.writeRequiresMasterRead)
  };
}

export function describeObject(store: Store, version: string, name: string, access: UserAccess): unknown {
  const object = store.object(name).schema;
  const childRelationships: unknown[] = [];
  for (const childName of store.objectNames()) {
    const child = store.object(childName).schema;
    if (!access.object(child).read) continue;
    for (const field of child.fields) {
      if (!access.field(child, field).read) continue;
      if (field.type !== 'reference' || !(field.referenceTo ?? []).includes(object.name)) continue;
      childRelationships.push({
        cascadeDelete: Boolean(field.masterDetail),
        childSObject: child.name,
        deprecatedAndHidden: false,
        field: field.name,
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: field.childRelationshipName ?? null,
        restrictedDelete: false
      });
    }
  }
  return {
    ...objectFlags(object, access),
    actionOverrides: [],
    childRelationships,
    compactLayoutable: !object.customMetadata,
    fields: object.fields.filter((f) => access.field(object, f).read).map((f) => describeField(object, f, access)),
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: !object.customMetadata,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: 'All ' + object.labelPlural.toLowerCase(), name: 'everything' }],
    urls: urls(version, object.name)
  };
}
