// The local org's HTTP server on 127.0.0.1: bearer-token auth, the REST API, the Metadata API (SOAP) route,
// the Sforce-Limit-Info header, request counters by endpoint and fault injection for tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FieldSchema, ObjectSchema } from './schema';
import type { MetadataHost, SchemaChange } from './metadata/host';
import { MetadataApi, soapFault } from './metadata';
import { toApexClassRecord } from './metadata/deploy';
import type { XmlObject } from './metadata/xml';
import { creationAudit, formatDateTime, Store, writeFileAtomic, type ObjectState, type SObjectRecord } from './store';
import { makeId, toId18 } from './ids';
import { linkTaskWhat, SETUP_OBJECTS, standardObjects } from './standardObjects';
import { RestApi, DAILY_API_LIMIT, isSupportedVersion, versions } from './rest/api';
import { ApiError, notFound, type ApiResponse, type RecordFaultHook } from './rest/errors';
import { UserAccess } from './access/userAccess';
import { PROFILE_NAMES } from './access/grants';
import { Sessions } from './access/sessions';

export type FaultKind = '500' | '503' | 'UNABLE_TO_LOCK_ROW' | 'REQUEST_LIMIT_EXCEEDED' | 'INVALID_SESSION_ID';

/**
 * Which requests (or records) fail and how: every match, or `times` of them after letting `skip` through.
 *
 * `scope: 'request'` (the default) fails whole HTTP requests. `scope: 'record'` fails single records inside any write
 * (sObject Collections, a composite subrequest, a single-record call) the way the platform reports a lock on one row:
 * that row answers `success: false` with `UNABLE_TO_LOCK_ROW`, the others are written (unless allOrNone). For record
 * rules `skip` and `times` count records, and method/path/endpoint, when given, filter the HTTP request they arrive in.
 */
export interface FaultRule {
  fault?: FaultKind;
  /** Another name for `fault`. */
  kind?: FaultKind;
  scope?: 'request' | 'record';
  /** Record scope: which records. All given parts must match; none given matches every record written. */
  match?: {
    /** Object API name (any case). */
    object?: string;
    /** An external ID value the write names: the upsert key, or an external ID field in the record body. */
    externalId?: string;
    /** The record's Id (updates and deletes). */
    id?: string;
  };
  /** HTTP method, e.g. PATCH. */
  method?: string;
  /** A substring of, or a pattern for, the request path (e.g. '/composite/sobjects'). */
  path?: string | RegExp;
  /** A counter key, e.g. 'PATCH /composite/sobjects/{type}/{field}'. */
  endpoint?: string;
  /** How many matching requests (records) fail (default: every one until cleared). */
  times?: number;
  /** How many matching requests (records) pass before failures start (default 0). */
  skip?: number;
}

const FAULT_KINDS: FaultKind[] = ['500', '503', 'UNABLE_TO_LOCK_ROW', 'REQUEST_LIMIT_EXCEEDED', 'INVALID_SESSION_ID'];

/** The rule with `fault` filled in, or what is wrong with it. */
function normaliseRule(input: FaultRule): FaultRule | string {
  const rule = { ...input, fault: input.fault ?? input.kind };
  if (!rule.fault || !FAULT_KINDS.includes(rule.fault)) return `fault must be one of ${FAULT_KINDS.join(', ')}`;
  if (rule.scope !== undefined && rule.scope !== 'request' && rule.scope !== 'record')
    return "scope must be 'request' or 'record'";
  if (rule.scope === 'record' && rule.fault !== 'UNABLE_TO_LOCK_ROW')
    return 'a record-scoped fault can only be UNABLE_TO_LOCK_ROW: the other faults fail whole requests';
  if (rule.match !== undefined && rule.scope !== 'record') return "match needs scope: 'record'";
  return rule;
}

export interface LocalOrgOptions {
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  reset?: boolean;
  /** Daily API request limit reported in Sforce-Limit-Info and /limits (default 15,000). */
  apiLimit?: number;
  /** fsync every commit (default true). */
  durable?: boolean;
  /** Bulk API 2.0 query jobs: how many reads of a new job answer InProgress before it runs (default 0). */
  bulkQueryInProgressReads?: number;
}

