// What the Metadata API side of the local org needs from the rest of it (the store and server).
// The server implements MetadataHost; scripts/localOrg/metadata implements the SOAP API on top.
import type { ObjectSchema, OrgSchema } from '../schema';

export interface CustomMetadataRecord {
  /** Type API name, e.g. Health_Band__mdt */
  type: string;
  developerName: string;
  label: string;
  /** Custom field values keyed by field API name, already typed (numbers, booleans, strings). */
  values: Record<string, unknown>;
}

/** A PermissionSet component as the org's PermissionSet record sees it (its permissions stay in the stored file). */
export interface PermissionSetRecord {
  /** The component's fullName: the record's Name. */
  name: string;
  label: string;
  description?: string;
  hasActivationRequired: boolean;
}

/** An ApexClass component as the org's ApexClass record (what the Tooling API and REST query read) sees it. */
export interface ApexClassRecord {
  /** The class name (the component's fullName). */
  name: string;
  apiVersion: number | null;
  /** Active, Inactive or Deleted, from the -meta.xml. */
  status: string;
  /** The .cls source. */
  body: string;
}

export interface SchemaChange {
  /** Objects created or replaced whole (standard objects: the given custom fields merge into them). */
  upsertObjects: ObjectSchema[];
  /** Custom fields removed (destructive changes). */
  deleteFields: Array<{ object: string; field: string }>;
  /** Custom objects removed with their records (destructive changes). */
  deleteObjects: string[];
  /** Custom metadata records to create or replace. */
  upsertCustomMetadata: CustomMetadataRecord[];
  /** Custom metadata records to delete, as `Type.DeveloperName`. */
  deleteCustomMetadata: string[];
  /** PermissionSet records to create or update by Name (absent: none). */
  upsertPermissionSets?: PermissionSetRecord[];
  /** PermissionSet records to delete by Name, with their assignments (absent: none). */
  deletePermissionSets?: string[];
  /** ApexClass records to create or update by Name (absent: none). */
  upsertApexClasses?: ApexClassRecord[];
  /** ApexClass records to delete by Name (absent: none). */
  deleteApexClasses?: string[];
}

export interface MetadataHost {
  /** True when the token is a current session of an active user. */
  isValidSession(token: string): boolean;
  /** True when the session's user may use the Metadata API (Modify All Data or Modify Metadata). */
  canUseMetadataApi(token: string): boolean;
  /** The schema now in force, standard objects included. */
  schema(): OrgSchema;
  /**
   * Applies a whole deploy atomically and persists it: either every change lands or none does.
   * Throws with a message naming the component when a change cannot be applied.
   */
  applySchemaChange(change: SchemaChange): void;
  /** Records of an object (for reading custom metadata back in readMetadata/listMetadata). */
  records(objectName: string): Array<Record<string, unknown>>;
  /** A JSON value the Metadata API keeps between restarts (deploy results, opaque components). */
  loadMetadataState(): unknown;
  saveMetadataState(state: unknown): void;
  /** Counts one API request against the org's daily limit (SOAP calls count like REST calls). */
  countRequest(endpoint: string): void;
}
