// The local org's Metadata API: the SOAP endpoint `POST /services/Soap/m/{version}` answers deploy,
// checkDeployStatus, cancelDeploy, listMetadata, readMetadata, describeMetadata, retrieve and checkRetrieveStatus
// the way the platform does for the subset jsforce, @salesforce/core, source-deploy-retrieve and the sf CLI use.
// Every other operation is a SOAP fault naming it.
import type { FieldSchema, ObjectSchema } from '../schema';
import { planDeploy, OBJECT_CHILDREN, type DeployOptions } from './deploy';
import type { MetadataHost } from './host';
import { to18 } from '../ids';
import { makeSetupId } from './ids';
import { allRegistryTypes, hasMetaFile } from './registry';
import {
  MAX_KEPT_DEPLOYS,
  normalizeState,
  type DeployMessage,
  type DeployRecord,
  type MetadataState,
  type StoredComponent
} from './state';
import { bool, escapeXml, isObject, list, parseSoap, text, toXml, type XmlObject } from './xml';
import { readRetrieveRequest, retrieveZip, type RetrieveOutcome } from './retrieve';

export type { MetadataHost } from './host';

export interface SoapResponse {
  status: number;
  body: string;
}

const NS = 'http://soap.sforce.com/2006/04/metadata';
/** The user every deploy and component is attributed to. */
const USER_ID = to18('005000000000001');
const USER_NAME = 'Local Org Admin';
/** Finished retrieves kept for checkRetrieveStatus; older ones are forgotten. */
const MAX_KEPT_RETRIEVES = 20;

/** Operations of the Metadata API WSDL this endpoint knows by name but does not implement. */
const KNOWN_UNSUPPORTED = new Set([
  'checkStatus',
  'createMetadata',
  'updateMetadata',
  'upsertMetadata',
  'deleteMetadata',
  'renameMetadata',
  'deployRecentValidation',
  'describeValueType',
  'cancelRetrieve'
]);

class SoapFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly faultPrefix = 'sf'
  ) {
    super(message);
  }
}

function envelope(inner: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${NS}"` +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
    `<soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`
  );
}