export interface LocalOrg {
  instanceUrl: string;
  /** The admin's token (System Administrator: View All Data, Modify All Data). */
  accessToken: string;
  /**
   * A token for the user with this Username (created through the API, e.g. POST sobjects/User with a ProfileId),
   * issued once and listed in org.json; `POST /__localorg/login {"username"}` does the same over HTTP.
   */
  login(username: string): { userId: string; accessToken: string };
  close(): Promise<void>;
  faults: { inject(rule: FaultRule): void; clear(): void };
  counters(): Record<string, number>;
  store: Store;
  /** What a Metadata API deploy does to the schema, for tests and tools that skip the SOAP round trip. */
  applySchemaChange(change: SchemaChange): void;
}

interface ActiveFault {
  rule: FaultRule;
  seen: number;
  failed: number;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const LOCK_MESSAGE = 'unable to obtain exclusive access to this record or 1 records';

function invalidSession(): ApiResponse {
  return { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
}

/** The 401/403/503/lock answers of an injected fault, in the shape the endpoint would really give. */
function faultResponse(
  kind: FaultKind,
  method: string,
  apiPath: string,
  body: unknown,
  query: URLSearchParams
): ApiResponse {
  switch (kind) {
    case '500':
      // What the platform answers when a request breaks inside it (the body it gives, an ErrorId to quote).
      return {
        status: 500,
        body: [
          {
            message:
              'An unexpected error occurred. Please include this ErrorId if you contact support: 0000000000-00000 (0)',
            errorCode: 'UNKNOWN_EXCEPTION'
          }
        ]
      };
    case '503':
      return {
        status: 503,
        body: [{ message: 'Service temporarily unavailable, please retry', errorCode: 'SERVER_UNAVAILABLE' }]
      };
    case 'REQUEST_LIMIT_EXCEEDED':
      return { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] };
    case 'INVALID_SESSION_ID':
      return invalidSession();
    case 'UNABLE_TO_LOCK_ROW': {
      const message = LOCK_MESSAGE;
      if (/^\/composite\/sobjects/.test(apiPath) && method !== 'GET') {
        const records = (body as { records?: unknown[] } | undefined)?.records;
        const count = Array.isArray(records)
          ? records.length
          : (query.get('ids') ?? '').split(',').filter(Boolean).length;
        return {
          status: 200,
          body: Array.from({ length: count }, () => ({
            success: false,
            errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message, fields: [] }]
          }))
        };
      }
      return { status: 400, body: [{ message, errorCode: 'UNABLE_TO_LOCK_ROW', fields: [] }] };
    }
  }
}

function readRequestBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function bearer(request: http.IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header) : null;
  return match?.[1].trim();
}

/** Implements the Metadata API's view of the org: schema swaps, custom metadata records, its own state file. */
class Host implements MetadataHost {
  constructor(
    private readonly store: Store,
    private readonly access: (token: string) => UserAccess | undefined,
    private readonly count: (endpoint: string) => void
  ) {}

  isValidSession(token: string): boolean {
    return this.access(token) !== undefined;
  }

  canUseMetadataApi(token: string): boolean {
    const access = this.access(token);
    return Boolean(access && (access.has('ModifyAllData') || access.has('ModifyMetadata')));
  }

  schema(): Map<string, ObjectSchema> {
    return this.store.schema();
  }

