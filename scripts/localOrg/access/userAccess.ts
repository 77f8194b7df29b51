// One user's access in the local org, as the platform computes it for every API call: the profile plus every active
// permission set assignment give object permissions (CRUD, View All, Modify All), field-level security and user
// permissions; sharing gives record access from each object's org-wide default (sharingModel), the record's owner and,
// for ControlledByParent objects, the master record's access. View All Data / Modify All Data (the System
// Administrator profile) see and change everything. Built once per request; record access is memoised per request, so
// a query over a million children asks for each parent's access once.
import type { FieldSchema, ObjectSchema } from '../schema';
import type { ObjectState, SObjectRecord, Store } from '../store';
import { SETUP_OBJECTS, SYSTEM_FIELDS } from '../standardObjects';
import type { XmlObject } from '../metadata/xml';
import {
  grantsFromMetadata,
  impliedObjectGrant,
  NO_OBJECT_ACCESS,
  profileGrants,
  unionGrants,
  type FieldGrant,
  type Grants,
  type ObjectGrant
} from './grants';

/** Record access, weakest to strongest: `all` is the owner's (or Modify All's): edit, delete, transfer. */
export type RecordLevel = 'none' | 'read' | 'edit' | 'all';
const RANK: Record<RecordLevel, number> = { none: 0, read: 1, edit: 2, all: 3 };
const atLeast = (level: RecordLevel, wanted: RecordLevel): boolean => RANK[level] >= RANK[wanted];
const stronger = (a: RecordLevel, b: RecordLevel): RecordLevel => (RANK[a] >= RANK[b] ? a : b);

/** Objects every user reads and only a user manager writes: users, the org, profiles, permission sets. */
const SETUP = new Set(['user', 'organization', ...SETUP_OBJECTS.map((n) => n.toLowerCase())]);

const FULL: FieldGrant = Object.freeze({ read: true, edit: true });
const NONE: FieldGrant = Object.freeze({ read: false, edit: false });

/** Where a permission set's deployed file comes from (the Metadata API's stored components). */
export type PermissionSetSource = (name: string) => XmlObject | undefined;

export class UserAccess {
  /** View All Data and Modify All Data: every check passes, nothing is filtered. */
  readonly allData: boolean;
  private readonly levels = new Map<string, RecordLevel>();

  constructor(
    private readonly store: Store,
    readonly userId: string,
    private readonly grants: Grants
  ) {
    this.allData = grants.permissions.has('ViewAllData') && grants.permissions.has('ModifyAllData');
  }

  /** The access of the user with this Id, from its profile and active permission set assignments. */
  static of(store: Store, userId: string, permissionSets: PermissionSetSource): UserAccess {
    const user = store.get('User', userId);
    const profile = user?.ProfileId ? store.get('Profile', String(user.ProfileId)) : undefined;
    const all: Grants[] = [profileGrants(String(profile?.Name ?? ''))];
    const assignments = store.findObject('PermissionSetAssignment');
    const sets = store.findObject('PermissionSet');
    const now = Date.now();
    for (const assignment of assignments?.records.values() ?? []) {
      if (assignment.AssigneeId !== userId || assignment.IsRevoked === true) continue;
      const expires = assignment.ExpirationDate
        ? Date.parse(String(assignment.ExpirationDate).replace('+0000', 'Z'))
        : NaN;
      if (Number.isFinite(expires) && expires <= now) continue;
      const set = sets?.records.get(String(assignment.PermissionSetId));
      if (!set || set.IsOwnedByProfile === true) continue;
      const metadata = permissionSets(String(set.Name));
      if (metadata) all.push(grantsFromMetadata(metadata));
    }
    return new UserAccess(store, userId, unionGrants(all));
  }

  /** The org itself: the admin's access, for work the platform does in system context. */
  static system(store: Store): UserAccess {
    return new UserAccess(store, store.userId, profileGrants('System Administrator'));
  }

  has(permission: string): boolean {
    return this.grants.permissions.has(permission);
  }

