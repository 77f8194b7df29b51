// What force-app declares: objects, fields, permission sets, labels. Read from the source
// files themselves so the checks see exactly what would be deployed.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

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

export interface SourceModel {
  objects: Map<string, SourceObject>;
  permissionSets: PermissionSetGrants[];
  labels: Set<string>;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'objectPermissions',
      'fieldPermissions',
      'customMetadataTypeAccesses',
      'labels',
      'tabSettings',
      'classAccesses'
    ].includes(name)
});

// Parsed metadata XML has no static shape; callers read the elements they know.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type XmlNode = Record<string, any>;

export function readXml(file: string): XmlNode {
  return parser.parse(fs.readFileSync(file, 'utf8')) as XmlNode;
}

const yes = (value: unknown): boolean => String(value) === 'true';

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
  Organization: ['InstanceName', 'IsSandbox', 'OrganizationType']
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

export const STANDARD_OBJECTS = ['Account', 'Contact', 'Opportunity', 'User', 'Organization'];

export function loadSourceModel(root: string): SourceModel {
  const base = path.join(root, 'force-app', 'main', 'default');
  const objects = new Map<string, SourceObject>();
  for (const name of STANDARD_OBJECTS) objects.set(name, { name, custom: false, fields: new Map() });

  const objectsDir = path.join(base, 'objects');
  if (fs.existsSync(objectsDir)) {
    for (const name of fs.readdirSync(objectsDir).sort()) {
      const dir = path.join(objectsDir, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const objectFile = path.join(dir, `${name}.object-meta.xml`);
      const existing = objects.get(name);
      const object: SourceObject = existing ?? { name, custom: name.includes('__'), fields: new Map() };
      if (fs.existsSync(objectFile)) object.file = objectFile;
      objects.set(name, object);
      const fieldsDir = path.join(dir, 'fields');
      if (!fs.existsSync(fieldsDir)) continue;
      for (const fieldFile of fs.readdirSync(fieldsDir).sort()) {
        if (!fieldFile.endsWith('.field-meta.xml')) continue;
        const file = path.join(fieldsDir, fieldFile);
        let field: Record<string, unknown>;
        try {
          field = (readXml(file).CustomField ?? {}) as Record<string, unknown>;
        } catch {
          continue; // malformed XML is reported by the XML check
        }
        const fieldName = String(field.fullName ?? fieldFile.replace('.field-meta.xml', ''));
        object.fields.set(fieldName, {
          name: fieldName,
          type: String(field.type ?? ''),
          file,
          required: yes(field.required) || field.type === 'MasterDetail',
          referenceTo: field.referenceTo ? String(field.referenceTo) : undefined,
          relationshipName: field.relationshipName ? String(field.relationshipName) : undefined,
          formula: field.formula !== undefined
        });
      }
    }
  }

  const permissionSets: PermissionSetGrants[] = [];
  const permDir = path.join(base, 'permissionsets');
  if (fs.existsSync(permDir)) {
    for (const fileName of fs.readdirSync(permDir).sort()) {
      if (!fileName.endsWith('.permissionset-meta.xml')) continue;
      const file = path.join(permDir, fileName);
      let doc: XmlNode;
      try {
        doc = readXml(file).PermissionSet ?? {};
      } catch {
        continue;
      }
      const grants: PermissionSetGrants = {
        name: fileName.replace('.permissionset-meta.xml', ''),
        file,
        objects: new Map(),
        fields: new Map(),
        customMetadataTypes: new Set()
      };
      for (const p of doc.objectPermissions ?? []) {
        grants.objects.set(String(p.object), {
          read: yes(p.allowRead),
          create: yes(p.allowCreate),
          edit: yes(p.allowEdit),
          delete: yes(p.allowDelete),
          viewAll: yes(p.viewAllRecords),
          modifyAll: yes(p.modifyAllRecords)
        });
      }
      for (const p of doc.fieldPermissions ?? []) {
        grants.fields.set(String(p.field), { readable: yes(p.readable), editable: yes(p.editable) });
      }
      for (const p of doc.customMetadataTypeAccesses ?? []) {
        if (yes(p.enabled)) grants.customMetadataTypes.add(String(p.name));
      }
      permissionSets.push(grants);
    }
  }

  // Labels may be split across several files (one per component family); SDR merges them.
  const labels = new Set<string>();
  const labelsDir = path.join(base, 'labels');
  const labelFiles = fs.existsSync(labelsDir)
    ? fs.readdirSync(labelsDir).filter((f) => f.endsWith('.labels-meta.xml'))
    : [];
  for (const labelFile of labelFiles) {
    try {
      for (const label of readXml(path.join(labelsDir, labelFile)).CustomLabels?.labels ?? [])
        labels.add(String(label.fullName));
    } catch {
      // reported by the XML check
    }
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