  applySchemaChange(change: SchemaChange): void {
    const current = this.store.schema();
    const next = new Map<string, ObjectSchema>(current);
    for (const incoming of change.upsertObjects) {
      const existing = current.get(incoming.name);
      if (existing && !existing.custom && !existing.customMetadata) {
        const custom = incoming.fields.filter((f) => f.custom);
        const names = new Set(custom.map((f) => f.name));
        // Standard objects keep their own fields; the deploy's custom fields, validation rules and org-wide
        // default merge in.
        next.set(existing.name, {
          ...existing,
          fields: [...existing.fields.filter((f) => !names.has(f.name)), ...custom],
          ...(incoming.validationRules ? { validationRules: incoming.validationRules } : {}),
          ...(incoming.sharingModel ? { sharingModel: incoming.sharingModel } : {})
        });
      } else {
        next.set(incoming.name, {
          ...incoming,
          keyPrefix: existing?.keyPrefix || incoming.keyPrefix || this.freePrefix(next)
        });
      }
    }
    for (const { object, field } of change.deleteFields) {
      // Checked against the org before this deploy: the same deploy may upsert the object without the field.
      const before = current.get(object);
      if (!before || !before.fields.some((f) => f.name === field))
        throw new Error(`CustomField ${object}.${field}: not found`);
      if (!field.endsWith('__c')) throw new Error(`CustomField ${object}.${field}: only custom fields can be deleted`);
      const schema = next.get(object) ?? before;
      next.set(object, { ...schema, fields: schema.fields.filter((f) => f.name !== field) });
    }
    for (const name of change.deleteObjects) {
      const schema = next.get(name);
      if (!schema) throw new Error(`CustomObject ${name}: not found`);
      if (!schema.custom && !schema.customMetadata)
        throw new Error(`CustomObject ${name}: standard objects cannot be deleted`);
      next.delete(name);
    }
    linkTaskWhat(next);
    this.validate(next);
    this.store.replaceSchema([...next.values()], (staged) => {
      this.applyCustomMetadata(staged, change);
      this.applyPermissionSets(staged, change);
      applyApexClasses(staged, this.store, change);
    });
  }

  /** Deployed PermissionSet components are PermissionSet records too (Name = fullName), so they can be assigned. */
  private applyPermissionSets(staged: Map<string, ObjectState>, change: SchemaChange): void {
    const sets = staged.get('PermissionSet');
    const assignments = staged.get('PermissionSetAssignment');
    if (!sets) return;
    const now = formatDateTime(new Date());
    const byName = (name: string): SObjectRecord | undefined =>
      [...sets.records.values()].find((r) => r.Name === name && !r.NamespacePrefix && !r.IsOwnedByProfile);
    for (const name of change.deletePermissionSets ?? []) {
      const record = byName(name);
      if (!record) continue;
      // Deleting a permission set takes it away from everyone who held it.
      for (const [id, a] of assignments?.records ?? []) {
        if (a.PermissionSetId === record.Id) assignments?.records.delete(id);
      }
      sets.records.delete(String(record.Id));
    }
    for (const item of change.upsertPermissionSets ?? []) {
      const existing = byName(item.name);
      const values = {
        Name: item.name,
        Label: item.label,
        Description: item.description ?? null,
        HasActivationRequired: item.hasActivationRequired,
        LastModifiedDate: now,
        LastModifiedById: this.store.userId,
        SystemModstamp: now
      };
      const record: SObjectRecord = existing
        ? { ...existing, ...values }
        : {
            Id: makeId(sets.schema.keyPrefix, this.store.nextCounter()),
            CreatedDate: now,
            CreatedById: this.store.userId,
            NamespacePrefix: null,
            IsOwnedByProfile: false,
            ProfileId: null,
            IsCustom: true,
            Type: 'Regular',
            LicenseId: null,
            PermissionSetGroupId: null,
            ...values
          };
      sets.records.set(String(record.Id), record);
    }
  }

  private freePrefix(objects: Map<string, ObjectSchema>): string {
    const used = new Set([...objects.values()].map((o) => o.keyPrefix));
    for (let n = 1; n < 36 * 36; n++) {
      const prefix = `a${n.toString(36).padStart(2, '0').toUpperCase()}`;
      if (!used.has(prefix)) return prefix;
    }
    throw new Error('No free key prefix');
  }

  private validate(objects: Map<string, ObjectSchema>): void {
    const prefixes = new Map<string, string>();
    for (const object of objects.values()) {
      if (!/^[a-zA-Z0-9]{3}$/.test(object.keyPrefix))
        throw new Error(`CustomObject ${object.name}: invalid key prefix ${object.keyPrefix}`);
      const other = prefixes.get(object.keyPrefix);
      if (other)
        throw new Error(`CustomObject ${object.name}: key prefix ${object.keyPrefix} is already used by ${other}`);
      prefixes.set(object.keyPrefix, object.name);
      const names = new Set<string>();
      for (const field of object.fields) {
        const lower = field.name.toLowerCase();
        if (names.has(lower)) throw new Error(`CustomField ${object.name}.${field.name}: duplicate field`);
        names.add(lower);
        this.validateField(objects, object, field);
      }
    }
  }

