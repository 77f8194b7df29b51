// What a profile or a permission set grants, read from the deployed PermissionSet file the way the platform reads it:
// object permissions (with their implications: edit implies read, delete implies edit, View All implies read,
// Modify All implies everything), field permissions, user permissions and custom metadata type access.
import { bool, objects, text, type XmlObject } from '../metadata/xml';

export interface ObjectGrant {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface FieldGrant {
  read: boolean;
  edit: boolean;
}

export interface Grants {
  /** By lower-case object API name. */
  objects: Map<string, ObjectGrant>;
  /** By lower-case `Object.Field`. */
  fields: Map<string, FieldGrant>;
  /** Enabled user permissions, e.g. ViewAllData, ModifyAllData, ManageUsers, ModifyMetadata. */
  permissions: Set<string>;
  /** Lower-case names of the custom metadata types the holder may read. */
  customMetadataTypes: Set<string>;
}

export const NO_OBJECT_ACCESS: ObjectGrant = Object.freeze({
  read: false,
  create: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false
});

export function emptyGrants(): Grants {
  return { objects: new Map(), fields: new Map(), permissions: new Set(), customMetadataTypes: new Set() };
}

/** An object permission with what it implies on the platform. */
export function impliedObjectGrant(grant: Partial<ObjectGrant>): ObjectGrant {
  const modifyAll = grant.modifyAll === true;
  const remove = modifyAll || grant.delete === true;
  const edit = remove || grant.edit === true;
  const viewAll = modifyAll || grant.viewAll === true;
  const read = edit || viewAll || grant.create === true || grant.read === true;
  return { read, create: grant.create === true || modifyAll, edit, delete: remove, viewAll, modifyAll };
}

/** The grants of a deployed PermissionSet (or Profile) file in metadata shape. */
export function grantsFromMetadata(metadata: XmlObject): Grants {
  const grants = emptyGrants();
  for (const o of objects(metadata.objectPermissions)) {
    const name = text(o.object);
    if (!name) continue;
    grants.objects.set(
      name.toLowerCase(),
      impliedObjectGrant({
        read: bool(o.allowRead),
        create: bool(o.allowCreate),
        edit: bool(o.allowEdit),
        delete: bool(o.allowDelete),
        viewAll: bool(o.viewAllRecords),
        modifyAll: bool(o.modifyAllRecords)
      })
    );
  }
  for (const f of objects(metadata.fieldPermissions)) {
    const name = text(f.field);
    if (!name) continue;
    const edit = bool(f.editable) === true;
    grants.fields.set(name.toLowerCase(), { read: edit || bool(f.readable) === true, edit });
  }
  for (const p of objects(metadata.userPermissions)) {
    const name = text(p.name);
    if (name && bool(p.enabled)) grants.permissions.add(name);
  }
  for (const c of objects(metadata.customMetadataTypeAccesses)) {
    const name = text(c.name);
    if (name && bool(c.enabled)) grants.customMetadataTypes.add(name.toLowerCase());
  }
  return grants;
}

/** What holding every one of these grants at once gives: the union, as the platform combines profile and sets. */
export function unionGrants(all: Grants[]): Grants {
  const out = emptyGrants();
  for (const g of all) {
    for (const [name, grant] of g.objects) {
      const had = out.objects.get(name) ?? NO_OBJECT_ACCESS;
      out.objects.set(name, {
        read: had.read || grant.read,
        create: had.create || grant.create,
        edit: had.edit || grant.edit,
        delete: had.delete || grant.delete,
        viewAll: had.viewAll || grant.viewAll,
        modifyAll: had.modifyAll || grant.modifyAll
      });
    }
    for (const [name, grant] of g.fields) {
      const had = out.fields.get(name);
      out.fields.set(name, { read: (had?.read ?? false) || grant.read, edit: (had?.edit ?? false) || grant.edit });
    }
    for (const p of g.permissions) out.permissions.add(p);
    for (const c of g.customMetadataTypes) out.customMetadataTypes.add(c);
  }
  return out;
}

/**
 * The standard profiles of the local org. System Administrator sees and changes everything (View All Data, Modify All
 * Data, Manage Users, Modify Metadata). Standard User works the standard sales objects (Account, Contact,
 * Opportunity: create, read, edit, delete) and nothing custom. Minimum Access - Salesforce grants nothing: give a user
 * that profile and a permission set to see exactly what the permission set grants.
 */
export const PROFILE_NAMES = ['System Administrator', 'Standard User', 'Minimum Access - Salesforce'] as const;

export const ADMIN_PERMISSIONS = [
  'ApiEnabled',
  'ViewAllData',
  'ModifyAllData',
  'ManageUsers',
  'ModifyMetadata',
  'CustomizeApplication',
  'ViewSetup'
];

export function profileGrants(name: string): Grants {
  const grants = emptyGrants();
  if (name === 'System Administrator') {
    for (const p of ADMIN_PERMISSIONS) grants.permissions.add(p);
  } else if (name === 'Standard User') {
    grants.permissions.add('ApiEnabled');
    for (const object of ['account', 'contact', 'opportunity']) {
      grants.objects.set(object, impliedObjectGrant({ read: true, create: true, edit: true, delete: true }));
    }
  } else {
    grants.permissions.add('ApiEnabled');
  }
  return grants;
}
