// What force-app declares: objects, fields, permission sets, labels. Read from the source
// files themselves so the checks see exactly what would be deployed.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readDataModel } from '../dataModel/forceAppModel';

export interface SourceField {
  name: string;
  type: string;
  file: string;
  required: boolean;
  referenceTo?: string;
  relationshipName?: string;
  formula: boolean;
}

export interface SourceObject {
  name: string;
  file?: string;
  custom: boolean;
  fields: Map<string, SourceField>;
}

export interface PermissionSetGrants {
  name: string;
  file: string;
  objects: Map<
    string,
    { read: boolean; create: boolean; edit: boolean; delete: boolean; viewAll: boolean; modifyAll: boolean }
  >;
  fields: Map<string, { readable: boolean; editable: boolean }>;
  customMetadataTypes: Set<string>;
}

/** A custom label as declared: the file it is in, its text and the description translators read. */
export interface SourceLabel {
  file: string;
  value: string;
  description: string;
}

export interface SourceModel {
  objects: Map<string, SourceObject>;
  permissionSets: PermissionSetGrants[];
  labels: Map<string, SourceLabel>;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'labels' });

// Parsed metadata XML has no static shape; callers read the elements they know.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type XmlNode = Record<string, any>;

export function readXml(file: string): XmlNode {
  return parser.parse(fs.readFileSync(file, 'utf8')) as XmlNode;
}

/** Standard objects and fields the product may name without declaring them (kept short on purpose). */
export const STANDARD_FIELDS: Record<string, string[]> = {
  '*': [
    'Id',
    'Name',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'IsDeleted'
  ],
  '*__c': ['OwnerId'],
  '*__mdt': ['DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix'],
  Account: [
    'OwnerId',
    'Industry',
    'Type',
    'NumberOfEmployees',
    'AnnualRevenue',
    'BillingCountry',
    'BillingCity',
    'Website',
    'Description',
    'ParentId'
  ],
  Opportunity: ['OwnerId', 'AccountId', 'StageName', 'Amount', 'CloseDate', 'IsClosed', 'IsWon', 'Probability', 'Type'],
  Contact: ['OwnerId', 'AccountId', 'FirstName', 'LastName', 'Email', 'Title', 'Phone'],
  User: ['FirstName', 'LastName', 'Email', 'Title', 'SmallPhotoUrl', 'IsActive', 'Username', 'Department'],
  Organization: ['InstanceName', 'IsSandbox', 'OrganizationType'],
  // A play's steps: Tasks whose WhatId is the play (the plays section reads and creates them).
  Task: ['OwnerId', 'Subject', 'ActivityDate', 'Status', 'Priority', 'IsClosed', 'WhatId', 'WhoId', 'Description']
};

/** Standard relationships: name on the child -> [lookup field, target object]. */
export const STANDARD_RELATIONSHIPS: Record<string, [string, string]> = {
  Owner: ['OwnerId', 'User'],
  CreatedBy: ['CreatedById', 'User'],
  LastModifiedBy: ['LastModifiedById', 'User'],
  Account: ['AccountId', 'Account'],
  Parent: ['ParentId', 'Account']
};

/** Standard child relationships: parent.relationship -> child object. */
export const STANDARD_CHILD_RELATIONSHIPS: Record<string, string> = {
  'Account.Opportunities': 'Opportunity',
  'Account.Contacts': 'Contact'
};

export const STANDARD_OBJECTS = ['Account', 'Contact', 'Opportunity', 'User', 'Organization', 'Task'];

/**
 * The model the checks need, built from the one reader of force-app (scripts/dataModel/forceAppModel.ts)
 * so the deploy gate and the data model rules never disagree about what the XML says.
 * A file that cannot be read (malformed XML) throws: the XML check reports it, and runChecks turns the
 * throw into a finding instead of crashing.
 */