  private validateField(objects: Map<string, ObjectSchema>, object: ObjectSchema, field: FieldSchema): void {
    if (field.type !== 'reference') return;
    for (const target of field.referenceTo ?? []) {
      if (!objects.has(target)) {
        throw new Error(
          `CustomField ${object.name}.${field.name}: referenceTo value of '${target}' does not resolve to a valid sObject type`
        );
      }
    }
  }

  private applyCustomMetadata(staged: Map<string, ObjectState>, change: SchemaChange): void {
    const now = formatDateTime(new Date());
    for (const full of change.deleteCustomMetadata) {
      const [type, developerName] = full.split('.');
      const state = staged.get(type);
      if (!state) throw new Error(`CustomMetadata ${full}: type ${type} not found`);
      for (const [id, record] of state.records) if (record.DeveloperName === developerName) state.records.delete(id);
    }
    for (const item of change.upsertCustomMetadata) {
      const state = staged.get(item.type);
      const label = `CustomMetadata ${item.type.replace(/__mdt$/, '')}.${item.developerName}`;
      if (!state || !state.schema.customMetadata)
        throw new Error(`${label}: ${item.type} is not a custom metadata type`);
      const existing = [...state.records.values()].find((r) => r.DeveloperName === item.developerName);
      const record: SObjectRecord = {
        Id: existing?.Id ?? makeId(state.schema.keyPrefix, this.store.nextCounter()),
        DeveloperName: item.developerName,
        MasterLabel: item.label,
        Label: item.label,
        Language: 'en_US',
        NamespacePrefix: null,
        QualifiedApiName: item.developerName,
        SystemModstamp: now
      };
      for (const [key, value] of Object.entries(item.values)) {
        const field = state.fieldsByLower.get(key.toLowerCase());
        if (!field) throw new Error(`${label}: ${item.type} has no field ${key}`);
        record[field.name] = value;
      }
      state.records.set(String(record.Id), record);
    }
  }

  records(name: string): Array<Record<string, unknown>> {
    const state = this.store.findObject(name);
    return state ? [...state.records.values()].map((r) => ({ ...r })) : [];
  }

  private statePath(): string {
    return path.join(this.store.dataDir, 'metadataState.json');
  }

  loadMetadataState(): unknown {
    return fs.existsSync(this.statePath())
      ? (JSON.parse(fs.readFileSync(this.statePath(), 'utf8')) as unknown)
      : undefined;
  }

  saveMetadataState(state: unknown): void {
    writeFileAtomic(this.statePath(), JSON.stringify(state));
  }

  countRequest(endpoint: string): void {
    this.count(`POST ${endpoint}`);
  }
}

/**
 * Gives the org its Setup objects and records: Profile, PermissionSet, PermissionSetAssignment, the standard profiles
 * (System Administrator, the admin's; Standard User; Minimum Access - Salesforce), the permission set each profile
 * owns and the admin's assignment to its own, as every org has. Orgs whose store was made before these objects or
 * profiles existed get them on start; custom fields stay.
 */