  /**
   * Object permissions on an object: Setup objects are readable by all and written by Manage Users holders; Tasks are
   * readable by all and written by Edit Tasks holders.
   */
  object(schema: ObjectSchema): ObjectGrant {
    if (this.allData) return impliedObjectGrant({ modifyAll: true });
    const lower = schema.name.toLowerCase();
    if (lower === 'task') {
      // Activities have no object permissions: the Edit Tasks user permission creates and edits them.
      const edit = this.has('EditTask') || this.has('ManageUsers');
      return { ...NO_OBJECT_ACCESS, read: true, create: edit, edit, delete: edit };
    }
    if (SETUP.has(lower)) {
      const manage = this.has('ManageUsers');
      return { ...NO_OBJECT_ACCESS, read: true, create: manage, edit: manage, delete: manage };
    }
    if (schema.customMetadata) {
      const read = this.grants.customMetadataTypes.has(lower) || this.has('CustomizeApplication');
      return { ...NO_OBJECT_ACCESS, read, viewAll: read };
    }
    return this.grants.objects.get(lower) ?? NO_OBJECT_ACCESS;
  }

  /**
   * Field-level security on a field of a readable object. Only custom fields carry it: standard fields follow the
   * object (as a standard profile grants them), and fields the platform never hides (Id, Name, owner, audit fields,
   * required fields, master-detail fields, custom metadata fields) are always readable and, when the object can be
   * written and the field is writable at all, editable.
   */
  field(schema: ObjectSchema, field: FieldSchema): FieldGrant {
    if (this.allData) return FULL;
    const object = this.object(schema);
    if (!object.read) return NONE;
    const edit = object.create || object.edit;
    const exempt =
      !field.custom ||
      schema.customMetadata === true ||
      SYSTEM_FIELDS.has(field.name) ||
      field.masterDetail === true ||
      (!field.nillable && field.type !== 'boolean');
    if (exempt) return { read: true, edit };
    const grant = this.grants.fields.get(`${schema.name}.${field.name}`.toLowerCase());
    if (!grant) return NONE;
    return { read: grant.read, edit: grant.edit && edit };
  }

  /** The user's access to one record, from sharing and View All / Modify All (memoised per request). */
  recordLevel(state: ObjectState, record: SObjectRecord): RecordLevel {
    if (this.allData) return 'all';
    const id = String(record.Id);
    const known = this.levels.get(id);
    if (known) return known;
    const level = this.computeLevel(state, record);
    this.levels.set(id, level);
    return level;
  }

  private computeLevel(state: ObjectState, record: SObjectRecord): RecordLevel {
    const schema = state.schema;
    const object = this.object(schema);
    if (object.modifyAll) return 'all';
    let level: RecordLevel = object.viewAll ? 'read' : 'none';
    if (SETUP.has(schema.name.toLowerCase()) || schema.customMetadata) return stronger(level, 'edit');
    const model = schema.sharingModel ?? 'ReadWrite';
    if (model === 'ControlledByParent') {
      const master = schema.fields.find((f) => f.masterDetail);
      const target = master?.referenceTo?.[0] ? this.store.findObject(master.referenceTo[0]) : undefined;
      const parent = target && master ? target.records.get(String(record[master.name])) : undefined;
      if (!target || !parent) return level;
      const parentLevel = this.recordLevel(target, parent);
      // Edit on the master is what it takes to edit or delete a detail record.
      return stronger(level, parentLevel === 'edit' ? 'all' : parentLevel);
    }
    if (record.OwnerId !== undefined && record.OwnerId === this.userId) return 'all';
    if (model === 'Read') level = stronger(level, 'read');
    else if (model !== 'Private') level = stronger(level, 'edit');
    return level;
  }

  canRead(state: ObjectState, record: SObjectRecord): boolean {
    return this.allData || atLeast(this.recordLevel(state, record), 'read');
  }

  canEdit(state: ObjectState, record: SObjectRecord): boolean {
    return this.allData || atLeast(this.recordLevel(state, record), 'edit');
  }

  canDelete(state: ObjectState, record: SObjectRecord): boolean {
    return this.allData || this.recordLevel(state, record) === 'all';
  }
}