export function loadSourceModel(root: string): SourceModel {
  const base = path.join(root, 'force-app', 'main', 'default');
  const dataModel = readDataModel(base, root);
  const objects = new Map<string, SourceObject>();
  for (const name of STANDARD_OBJECTS) objects.set(name, { name, custom: false, fields: new Map() });
  for (const def of dataModel.objects) {
    const object: SourceObject = objects.get(def.apiName) ?? {
      name: def.apiName,
      custom: def.apiName.includes('__'),
      fields: new Map()
    };
    if (def.file) object.file = path.join(root, def.file);
    for (const field of def.fields) {
      object.fields.set(field.apiName, {
        name: field.apiName,
        type: field.type,
        file: path.join(root, field.file),
        required: field.required || field.type === 'MasterDetail',
        referenceTo: field.referenceTo,
        relationshipName: field.relationshipName,
        formula: field.formula !== undefined
      });
    }
    objects.set(def.apiName, object);
  }

  const permissionSets: PermissionSetGrants[] = dataModel.permissionSets.map((set) => ({
    name: set.name,
    file: path.join(root, set.file),
    objects: new Map(
      set.objectPermissions.map((p) => [
        p.object,
        {
          read: p.allowRead,
          create: p.allowCreate,
          edit: p.allowEdit,
          delete: p.allowDelete,
          viewAll: p.viewAllRecords,
          modifyAll: p.modifyAllRecords
        }
      ])
    ),
    fields: new Map(set.fieldPermissions.map((p) => [p.field, { readable: p.readable, editable: p.editable }])),
    customMetadataTypes: new Set(set.customMetadataTypeAccesses.filter((a) => a.enabled).map((a) => a.name))
  }));

  // Labels may be split across several files (one per component family); SDR merges them.
  const labels = new Map<string, SourceLabel>();
  const labelsDir = path.join(base, 'labels');
  const labelFiles = fs.existsSync(labelsDir)
    ? fs.readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'))
    : [];
  for (const labelFile of labelFiles) {
    for (const label of readXml(path.join(labelsDir, labelFile)).CustomLabels?.labels ?? [])
      labels.set(String(label.fullName), {
        file: path.join(labelsDir, labelFile),
        value: String(label.value ?? ''),
        description: String(label.shortDescription ?? '')
      });
  }
  return { objects, permissionSets, labels };
}

/** Is `field` a field of `objectName`, declared in force-app or on the standard allow list? */
export function hasField(model: SourceModel, objectName: string, field: string): boolean {
  const object = model.objects.get(objectName);
  if (!object) return false;
  if ([...object.fields.keys()].some((f) => f.toLowerCase() === field.toLowerCase())) return true;
  const allowed = [
    ...STANDARD_FIELDS['*'],
    ...(objectName.endsWith('__c') ? STANDARD_FIELDS['*__c'] : []),
    ...(objectName.endsWith('__mdt') ? STANDARD_FIELDS['*__mdt'] : []),
    ...(STANDARD_FIELDS[objectName] ?? [])
  ];
  return allowed.some((f) => f.toLowerCase() === field.toLowerCase());
}

export function findObject(model: SourceModel, name: string): SourceObject | undefined {
  for (const [key, object] of model.objects) if (key.toLowerCase() === name.toLowerCase()) return object;
  return undefined;
}

/** Follows `Rel__r` or a standard relationship name from an object to its target. */
export function relationshipTarget(model: SourceModel, objectName: string, relationship: string): string | undefined {
  const object = findObject(model, objectName);
  if (!object) return undefined;
  for (const field of object.fields.values()) {
    if (field.referenceTo && field.name.replace(/__c$/i, '__r').toLowerCase() === relationship.toLowerCase()) {
      return field.referenceTo;
    }
  }
  const standard = STANDARD_RELATIONSHIPS[relationship];
  if (standard && hasField(model, object.name, standard[0])) return standard[1];
  return undefined;
}

/** Finds the child object behind a child relationship name (Customer_Goals__r on Account). */
export function childRelationshipTarget(model: SourceModel, parent: string, relationship: string): string | undefined {
  for (const object of model.objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.referenceTo?.toLowerCase() === parent.toLowerCase() &&
        field.relationshipName &&
        `${field.relationshipName}__r`.toLowerCase() === relationship.toLowerCase()
      ) {
        return object.name;
      }
    }
  }
  return STANDARD_CHILD_RELATIONSHIPS[`${parent}.${relationship}`];
}