function ensureSetup(store: Store): void {
  const schema = store.schema();
  const standard = new Map(standardObjects().map((o) => [o.name, o]));
  const user = schema.get('User');
  const userProfile = user?.fields.find((f) => f.name === 'ProfileId');
  const staleUser = userProfile?.type !== 'reference' || userProfile.nillable || user?.createable === false;
  if (SETUP_OBJECTS.some((name) => !schema.has(name)) || staleUser) {
    const next = new Map(schema);
    for (const name of SETUP_OBJECTS) if (!next.has(name)) next.set(name, standard.get(name)!);
    if (user) {
      const standardUser = standard.get('User')!;
      next.set('User', { ...standardUser, fields: [...standardUser.fields, ...user.fields.filter((f) => f.custom)] });
    }
    store.replaceSchema([...next.values()]);
  }
  const existing = new Set([...store.object('Profile').records.values()].map((p) => String(p.Name)));
  const missing = PROFILE_NAMES.filter((name) => !existing.has(name));
  if (!missing.length) return;
  const now = formatDateTime(new Date());
  const audit = creationAudit(store.userId, now);
  store.transact((tx) => {
    for (const name of missing) {
      const profileId = store.newId('Profile');
      store.put(tx, 'Profile', {
        Id: profileId,
        ...audit,
        Name: name,
        Description: null,
        UserType: 'Standard',
        UserLicenseId: null
      });
      const ownedId = store.newId('PermissionSet');
      store.put(tx, 'PermissionSet', {
        Id: ownedId,
        ...audit,
        Name: `X${profileId.slice(0, 15)}`,
        Label: name,
        Description: null,
        NamespacePrefix: null,
        IsOwnedByProfile: true,
        ProfileId: profileId,
        IsCustom: false,
        Type: 'Profile',
        HasActivationRequired: false,
        LicenseId: null,
        PermissionSetGroupId: null
      });
      const admin = store.get('User', store.userId);
      if (admin && name === 'System Administrator') {
        store.put(tx, 'User', { ...admin, ProfileId: profileId });
        store.put(tx, 'PermissionSetAssignment', {
          Id: store.newId('PermissionSetAssignment'),
          SystemModstamp: now,
          AssigneeId: store.userId,
          PermissionSetId: ownedId,
          PermissionSetGroupId: null,
          ExpirationDate: null,
          IsActive: true,
          IsRevoked: false
        });
      }
    }
  });
}

/** Deployed ApexClass components are ApexClass records (Name = fullName), for the Tooling API and REST query. */
function applyApexClasses(
  staged: Map<string, ObjectState>,
  store: Store,
  change: Pick<SchemaChange, 'upsertApexClasses' | 'deleteApexClasses'>
): void {
  const classes = staged.get('ApexClass');
  if (!classes) return;
  const now = formatDateTime(new Date());
  const byName = (name: string): SObjectRecord | undefined =>
    [...classes.records.values()].find((r) => r.Name === name && !r.NamespacePrefix);
  for (const name of change.deleteApexClasses ?? []) {
    const record = byName(name);
    if (record) classes.records.delete(String(record.Id));
  }
  for (const item of change.upsertApexClasses ?? []) {
    const existing = byName(item.name);
    const values = {
      Name: item.name,
      ApiVersion: item.apiVersion,
      Status: item.status,
      IsValid: true,
      Body: item.body,
      LengthWithoutComments: item.body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').length,
      LastModifiedDate: now,
      LastModifiedById: store.userId,
      SystemModstamp: now
    };
    const record: SObjectRecord = existing
      ? { ...existing, ...values }
      : {
          Id: makeId(classes.schema.keyPrefix, store.nextCounter()),
          CreatedDate: now,
          CreatedById: store.userId,
          NamespacePrefix: null,
          ManageableState: 'unmanaged',
          ...values
        };
    classes.records.set(String(record.Id), record);
  }
}

/**
 * ApexClass records for classes deployed before the org kept them (a store older than the ApexClass object): read
 * back from the Metadata API's stored components once, on start.
 */
function backfillApexClasses(store: Store, host: Host): void {
  if (store.object('ApexClass').records.size > 0) return;
  const state = host.loadMetadataState() as
    { components?: Record<string, Record<string, { fullName: string; metadata: XmlObject }>> } | undefined;
  const stored = Object.values(state?.components?.ApexClass ?? {});
  if (!stored.length) return;
  store.replaceSchema([...store.schema().values()], (staged) =>
    applyApexClasses(staged, store, {
      upsertApexClasses: stored.map((c) => toApexClassRecord(c.fullName, c.metadata))
    })
  );
}

