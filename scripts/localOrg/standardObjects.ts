// The standard objects the product touches, present from the start, and the system fields every object carries.
import type { FieldSchema, FieldType, ObjectSchema, PicklistValue } from './schema';

type FieldOptions = Partial<FieldSchema>;

export function field(name: string, label: string, type: FieldType, options: FieldOptions = {}): FieldSchema {
  return { name, label, type, nillable: true, custom: name.endsWith('__c'), ...options };
}

export function picklist(values: string[], defaultValue?: string): PicklistValue[] {
  return values.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

/** A lookup field: an 18-character Id pointing at `referenceTo` (one object, or several for a polymorphic one). */
function reference(
  name: string,
  label: string,
  referenceTo: string | string[],
  relationshipName: string,
  options: FieldOptions = {}
): FieldSchema {
  const targets = typeof referenceTo === 'string' ? [referenceTo] : referenceTo;
  return field(name, label, 'reference', { length: 18, referenceTo: targets, relationshipName, ...options });
}

/** A standard object's schema; `access` turns off what the API may not do to its records. */
function standardObject(
  names: Pick<ObjectSchema, 'name' | 'label' | 'labelPlural' | 'keyPrefix'>,
  fields: FieldSchema[],
  access: Pick<ObjectSchema, 'createable' | 'updateable' | 'deletable'> = {}
): ObjectSchema {
  return { ...names, custom: false, ...access, fields };
}

/** Setup objects the API reads but never creates, updates or deletes. */
const READ_ONLY_OBJECT = { createable: false, updateable: false, deletable: false };

const readOnly: FieldOptions = { calculated: false, nillable: false };

/** Fields the platform maintains on every record; clients never write them. */
export const AUDIT_FIELDS = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];

/** Fields that are not createable or updateable by clients, in addition to calculated ones. */
export const SYSTEM_FIELDS = new Set(['Id', 'IsDeleted', ...AUDIT_FIELDS]);

/** Id, IsDeleted (unless `deleted` is false: setup objects have none), the audit fields and, with `owner`, OwnerId. */
function systemFields(options: { owner: boolean; deleted?: boolean }): FieldSchema[] {
  const fields: FieldSchema[] = [
    field('Id', 'Record ID', 'id', { ...readOnly, length: 18, externalId: false, unique: false }),
    ...(options.deleted === false
      ? []
      : [field('IsDeleted', 'Deleted', 'boolean', { ...readOnly, defaultValue: false })]),
    field('CreatedDate', 'Created Date', 'datetime', readOnly),
    reference('CreatedById', 'Created By ID', 'User', 'CreatedBy', readOnly),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', readOnly),
    reference('LastModifiedById', 'Last Modified By ID', 'User', 'LastModifiedBy', readOnly),
    field('SystemModstamp', 'System Modstamp', 'datetime', readOnly)
  ];
  if (options.owner) {
    fields.push(reference('OwnerId', 'Owner ID', 'User', 'Owner', { nillable: false, defaultValue: undefined }));
  }
  return fields;
}

const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other'
];

const STAGES: Array<{ value: string; closed: boolean; won: boolean; probability: number }> = [
  { value: 'Prospecting', closed: false, won: false, probability: 10 },
  { value: 'Qualification', closed: false, won: false, probability: 10 },
  { value: 'Needs Analysis', closed: false, won: false, probability: 20 },
  { value: 'Value Proposition', closed: false, won: false, probability: 50 },
  { value: 'Id. Decision Makers', closed: false, won: false, probability: 60 },
  { value: 'Perception Analysis', closed: false, won: false, probability: 70 },
  { value: 'Proposal/Price Quote', closed: false, won: false, probability: 75 },
  { value: 'Negotiation/Review', closed: false, won: false, probability: 90 },
  { value: 'Closed Won', closed: true, won: true, probability: 100 },
  { value: 'Closed Lost', closed: true, won: false, probability: 0 }
];

/** What the platform derives from an opportunity's stage (IsClosed, IsWon, default Probability). */
export function stageFacts(stage: unknown): { closed: boolean; won: boolean; probability: number } | undefined {
  return STAGES.find((s) => s.value === stage);
}

const address = (prefix: string, label: string): FieldSchema[] => [
  field(`${prefix}Street`, `${label} Street`, 'textarea', { length: 255 }),
  field(`${prefix}City`, `${label} City`, 'string', { length: 40 }),
  field(`${prefix}State`, `${label} State/Province`, 'string', { length: 80 }),
  field(`${prefix}PostalCode`, `${label} Zip/Postal Code`, 'string', { length: 20 }),
  field(`${prefix}Country`, `${label} Country`, 'string', { length: 80 })
];