export function soapFault(code: string, message: string, prefix = 'sf'): SoapResponse {
  const faultcode = `${prefix}:${code}`;
  const detail =
    prefix === 'sf'
      ? `<detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>${escapeXml(code)}</sf:exceptionCode>` +
        `<sf:exceptionMessage>${escapeXml(message)}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>`
      : '';
  return {
    status: 500,
    body:
      '<?xml version="1.0" encoding="UTF-8"?>' +
      `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="${NS}"` +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault>' +
      `<faultcode>${escapeXml(faultcode)}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring>` +
      `${detail}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  };
}

const result = (operation: string, inner: string): SoapResponse => ({
  status: 200,
  body: envelope(`<${operation}Response>${inner}</${operation}Response>`)
});

function deployMessageXml(name: string, m: DeployMessage): string {
  // Element order of the WSDL's DeployMessage.
  return toXml(name, {
    changed: m.changed,
    columnNumber: m.columnNumber,
    componentType: m.componentType,
    created: m.created,
    createdDate: m.createdDate,
    deleted: m.deleted,
    fileName: m.fileName,
    fullName: m.fullName,
    id: m.id,
    lineNumber: m.lineNumber,
    problem: m.problem,
    problemType: m.problemType,
    success: m.success
  });
}

function deployResultXml(r: DeployRecord, includeDetails: boolean): string {
  const details = includeDetails
    ? '<details>' +
      r.failures.map((m) => deployMessageXml('componentFailures', m)).join('') +
      r.successes.map((m) => deployMessageXml('componentSuccesses', m)).join('') +
      '<runTestResult><numFailures>0</numFailures><numTestsRun>0</numTestsRun><totalTime>0.0</totalTime></runTestResult>' +
      '</details>'
    : '';
  const head = toXml('x', {
    checkOnly: r.checkOnly,
    completedDate: r.completedDate,
    createdBy: USER_ID,
    createdByName: USER_NAME,
    createdDate: r.createdDate
  }).slice(3, -4);
  const tail = toXml('x', {
    done: r.done,
    errorMessage: r.errorMessage,
    errorStatusCode: r.errorStatusCode,
    id: r.id,
    ignoreWarnings: r.ignoreWarnings,
    lastModifiedDate: r.lastModifiedDate,
    numberComponentErrors: r.numberComponentErrors,
    numberComponentsDeployed: r.numberComponentsDeployed,
    numberComponentsTotal: r.numberComponentsTotal,
    numberTestErrors: 0,
    numberTestsCompleted: 0,
    numberTestsTotal: 0,
    rollbackOnError: r.rollbackOnError,
    runTestsEnabled: false,
    startDate: r.startDate,
    stateDetail: r.stateDetail,
    status: r.status,
    success: r.success
  }).slice(3, -4);
  return `<result>${head}${details}${tail}</result>`;
}

/** Lets other requests run between the steps of a deploy, as the platform's queue does. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function withoutAttributes(metadata: XmlObject): XmlObject {
  return Object.fromEntries(Object.entries(metadata).filter(([k]) => !k.startsWith('@_')));
}

const FIELD_TYPE_TO_XML: Record<string, string> = {
  string: 'Text',
  textarea: 'LongTextArea',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
  picklist: 'Picklist',
  multipicklist: 'MultiselectPicklist',
  boolean: 'Checkbox',
  int: 'Number',
  double: 'Number',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime'
};

/** A custom field the org has but no deploy stored (e.g. seeded by the REST side), in metadata shape. */
function fieldMetadata(f: FieldSchema): XmlObject {
  const m: Record<string, unknown> = { fullName: f.name, label: f.label };
  if (f.type === 'reference') {
    m.type = f.masterDetail ? 'MasterDetail' : 'Lookup';
    m.referenceTo = f.referenceTo?.[0];
    if (f.childRelationshipName) m.relationshipName = f.childRelationshipName.replace(/__r$/, '');
  } else m.type = FIELD_TYPE_TO_XML[f.type] ?? 'Text';
  if (f.length !== undefined && ['string', 'textarea'].includes(f.type)) m.length = f.length;
  if (f.precision !== undefined) m.precision = f.precision;
  if (f.scale !== undefined) m.scale = f.scale;
  if (f.formula) m.formula = f.formula;
  if (f.externalId) m.externalId = true;
  if (f.unique) m.unique = true;
  if (!f.nillable && f.type !== 'boolean' && !f.masterDetail) m.required = true;
  if (f.description) m.description = f.description;
  if (f.inlineHelpText) m.inlineHelpText = f.inlineHelpText;
  if (f.picklistValues) {
    m.valueSet = {
      restricted: f.restrictedPicklist === true,
      valueSetDefinition: {
        value: f.picklistValues.map((p) => ({ fullName: p.value, default: p.defaultValue, label: p.label }))
      }
    };
  }
  return JSON.parse(JSON.stringify(m)) as XmlObject;
}

/** The operation, its body and the session id of a SOAP envelope. */
export interface SoapEnvelope {
  body: XmlObject;
  operation: string;
  sessionId: string;
}

/** The envelope, or undefined when the text is not one. */
function readEnvelope(xmlBody: string): SoapEnvelope | undefined {
  const doc = parseSoap(xmlBody);
  const env = doc && isObject(doc.Envelope) ? doc.Envelope : undefined;
  const body = env && isObject(env.Body) ? env.Body : undefined;
  const operation = body ? Object.keys(body).find((k) => !k.startsWith('@_')) : undefined;
  if (!body || !operation) return undefined;
  const header = isObject(env?.Header) ? env.Header : {};
  const sessionHeader = isObject(header.SessionHeader) ? header.SessionHeader : {};
  return { body, operation, sessionId: text(sessionHeader.sessionId) ?? '' };
}

export class MetadataApi {
  private stateCache: MetadataState | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly cancelRequested = new Set<string>();
  /** Retrieves by id: the zip once it is built (kept in memory, the newest MAX_KEPT_RETRIEVES). */
  private readonly retrieves = new Map<string, { outcome?: RetrieveOutcome; error?: string }>();

  constructor(private readonly host: MetadataHost) {}

  /**
   * The SOAP envelope's session check, before anything else answers: a malformed envelope or an invalid session is
   * the fault the platform gives; otherwise the parsed envelope for `run` (the server injects faults in between).
   */
  authenticate(xmlBody: string): { refused: SoapResponse } | { envelope: SoapEnvelope } {
    const envelope = readEnvelope(xmlBody);
    if (!envelope) {
      return {
        refused: soapFault('Client', 'Unable to parse the SOAP request: expected an Envelope with a Body', 'soapenv')
      };
    }
    if (!envelope.sessionId || !this.host.isValidSession(envelope.sessionId)) {
      return {
        refused: soapFault(
          'INVALID_SESSION_ID',
          'Invalid Session ID found in SessionHeader: Illegal Session. Session not found, missing session hash'
        )
      };
    }
    if (!this.host.canUseMetadataApi(envelope.sessionId)) {
      return {
        refused: soapFault(
          'INSUFFICIENT_ACCESS',
          'use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions'
        )
      };
    }
    return { envelope };
  }

  /** Answers one SOAP request body; the server sends `body` as text/xml with `status`. */
  async handle(xmlBody: string): Promise<SoapResponse> {
    const checked = this.authenticate(xmlBody);
    return 'refused' in checked ? checked.refused : this.run(checked.envelope);
  }

  /** Answers an authenticated envelope. */
  async run(envelope: SoapEnvelope): Promise<SoapResponse> {
    const { body, operation } = envelope;
    this.host.countRequest(`/services/Soap/m/${operation}`);
    const args = isObject(body[operation]) ? (body[operation] as XmlObject) : {};
    try {
      switch (operation) {
        case 'deploy':
          return result(operation, this.deploy(args));
        case 'checkDeployStatus':
          return result(operation, this.checkDeployStatus(args));
        case 'cancelDeploy':
          return result(operation, this.cancelDeploy(args));
        case 'listMetadata':
          return result(operation, this.listMetadata(args));
        case 'readMetadata':
          return result(operation, this.readMetadata(args));
        case 'describeMetadata':
          return result(operation, this.describeMetadata());
        case 'retrieve':
          return result(operation, this.retrieve(args));
        case 'checkRetrieveStatus':
          return result(operation, this.checkRetrieveStatus(args));
        default:
          if (KNOWN_UNSUPPORTED.has(operation)) {
            throw new SoapFault(
              'INVALID_OPERATION',
              `The local org does not support the Metadata API operation ${operation}`
            );
          }
          throw new SoapFault('UNKNOWN_EXCEPTION', `No operation available for request {${NS}}${operation}`);
      }
    } catch (e) {
      if (e instanceof SoapFault) return soapFault(e.code, e.message, e.faultPrefix);
      return soapFault('UNKNOWN_EXCEPTION', (e as Error).message);
    }
  }

  /** A deployed component in metadata shape (a PermissionSet's grants, for the org's access checks). */
  storedMetadata(type: string, fullName: string): XmlObject | undefined {
    return this.state.components[type]?.[fullName]?.metadata;
  }

  /** Resolves when every deploy accepted so far has finished (tests and graceful shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private get state(): MetadataState {
    if (!this.stateCache) {
      this.stateCache = normalizeState(this.host.loadMetadataState());
      // A deploy that was running when the org stopped never finished: report it as failed, not pending forever.
      let interrupted = false;
      for (const d of Object.values(this.stateCache.deploys)) {
        if (!d.done) {
          Object.assign(d, {
            done: true,
            status: 'Failed',
            success: false,
            errorStatusCode: 'UNKNOWN_EXCEPTION',
            errorMessage: 'The local org stopped before this deploy finished; nothing was applied'
          });
          interrupted = true;
        }
      }
      if (interrupted) this.save();
    }
    return this.stateCache;
  }

  private save(): void {
    this.host.saveMetadataState(this.state);
  }

  private newId(type: string): string {
    const s = this.state;
    return makeSetupId(type, s.sequence++);
  }

  private deploy(args: XmlObject): string {
    const zip = text(args.ZipFile);
    if (!zip) throw new SoapFault('INVALID_OPERATION', 'deploy needs a ZipFile');
    const opts = isObject(args.DeployOptions) ? args.DeployOptions : {};
    const options: DeployOptions = {
      checkOnly: bool(opts.checkOnly) ?? false,
      rollbackOnError: bool(opts.rollbackOnError) ?? true,
      ignoreWarnings: bool(opts.ignoreWarnings) ?? false
    };
    const now = new Date().toISOString();
    const record: DeployRecord = {
      id: this.newId('AsyncResult'),
      status: 'Pending',
      done: false,
      success: false,
      checkOnly: options.checkOnly,
      rollbackOnError: options.rollbackOnError,
      ignoreWarnings: options.ignoreWarnings,
      createdDate: now,
      lastModifiedDate: now,
      numberComponentsTotal: 0,
      numberComponentsDeployed: 0,
      numberComponentErrors: 0,
      successes: [],
      failures: []
    };
    this.state.deploys[record.id] = record;
    this.pruneDeploys();
    this.save();
    // Deploys run one at a time, in the order they arrived, after the call has answered.
    this.queue = this.queue.then(() => this.runDeploy(record, zip, options));
    return toXml('result', { done: false, id: record.id, state: 'Queued' });
  }

  private async runDeploy(record: DeployRecord, zip: string, options: DeployOptions): Promise<void> {
    await turn();
    if (this.cancelRequested.has(record.id)) return this.markCanceled(record);
    record.status = 'InProgress';
    record.startDate = record.lastModifiedDate = new Date().toISOString();
    record.stateDetail = 'Processing components';
    this.save();
    await turn();
    try {
      const plan = await planDeploy(zip, options, {
        host: this.host,
        state: this.state,
        newId: (type) => this.newId(type),
        now: new Date().toISOString()
      });
      if (this.cancelRequested.has(record.id)) return this.markCanceled(record);
      const counts = {
        numberComponentsTotal: plan.total,
        numberComponentsDeployed: plan.successes.filter((s) => s.componentType !== '').length,
        numberComponentErrors: plan.failures.length,
        successes: plan.successes,
        failures: plan.failures
      };
      Object.assign(record, counts);
      let applyError: string | undefined;
      if (!plan.applyNothing) {
        try {
          this.host.applySchemaChange(plan.change);
          this.storeComponents(plan.put, plan.remove);
        } catch (e) {
          applyError = (e as Error).message;
        }
      }
      const success = plan.success && !applyError;
      Object.assign(record, {
        success,
        status: success ? 'Succeeded' : plan.partial && !applyError ? 'SucceededPartial' : 'Failed'
      });
      if (applyError) {
        record.errorStatusCode = 'UNKNOWN_EXCEPTION';
        record.errorMessage = applyError;
        record.numberComponentsDeployed = 0;
      }
    } catch (e) {
      Object.assign(record, {
        success: false,
        status: 'Failed',
        errorStatusCode: 'UNKNOWN_EXCEPTION',
        errorMessage: (e as Error).message
      });
    }
    this.complete(record);
  }

  private complete(record: DeployRecord): void {
    record.done = true;
    delete record.stateDetail;
    record.completedDate = record.lastModifiedDate = new Date().toISOString();
    this.cancelRequested.delete(record.id);
    this.save();
  }

  private markCanceled(record: DeployRecord): void {
    Object.assign(record, { status: 'Canceled', success: false });
    this.complete(record);
  }

  private pruneDeploys(): void {
    const all = Object.values(this.state.deploys).sort((a, b) => a.createdDate.localeCompare(b.createdDate));
    for (const d of all.slice(0, Math.max(0, all.length - MAX_KEPT_DEPLOYS))) {
      if (d.done) delete this.state.deploys[d.id];
    }
  }

  private storeComponents(
    put: Array<Omit<StoredComponent, 'id' | 'createdDate' | 'lastModifiedDate'>>,
    remove: Array<{ type: string; fullName: string }>
  ): void {
    const components = this.state.components;
    const now = new Date().toISOString();
    for (const r of remove) {
      delete components[r.type]?.[r.fullName];
      if (r.type === 'CustomObject') {
        // An object takes its fields, rules, views and (for a custom metadata type) its records with it.
        for (const child of [...Object.values(OBJECT_CHILDREN), 'CustomMetadata']) {
          const prefix = child === 'CustomMetadata' ? `${r.fullName.replace(/__mdt$/, '')}.` : `${r.fullName}.`;
          if (child === 'CustomMetadata' && !r.fullName.endsWith('__mdt')) continue;
          for (const name of Object.keys(components[child] ?? {})) {
            if (name.startsWith(prefix)) delete components[child][name];
          }
        }
      }
    }
    for (const p of put) {
      const byType = (components[p.type] ??= {});
      const existing = byType[p.fullName];
      byType[p.fullName] = {
        ...p,
        metadata: withoutAttributes(p.metadata),
        id: existing?.id ?? this.newId(p.type),
        createdDate: existing?.createdDate ?? now,
        lastModifiedDate: now
      };
    }
  }

  private checkDeployStatus(args: XmlObject): string {
    const id = text(args.asyncProcessId) ?? '';
    const record =
      this.state.deploys[id] ??
      this.state.deploys[Object.keys(this.state.deploys).find((k) => k.slice(0, 15) === id) ?? ''];
    if (!record) throw new SoapFault('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${id}`);
    return deployResultXml(record, bool(args.includeDetails) ?? false);
  }

  private cancelDeploy(args: XmlObject): string {
    const id = text(args.id) ?? '';
    const record = this.state.deploys[id];
    if (!record) throw new SoapFault('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${id}`);
    if (record.done) throw new SoapFault('INVALID_ID_FIELD', `Deployment ${id} has already completed`);
    this.cancelRequested.add(id);
    record.status = 'Canceling';
    record.lastModifiedDate = new Date().toISOString();
    this.save();
    return toXml('result', { done: false, id });
  }

  private fileProperties(
    c: StoredComponent | { type: string; fullName: string; fileName: string; id: string }
  ): unknown {
    const stored = 'createdDate' in c ? c : undefined;
    const epoch = '1970-01-01T00:00:00.000Z';
    return {
      createdById: USER_ID,
      createdByName: USER_NAME,
      createdDate: stored?.createdDate ?? epoch,
      fileName: c.fileName.replace(/^.*?(?=(objects|classes|customMetadata)\/)/, ''),
      fullName: c.fullName,
      id: c.id,
      lastModifiedById: USER_ID,
      lastModifiedByName: USER_NAME,
      lastModifiedDate: stored?.lastModifiedDate ?? epoch,
      manageableState: 'unmanaged',
      type: c.type
    };
  }

  private listMetadata(args: XmlObject): string {
    const queries = list(args.queries).filter(isObject);
    if (queries.length > 3) throw new SoapFault('INVALID_OPERATION', 'listMetadata accepts at most 3 queries');
    const out: unknown[] = [];
    for (const q of queries) {
      const type = text(q.type) ?? '';
      const folder = text(q.folder);
      const stored = Object.values(this.state.components[type] ?? {}).filter(
        (c) => !folder || c.fullName.startsWith(`${folder}/`)
      );
      for (const c of stored) out.push(this.fileProperties(c));
      if (type === 'CustomObject') {
        // Standard objects (and any object the org has without a deploy) are listed too, as the platform does.
        for (const o of this.host.schema().values()) {
          if (this.state.components.CustomObject?.[o.name]) continue;
          out.push(this.fileProperties({ type, fullName: o.name, fileName: `objects/${o.name}.object`, id: '' }));
        }
      }
    }
    return out.map((p) => toXml('result', p)).join('');
  }

  private readOne(type: string, fullName: string): XmlObject | undefined {
    const stored = this.state.components[type]?.[fullName];
    if (type === 'CustomObject') {
      const object = this.host.schema().get(fullName);
      if (!stored && !object) return undefined;
      const out: XmlObject = stored ? { ...stored.metadata } : this.objectMetadata(object as ObjectSchema);
      out.fullName = fullName;
      for (const [element, childType] of Object.entries(OBJECT_CHILDREN)) {
        const prefix = `${fullName}.`;
        const children = Object.values(this.state.components[childType] ?? {})
          .filter((c) => c.fullName.startsWith(prefix))
          .map((c) => ({ ...c.metadata, fullName: c.fullName.slice(prefix.length) }));
        if (childType === 'CustomField' && object) {
          // Custom fields the org has without a stored deploy still show, as on the platform.
          for (const f of object.fields) {
            if (f.custom && !children.some((c) => c.fullName === f.name))
              children.push(fieldMetadata(f) as XmlObject & { fullName: string });
          }
        }
        if (children.length > 0) out[element] = children;
      }
      return out;
    }
    if (stored) return { ...stored.metadata, fullName };
    if (type === 'CustomField') {
      const [objectName, fieldName] = fullName.split('.');
      const field = this.host
        .schema()
        .get(objectName)
        ?.fields.find((f) => f.name === fieldName && f.custom);
      return field ? { ...fieldMetadata(field), fullName } : undefined;
    }
    return undefined;
  }

  private objectMetadata(o: ObjectSchema): XmlObject {
    const m: XmlObject = { fullName: o.name, label: o.label, pluralLabel: o.labelPlural };
    if (o.description) m.description = o.description;
    return m;
  }

  private readMetadata(args: XmlObject): string {
    const type = text(args.type) ?? '';
    const names = list(args.fullNames).map((n) => text(n) ?? '');
    if (names.length > 10) throw new SoapFault('INVALID_OPERATION', 'readMetadata accepts at most 10 fullNames');
    const records = names.map((n) => {
      const r = this.readOne(type, n);
      // A name the org does not have comes back as a nil record, not a fault (jsforce then returns {}).
      if (!r) return null;
      const { fullName, ...rest } = r;
      return { '@_xsi:type': type, fullName, ...rest };
    });
    return `<result>${records.map((r) => toXml('records', r)).join('')}</result>`;
  }

  /** Starts a retrieve of the named members (unpackaged); the zip is built at once and read by checkRetrieveStatus. */
  private retrieve(args: XmlObject): string {
    const request = readRetrieveRequest(args);
    const given = args.retrieveRequest ?? args.request;
    const raw = isObject(given) ? given : {};
    if (raw.packageNames !== undefined || raw.specificFiles !== undefined)
      throw new SoapFault(
        'INVALID_OPERATION',
        'The local org retrieves unpackaged components only: packageNames and specificFiles are not supported'
      );
    if (!request.types.length) throw new SoapFault('INVALID_OPERATION', 'retrieve needs unpackaged types to retrieve');
    const id = this.newId('AsyncResult').replace(/^0Af/, '09S');
    this.save();
    const entry: { outcome?: RetrieveOutcome; error?: string } = {};
    this.retrieves.set(id, entry);
    while (this.retrieves.size > MAX_KEPT_RETRIEVES) this.retrieves.delete(this.retrieves.keys().next().value!);
    retrieveZip(
      {
        state: this.state,
        read: (type, fullName) => this.readOne(type, fullName),
        objectNames: () => [...this.host.schema().keys()]
      },
      request
    ).then(
      (outcome) => (entry.outcome = outcome),
      (error: unknown) => (entry.error = (error as Error).message)
    );
    return toXml('result', { done: false, id, state: 'Queued' });
  }

  private checkRetrieveStatus(args: XmlObject): string {
    const id = text(args.asyncProcessId) ?? '';
    const entry =
      this.retrieves.get(id) ?? this.retrieves.get([...this.retrieves.keys()].find((k) => k.slice(0, 15) === id) ?? '');
    if (!entry) throw new SoapFault('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${id}`);
    if (entry.error)
      return toXml('result', {
        done: true,
        errorMessage: entry.error,
        errorStatusCode: 'UNKNOWN_EXCEPTION',
        id,
        status: 'Failed',
        success: false
      });
    if (!entry.outcome) return toXml('result', { done: false, id, status: 'InProgress', success: false });
    const { outcome } = entry;
    const includeZip = bool(args.includeZip) ?? true;
    return toXml('result', {
      done: true,
      fileProperties: outcome.fileProperties.map((p) => ({
        createdById: USER_ID,
        createdByName: USER_NAME,
        createdDate: p.createdDate,
        fileName: p.fileName,
        fullName: p.fullName,
        id: p.id,
        lastModifiedById: USER_ID,
        lastModifiedByName: USER_NAME,
        lastModifiedDate: p.lastModifiedDate,
        manageableState: 'unmanaged',
        type: p.type
      })),
      id,
      messages: outcome.messages.map((m) => ({ fileName: m.fileName, problem: m.problem })),
      status: 'Succeeded',
      success: true,
      zipFile: includeZip ? outcome.zipFile : undefined
    });
  }

  private describeMetadata(): string {
    const objects = allRegistryTypes()
      .filter((t) => !t.name.endsWith('Settings') || t.name === 'Settings')
      .map((t) => ({
        childXmlNames: t.childNames,
        directoryName: t.directoryName,
        inFolder: t.inFolder,
        metaFile: hasMetaFile(t),
        suffix: t.suffix,
        xmlName: t.name
      }));
    return toXml('result', {
      metadataObjects: objects,
      organizationNamespace: '',
      partialSaveAllowed: true,
      testRequired: false
    });
  }
}