export async function startLocalOrg(options: LocalOrgOptions): Promise<LocalOrg> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  if (options.reset) fs.rmSync(path.join(dataDir, 'metadataState.json'), { force: true });
  const store = new Store({ dataDir, reset: options.reset, durable: options.durable });
  ensureSetup(store);
  const saved = Sessions.read(dataDir, options.reset);
  const accessToken = saved?.accessToken ?? Sessions.newToken(store);
  const sessions = new Sessions(store, path.join(dataDir, 'org.json'), accessToken, saved);
  const apiLimit = options.apiLimit ?? DAILY_API_LIMIT;
  const counts = new Map<string, number>();
  let usage = 0;
  const count = (endpoint: string): void => {
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
    usage++;
  };
  const faults: ActiveFault[] = [];
  /** The HTTP request being handled, for record rules that filter on it (handlers run synchronously). */
  let current: { method: string; fullPath: string; endpoint: string } | undefined;
  const requestMatches = (rule: FaultRule, method: string, fullPath: string, endpoint: string): boolean =>
    (!rule.method || rule.method.toUpperCase() === method) &&
    (!rule.endpoint || rule.endpoint === endpoint) &&
    (!rule.path || (typeof rule.path === 'string' ? fullPath.includes(rule.path) : rule.path.test(fullPath)));
  const recordFault: RecordFaultHook = (target) => {
    for (const active of faults) {
      const { rule } = active;
      if (rule.scope !== 'record') continue;
      if (current && !requestMatches(rule, current.method, current.fullPath, current.endpoint)) continue;
      const match = rule.match ?? {};
      if (match.object && match.object.toLowerCase() !== target.object.toLowerCase()) continue;
      if (match.externalId !== undefined && !target.externalIds.includes(match.externalId)) continue;
      if (match.id && (!target.id || toId18(match.id) !== toId18(target.id))) continue;
      active.seen++;
      if (active.seen <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && active.failed >= rule.times) continue;
      active.failed++;
      return { statusCode: 'UNABLE_TO_LOCK_ROW', message: LOCK_MESSAGE, fields: [] };
    }
    return undefined;
  };
  const addFault = (input: FaultRule): FaultRule => {
    const rule = normaliseRule(input);
    if (typeof rule === 'string') throw new ApiError(400, 'INVALID_INPUT', rule);
    faults.push({ rule, seen: 0, failed: 0 });
    return rule;
  };
  const api = new RestApi(store, () => usage, recordFault, { inProgressReads: options.bulkQueryInProgressReads });
  // The deployed PermissionSet files hold what each set grants; the access of a request is built from them.
  const permissionSetFile = (name: string) => metadata.storedMetadata('PermissionSet', name);
  const accessOf = (token: string | undefined): UserAccess | undefined => {
    const userId = sessions.userFor(token);
    return userId ? UserAccess.of(store, userId, permissionSetFile) : undefined;
  };
  const host = new Host(store, accessOf, count);
  backfillApexClasses(store, host);
  const metadata = new MetadataApi(host);
  const login = (username: string): { userId: string; accessToken: string } => {
    const user = [...store.object('User').records.values()].find(
      (u) => String(u.Username).toLowerCase() === username.toLowerCase()
    );
    if (!user) throw new ApiError(404, 'NOT_FOUND', `No user with the username ${username}`);
    if (user.IsActive === false) throw new ApiError(400, 'INACTIVE_OWNER_OR_USER', `The user ${username} is inactive`);
    return { userId: String(user.Id), accessToken: sessions.tokenFor(String(user.Id)) };
  };
  let instanceUrl = '';

  const matchFault = (method: string, fullPath: string, endpoint: string): FaultKind | undefined => {
    for (const active of faults) {
      const { rule } = active;
      if (rule.scope === 'record' || !requestMatches(rule, method, fullPath, endpoint)) continue;
      active.seen++;
      if (active.seen <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && active.failed >= rule.times) continue;
      active.failed++;
      return rule.fault!;
    }
    return undefined;
  };

  const handle = async (
    request: http.IncomingMessage
  ): Promise<{ status: number; body: string; type: string; headers?: Record<string, string> }> => {
    const method = (request.method ?? 'GET').toUpperCase();
    // `sf org login access-token` stores the instance URL with a trailing slash: //services/... must work (and must
    // not parse as a protocol-relative URL).
    const url = new URL((request.url ?? '/').replace(/^\/{2,}/, '/'), 'http://127.0.0.1');
    const fullPath = url.pathname.replace(/\/{2,}/g, '/');
    const text = await readRequestBody(request);
    const json = (
      response: ApiResponse
    ): { status: number; body: string; type: string; headers?: Record<string, string> } => ({
      status: response.status,
      body: response.csv ?? (response.body === undefined ? '' : JSON.stringify(response.body)),
      type: response.csv === undefined ? JSON_TYPE : 'text/csv',
      headers: response.headers
    });

    const soap = /^\/services\/Soap\/([mus])\/(\d+\.\d+)\/?/.exec(fullPath);
    if (soap && method === 'POST') {
      const xml = (response: { status: number; body: string }) => ({
        status: response.status,
        body: response.body,
        type: 'text/xml;charset=UTF-8'
      });
      // The session is checked first, as the platform does: an injected fault never answers an unauthenticated call.
      const checked = metadata.authenticate(text);
      if ('refused' in checked) return xml(checked.refused);
      const fault = matchFault(method, fullPath, `POST /services/Soap/${soap[1]}`);
      if (fault) {
        const message = (
          faultResponse(fault, method, '', undefined, url.searchParams).body as Array<{ message: string }>
        )[0].message;
        if (fault === '503') return xml({ status: 503, body: 'Service Unavailable' });
        return xml(soapFault(fault === '500' ? 'UNKNOWN_EXCEPTION' : fault, message));
      }
      if (soap[1] === 'u') {
        return xml(soapFault('UNKNOWN_EXCEPTION', 'The partner SOAP API is not available in the local org'));
      }
      if (soap[1] === 's') {
        // The Apex SOAP API (executeAnonymous, `sf apex run`): the local org stores Apex but never runs it.
        return xml(
          soapFault(
            'FUNCTIONALITY_NOT_ENABLED',
            'Executing anonymous Apex is not supported by the local org: it runs no Apex'
          )
        );
      }
      return xml(await metadata.run(checked.envelope));
    }

    const versioned = /^\/services\/data\/v([^/]+)(\/.*)?$/.exec(fullPath);
    const apiPath = versioned ? (versioned[2] ?? '/') : fullPath;
    const endpoint = versioned ? RestApi.endpoint(method, apiPath) : `${method} ${fullPath.replace(/\/$/, '') || '/'}`;
    let body: unknown;
    const parseBody = (): ApiResponse | undefined => {
      if (!text) return undefined;
      // Bulk API 2.0 uploads are CSV, handed to the endpoint as text.
      if (/^text\/csv/i.test(request.headers['content-type'] ?? '')) {
        body = text;
        return undefined;
      }
      try {
        body = JSON.parse(text);
      } catch (error) {
        return {
          status: 400,
          body: [{ message: `Unexpected character: ${(error as Error).message}`, errorCode: 'JSON_PARSER_ERROR' }]
        };
      }
      return undefined;
    };
    const injected = (): ReturnType<typeof json> | undefined => {
      const fault = matchFault(method, fullPath, endpoint);
      if (!fault) return undefined;
      parseBody();
      return json(faultResponse(fault, method, apiPath, body, url.searchParams));
    };

    if (fullPath === '/services/data' || fullPath === '/services/data/') {
      count(endpoint);
      return injected() ?? json({ status: 200, body: versions() });
    }
    if (fullPath === '/services/oauth2/token') {
      return json({
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          error_description: 'the local org issues no tokens: use the access token in org.json'
        }
      });
    }
    // The token is checked before any injected fault answers, as the platform authenticates before it serves.
    const access = accessOf(bearer(request));
    if (!access) return json(invalidSession());
    count(endpoint);
    const fault = injected();
    if (fault) return fault;
    if (usage > apiLimit) {
      return json({
        status: 403,
        body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]
      });
    }
    const invalid = parseBody();
    if (invalid) return json(invalid);

    if (versioned) {
      if (!isSupportedVersion(versioned[1])) return json({ status: 404, body: notFound().body() });
      current = { method, fullPath, endpoint };
      try {
        return json(
          api.handle({ method, path: apiPath, query: url.searchParams, body, version: versioned[1], access })
        );
      } finally {
        current = undefined;
      }
    }
    if (fullPath === '/services/oauth2/userinfo') return json({ status: 200, body: userInfo(access.userId) });
    if (fullPath === '/__localorg/login' && method === 'POST') {
      if (!access.has('ManageUsers')) {
        return json({
          status: 403,
          body: [{ message: 'only a user with Manage Users issues tokens', errorCode: 'INSUFFICIENT_ACCESS' }]
        });
      }
      const username = (body as { username?: unknown } | undefined)?.username;
      if (typeof username !== 'string' || !username) {
        return json({ status: 400, body: [{ message: 'username is required', errorCode: 'INVALID_INPUT' }] });
      }
      try {
        return json({ status: 200, body: { instanceUrl, username, ...login(username) } });
      } catch (error) {
        if (error instanceof ApiError) return json({ status: error.status, body: error.body() });
        throw error;
      }
    }
    if (fullPath === '/__localorg/counters' && method === 'GET')
      return json({ status: 200, body: Object.fromEntries(counts) });
    if (fullPath === '/__localorg/faults') {
      if (method === 'DELETE') {
        faults.length = 0;
        return json({ status: 204 });
      }
      if (method === 'POST') {
        try {
          return json({ status: 201, body: addFault((body ?? {}) as FaultRule) });
        } catch (error) {
          if (error instanceof ApiError) return json({ status: error.status, body: error.body() });
          throw error;
        }
      }
    }
    return json({ status: 404, body: notFound().body() });
  };

  const userInfo = (userId: string): Record<string, unknown> => {
    const user = store.get('User', userId) ?? {};
    const base = `${instanceUrl}/services`;
    const urlFor = (kind: string): string => `${base}/${kind}`;
    return {
      sub: `${instanceUrl}/id/${store.orgId}/${userId}`,
      user_id: userId,
      organization_id: store.orgId,
      preferred_username: user.Username,
      nickname: user.Alias,
      name: user.Name,
      email: user.Email,
      email_verified: true,
      given_name: user.FirstName,
      family_name: user.LastName,
      zoneinfo: user.TimeZoneSidKey,
      active: true,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      updated_at: user.LastModifiedDate,
      is_app_installed: true,
      urls: {
        enterprise: urlFor('Soap/c/{version}/' + store.orgId),
        metadata: urlFor('Soap/m/{version}/' + store.orgId),
        partner: urlFor('Soap/u/{version}/' + store.orgId),
        rest: urlFor('data/v{version}/'),
        sobjects: urlFor('data/v{version}/sobjects/'),
        search: urlFor('data/v{version}/search/'),
        query: urlFor('data/v{version}/query/'),
        profile: `${instanceUrl}/${userId}`,
        id: `${instanceUrl}/id/${store.orgId}/${userId}`
      }
    };
  };

  const server = http.createServer((request, response) => {
    handle(request)
      .then((result) => {
        response.writeHead(result.status, {
          'Content-Type': result.type,
          'Sforce-Limit-Info': `api-usage=${usage}/${apiLimit}`,
          ...(result.headers ?? {})
        });
        response.end(result.status === 204 ? undefined : result.body);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'Content-Type': JSON_TYPE, 'Sforce-Limit-Info': `api-usage=${usage}/${apiLimit}` });
        response.end(JSON.stringify([{ message: (error as Error).message, errorCode: 'UNKNOWN_EXCEPTION' }]));
      });
  });
  // Idle keep-alive sockets stay open longer than clients keep them (undici: 4 s, sf CLI polls every few seconds), as
  // the platform's front end does; Node's 5 s default closes a socket just as a poll reuses it (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  instanceUrl = `http://127.0.0.1:${port}`;
  sessions.save(instanceUrl);

  let closed = false;
  return {
    instanceUrl,
    accessToken,
    login: (username) => {
      try {
        return login(username);
      } catch (error) {
        throw new Error(`login: ${(error as Error).message}`, { cause: error });
      }
    },
    store,
    applySchemaChange: (change) => host.applySchemaChange(change),
    counters: () => Object.fromEntries(counts),
    faults: {
      inject: (rule) => {
        try {
          addFault(rule);
        } catch (error) {
          throw new Error(`faults.inject: ${(error as Error).message}`, { cause: error });
        }
      },
      clear: () => {
        faults.length = 0;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.compact();
      store.close();
    }
  };
}