function account(): ObjectSchema {
  return standardObject({ name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001' }, [
    ...systemFields({ owner: true }),
    field('Name', 'Account Name', 'string', { length: 255, nillable: false }),
    field('Type', 'Account Type', 'picklist', {
      picklistValues: picklist([
        'Prospect',
        'Customer - Direct',
        'Customer - Channel',
        'Channel Partner / Reseller',
        'Installation Partner',
        'Technology Partner',
        'Other'
      ])
    }),
    reference('ParentId', 'Parent Account ID', 'Account', 'Parent', { childRelationshipName: 'ChildAccounts' }),
    ...address('Billing', 'Billing'),
    ...address('Shipping', 'Shipping'),
    field('Phone', 'Account Phone', 'phone', { length: 40 }),
    field('Website', 'Website', 'url', { length: 255 }),
    field('Industry', 'Industry', 'picklist', { picklistValues: picklist(INDUSTRIES) }),
    field('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
    field('NumberOfEmployees', 'Employees', 'int', { precision: 8, scale: 0 }),
    field('AccountNumber', 'Account Number', 'string', { length: 40 }),
    field('Description', 'Account Description', 'textarea', { length: 32000 }),
    field('Rating', 'Account Rating', 'picklist', { picklistValues: picklist(['Hot', 'Warm', 'Cold']) }),
    field('LastActivityDate', 'Last Activity', 'date', { calculated: false })
  ]);
}

function contact(): ObjectSchema {
  return standardObject({ name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: '003' }, [
    ...systemFields({ owner: true }),
    reference('AccountId', 'Account ID', 'Account', 'Account', { childRelationshipName: 'Contacts' }),
    field('FirstName', 'First Name', 'string', { length: 40 }),
    field('LastName', 'Last Name', 'string', { length: 80, nillable: false }),
    field('Name', 'Full Name', 'string', { length: 121, calculated: true }),
    field('Salutation', 'Salutation', 'picklist', {
      picklistValues: picklist(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'])
    }),
    field('Title', 'Title', 'string', { length: 128 }),
    field('Email', 'Email', 'email', { length: 80 }),
    field('Phone', 'Business Phone', 'phone', { length: 40 }),
    field('Department', 'Department', 'string', { length: 80 }),
    field('MailingCountry', 'Mailing Country', 'string', { length: 80 })
  ]);
}

function opportunity(): ObjectSchema {
  return standardObject({ name: 'Opportunity', label: 'Opportunity', labelPlural: 'Opportunities', keyPrefix: '006' }, [
    ...systemFields({ owner: true }),
    reference('AccountId', 'Account ID', 'Account', 'Account', { childRelationshipName: 'Opportunities' }),
    field('Name', 'Name', 'string', { length: 120, nillable: false }),
    field('Description', 'Description', 'textarea', { length: 32000 }),
    field('StageName', 'Stage', 'picklist', {
      nillable: false,
      restrictedPicklist: true,
      picklistValues: picklist(STAGES.map((s) => s.value))
    }),
    field('Amount', 'Amount', 'currency', { precision: 18, scale: 2 }),
    field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0 }),
    field('CloseDate', 'Close Date', 'date', { nillable: false }),
    field('Type', 'Opportunity Type', 'picklist', {
      picklistValues: picklist(['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'New Customer'])
    }),
    field('LeadSource', 'Lead Source', 'picklist', {
      picklistValues: picklist(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'])
    }),
    field('NextStep', 'Next Step', 'string', { length: 255 }),
    field('ForecastCategoryName', 'Forecast Category', 'picklist', {
      picklistValues: picklist(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'])
    }),
    field('IsClosed', 'Closed', 'boolean', { calculated: true, nillable: false, defaultValue: false }),
    field('IsWon', 'Won', 'boolean', { calculated: true, nillable: false, defaultValue: false })
  ]);
}

function user(): ObjectSchema {
  // Users are created through the API by a user manager; they are deactivated, never deleted.
  return standardObject(
    { name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: '005' },
    [
      ...systemFields({ owner: false }),
      field('Username', 'Username', 'string', { length: 80, nillable: false, unique: true }),
      field('FirstName', 'First Name', 'string', { length: 40 }),
      field('LastName', 'Last Name', 'string', { length: 80, nillable: false }),
      field('Name', 'Full Name', 'string', { length: 121, calculated: true }),
      field('Alias', 'Alias', 'string', { length: 8, nillable: false }),
      field('Email', 'Email', 'email', { length: 128, nillable: false }),
      field('IsActive', 'Active', 'boolean', { nillable: false, defaultValue: true }),
      field('Title', 'Title', 'string', { length: 80 }),
      field('UserType', 'User Type', 'picklist', { picklistValues: picklist(['Standard']) }),
      field('TimeZoneSidKey', 'Time Zone', 'picklist', { nillable: false, picklistValues: picklist(['GMT']) }),
      field('LocaleSidKey', 'Locale', 'picklist', { nillable: false, picklistValues: picklist(['en_US']) }),
      field('LanguageLocaleKey', 'Language', 'picklist', { nillable: false, picklistValues: picklist(['en_US']) }),
      field('EmailEncodingKey', 'Email Encoding', 'picklist', { nillable: false, picklistValues: picklist(['UTF-8']) }),
      reference('ProfileId', 'Profile ID', 'Profile', 'Profile', { nillable: false, childRelationshipName: 'Users' })
    ],
    { deletable: false }
  );
}

function organization(): ObjectSchema {
  return standardObject(
    { name: 'Organization', label: 'Organization', labelPlural: 'Organizations', keyPrefix: '00D' },
    [
      ...systemFields({ owner: false, deleted: false }),
      field('Name', 'Name', 'string', { length: 80, nillable: false }),
      field('InstanceName', 'Instance Name', 'string', { length: 5 }),
      field('IsSandbox', 'Is Sandbox', 'boolean', { nillable: false, defaultValue: false }),
      field('OrganizationType', 'Edition', 'picklist', { picklistValues: picklist(['Developer Edition']) }),
      field('TrialExpirationDate', 'Trial Expiration Date', 'datetime'),
      field('NamespacePrefix', 'Namespace Prefix', 'string', { length: 15 }),
      field('Country', 'Country', 'string', { length: 80 }),
      field('DefaultLocaleSidKey', 'Locale', 'picklist', { picklistValues: picklist(['en_US']) }),
      field('LanguageLocaleKey', 'Language', 'picklist', { picklistValues: picklist(['en_US']) }),
      field('TimeZoneSidKey', 'Time Zone', 'picklist', { picklistValues: picklist(['GMT']) })
    ],
    READ_ONLY_OBJECT
  );
}

// Setup objects, as the REST API shows them. Every profile owns one permission set (IsOwnedByProfile, named
// X00e... on the platform) that holds the profile's own permissions; permission sets deployed by the Metadata API are
// the others (Type Regular, IsCustom). What each grants is in access/: the standard profiles' grants in code, a
// deployed permission set's from its file.

function profile(): ObjectSchema {
  return standardObject(
    { name: 'Profile', label: 'Profile', labelPlural: 'Profiles', keyPrefix: '00e' },
    [
      ...systemFields({ owner: false, deleted: false }),
      field('Name', 'Name', 'string', { length: 255, nillable: false }),
      field('Description', 'Description', 'string', { length: 255 }),
      field('UserType', 'User Type', 'picklist', { picklistValues: picklist(['Standard']) }),
      field('UserLicenseId', 'User License ID', 'string', { length: 18, calculated: true })
    ],
    READ_ONLY_OBJECT
  );
}

function permissionSet(): ObjectSchema {
  const calculated: FieldOptions = { calculated: true };
  return standardObject(
    { name: 'PermissionSet', label: 'Permission Set', labelPlural: 'Permission Sets', keyPrefix: '0PS' },
    [
      ...systemFields({ owner: false, deleted: false }),
      field('Name', 'Name', 'string', { length: 80, nillable: false }),
      field('Label', 'Label', 'string', { length: 80, nillable: false }),
      field('Description', 'Description', 'string', { length: 255 }),
      field('NamespacePrefix', 'Namespace Prefix', 'string', { length: 15, ...calculated }),
      field('IsOwnedByProfile', 'Is Owned by Profile', 'boolean', { ...calculated, nillable: false }),
      reference('ProfileId', 'Profile ID', 'Profile', 'Profile', calculated),
      field('IsCustom', 'Is Custom', 'boolean', { ...calculated, nillable: false }),
      field('Type', 'Type', 'picklist', {
        ...calculated,
        picklistValues: picklist(['Regular', 'Group', 'Profile', 'Session', 'Standard'])
      }),
      field('HasActivationRequired', 'Session Activation Required', 'boolean', {
        nillable: false,
        defaultValue: false
      }),
      field('LicenseId', 'License ID', 'string', { length: 18 }),
      field('PermissionSetGroupId', 'Permission Set Group ID', 'string', { length: 18, ...calculated })
    ]
  );
}

function permissionSetAssignment(): ObjectSchema {
  return standardObject(
    {
      name: 'PermissionSetAssignment',
      label: 'Permission Set Assignment',
      labelPlural: 'Permission Set Assignments',
      keyPrefix: '0Pa'
    },
    [
      // The platform keeps no created/modified audit on assignments: Id and SystemModstamp only.
      ...systemFields({ owner: false }).filter((f) => f.name === 'Id' || f.name === 'SystemModstamp'),
      reference('AssigneeId', 'Assignee ID', 'User', 'Assignee', {
        nillable: false,
        childRelationshipName: 'PermissionSetAssignments'
      }),
      reference('PermissionSetId', 'Permission Set ID', 'PermissionSet', 'PermissionSet', {
        nillable: false,
        childRelationshipName: 'Assignments'
      }),
      field('PermissionSetGroupId', 'Permission Set Group ID', 'string', { length: 18 }),
      field('ExpirationDate', 'Expiration Date', 'datetime'),
      field('IsActive', 'Is Active', 'boolean', { calculated: true, nillable: false }),
      field('IsRevoked', 'Is Revoked', 'boolean', { nillable: false, defaultValue: false })
    ]
  );
}

/**
 * Apex classes as records: what the Tooling API (and REST) query reads. Written only by Metadata API deploys, as on
 * the platform's production orgs; the local org stores the source and never compiles or runs it.
 */
function apexClass(): ObjectSchema {
  const calculated: FieldOptions = { calculated: true };
  return standardObject(
    { name: 'ApexClass', label: 'Apex Class', labelPlural: 'Apex Classes', keyPrefix: '01p' },
    [
      ...systemFields({ owner: false, deleted: false }),
      field('Name', 'Name', 'string', { length: 255, nillable: false, ...calculated }),
      field('NamespacePrefix', 'Namespace Prefix', 'string', { length: 15, ...calculated }),
      field('ApiVersion', 'Api Version', 'double', { precision: 18, scale: 1, ...calculated }),
      field('Status', 'Status', 'picklist', {
        ...calculated,
        picklistValues: picklist(['Inactive', 'Active', 'Deleted'])
      }),
      field('IsValid', 'Is Valid', 'boolean', { ...calculated, nillable: false }),
      field('Body', 'Body', 'textarea', { length: 1000000, ...calculated }),
      field('LengthWithoutComments', 'Size Without Comments', 'int', { precision: 9, scale: 0, ...calculated }),
      field('ManageableState', 'Manageable State', 'picklist', {
        ...calculated,
        picklistValues: picklist(['unmanaged', 'installed', 'released', 'deleted'])
      })
    ],
    READ_ONLY_OBJECT
  );
}

/** Task statuses; Completed closes the task (IsClosed), as the default TaskStatus values do. */
export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const CLOSED_TASK_STATUSES = new Set(['Completed']);

/** Whether a task status closes the task (what the platform derives into IsClosed). */
export const isClosedTaskStatus = (status: unknown): boolean =>
  typeof status === 'string' && CLOSED_TASK_STATUSES.has(status);

/** The objects a task's WhatId may point at before any deploy; custom objects with activities are added on deploy. */
export const TASK_WHAT_OBJECTS = ['Account', 'Opportunity'];

/**
 * Task.WhatId is polymorphic: Account, Opportunity and every object with activities enabled, kept in step with the
 * schema as the platform keeps it (a deploy that enables activities, or deletes such an object, changes it).
 */
export function linkTaskWhat(schema: Map<string, ObjectSchema>): void {
  const task = schema.get('Task');
  if (!task) return;
  const targets = [
    ...TASK_WHAT_OBJECTS,
    ...[...schema.values()].filter((o) => o.enableActivities && schema.has(o.name)).map((o) => o.name)
  ];
  schema.set('Task', {
    ...task,
    fields: task.fields.map((f) => (f.name === 'WhatId' ? { ...f, referenceTo: [...new Set(targets)] } : f))
  });
}

function task(): ObjectSchema {
  return standardObject({ name: 'Task', label: 'Task', labelPlural: 'Tasks', keyPrefix: '00T' }, [
    ...systemFields({ owner: true }),
    field('Subject', 'Subject', 'string', { length: 255 }),
    field('ActivityDate', 'Due Date Only', 'date'),
    field('Status', 'Status', 'picklist', {
      nillable: false,
      restrictedPicklist: true,
      picklistValues: picklist(TASK_STATUSES, 'Not Started')
    }),
    field('Priority', 'Priority', 'picklist', {
      nillable: false,
      restrictedPicklist: true,
      picklistValues: picklist(['High', 'Normal', 'Low'], 'Normal')
    }),
    // Polymorphic: the "related to" record, any object with activities enabled.
    reference('WhatId', 'Related To ID', [...TASK_WHAT_OBJECTS], 'What', { childRelationshipName: 'Tasks' }),
    reference('WhoId', 'Name ID', 'Contact', 'Who', { childRelationshipName: 'Tasks' }),
    field('Description', 'Comments', 'textarea', { length: 32000 }),
    field('IsClosed', 'Closed', 'boolean', { calculated: true, nillable: false, defaultValue: false })
  ]);
}

/** Standard objects added after the first version, so an org whose store predates them gains them on start. */
export const SETUP_OBJECTS = ['Profile', 'PermissionSet', 'PermissionSetAssignment', 'ApexClass', 'Task'];

export function standardObjects(): ObjectSchema[] {
  return [
    account(),
    contact(),
    opportunity(),
    user(),
    organization(),
    profile(),
    permissionSet(),
    permissionSetAssignment(),
    apexClass(),
    task()
  ];
}

/**
 * Combinations of fields the platform keeps unique on a standard object, beyond single unique fields, with the error it
 * answers. A user holds a permission set once; a permission set name is unique in its namespace.
 */
export const UNIQUE_TOGETHER: Record<
  string,
  Array<{ fields: string[]; statusCode: string; message: (record: Record<string, unknown>, other: string) => string }>
> = {
  PermissionSetAssignment: [
    {
      fields: ['AssigneeId', 'PermissionSetId'],
      statusCode: 'DUPLICATE_VALUE',
      message: (r) =>
        `Duplicate PermissionSetAssignment. Assignee: ${String(r.AssigneeId)}, PermissionSet: ${String(r.PermissionSetId)}`
    }
  ],
  PermissionSet: [
    {
      fields: ['Name', 'NamespacePrefix'],
      statusCode: 'DUPLICATE_DEVELOPER_NAME',
      message: (r) => `The API name '${String(r.Name)}' is already in use by another permission set.`
    }
  ]
};

/**
 * Adds the fields the platform gives every custom object or custom metadata type and that a deploy does not spell
 * out (Id, Name, owner, audit fields; DeveloperName, MasterLabel, QualifiedApiName for __mdt). Idempotent.
 */
export function completeObject(object: ObjectSchema): ObjectSchema {
  const has = new Set(object.fields.map((f) => f.name));
  const extra: FieldSchema[] = [];
  const add = (f: FieldSchema): void => {
    if (!has.has(f.name)) extra.push(f);
  };
  if (object.customMetadata) {
    add(field('Id', 'Record ID', 'id', { nillable: false, length: 18 }));
    add(field('DeveloperName', 'Custom Metadata Record Name', 'string', { length: 40, nillable: false }));
    add(field('MasterLabel', 'Label', 'string', { length: 40, nillable: false }));
    add(field('Label', 'Label', 'string', { length: 40, nillable: false }));
    add(field('Language', 'Master Language', 'picklist', { picklistValues: picklist(['en_US']) }));
    add(field('NamespacePrefix', 'Namespace Prefix', 'string', { length: 15 }));
    add(field('QualifiedApiName', 'Qualified API Name', 'string', { length: 70, nillable: false }));
    add(field('SystemModstamp', 'System Modstamp', 'datetime', { nillable: false }));
  } else if (object.custom) {
    const masterDetail = object.fields.some((f) => f.masterDetail);
    for (const f of systemFields({ owner: !masterDetail })) add(f);
    add(field('Name', `${object.label} Name`, 'string', { length: 80, nillable: true }));
  }
  return extra.length ? { ...object, fields: [...extra, ...object.fields] } : object;
}
