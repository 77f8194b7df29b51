// The local org's schema: what describe answers and what every write and query obeys.
// Shared contract between the REST side (store, sObjects, query) and the Metadata API side
// (deploy turns CustomObject/CustomField XML into these definitions).

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldSchema {
  /** API name, e.g. Status__c */
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types (long text areas: the declared length, e.g. 32768). */
  length?: number;
  precision?: number;
  scale?: number;
  /** false for required fields and master-detail relationships. */
  nillable: boolean;
  unique?: boolean;
  caseSensitive?: boolean;
  externalId?: boolean;
  /** true for formula fields, Id, audit fields: never written by clients. */
  calculated?: boolean;
  /** The formula text of a formula field (the local org evaluates simple arithmetic formulas only). */
  formula?: string;
  /** Restricted picklist: values outside the list are INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST. */
  restrictedPicklist?: boolean;
  picklistValues?: PicklistValue[];
  defaultValue?: unknown;
  /** For references: target objects, relationship name (Account__r), and whether it is master-detail. */
  referenceTo?: string[];
  relationshipName?: string;
  /** The child relationship name the parent sees (Customer_Goals__r). */
  childRelationshipName?: string;
  masterDetail?: boolean;
  /** For master-detail: read access to the master is enough to create or edit a detail (default: edit is needed). */
  writeRequiresMasterRead?: boolean;
  /** For master-detail: delete children with the parent (always true on the platform). */
  cascadeDelete?: boolean;
  custom: boolean;
  description?: string;
  inlineHelpText?: string;
}

export interface ValidationRuleSchema {
  fullName: string;
  active: boolean;
  errorConditionFormula: string;
  errorMessage: string;
  errorDisplayField?: string;
  description?: string;
}

export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ReadWriteTransfer' | 'FullAccess' | 'ControlledByParent';

export interface ObjectSchema {
  /** API name, e.g. Customer_Goal__c, Account, Health_Band__mdt */
  name: string;
  label: string;
  labelPlural: string;
  /** Three-character Id prefix, e.g. 001 for Account. */
  keyPrefix: string;
  custom: boolean;
  /** Custom metadata types (__mdt): queryable, written only through the Metadata API. */
  customMetadata?: boolean;
  fields: FieldSchema[];
  validationRules?: ValidationRuleSchema[];
  description?: string;
  /** Tasks may point at its records (CustomObject enableActivities): Task.WhatId lists it. */
  enableActivities?: boolean;
  /**
   * The org-wide default for records of this object: Private (owner only), Read (everyone reads, the owner edits),
   * ReadWrite (everyone reads and edits), or ControlledByParent (the master record's access, through the first
   * master-detail field). Absent: ReadWrite, the platform's default for a new org.
   */
  sharingModel?: SharingModel;
  /** REST DML the object allows (default true; false for Organization, User inserts and custom metadata). */
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
}

/** The whole schema, keyed by object API name. */
export type OrgSchema = Map<string, ObjectSchema>;
