// The preview's stand-in for Lightning Data Service writes: record create, update, delete and
// read, sent to the local org's REST API, with errors reshaped to the UI API's error body so
// components show them exactly as they would in Lightning Experience.
import type { Connection } from 'jsforce';

export interface UiApiError {
  status: number;
  body: {
    message: string;
    statusCode: number;
    output: {
      errors: Array<{ errorCode: string; message: string }>;
      fieldErrors: Record<string, Array<{ errorCode: string; field: string; message: string }>>;
    };
  };
}

interface RestError {
  errorCode?: string;
  message?: string;
  fields?: string[];
  data?: unknown;
}

export function toUiApiError(error: unknown): UiApiError {
  const raw = error as RestError;
  const entries: RestError[] = Array.isArray(raw?.data) ? (raw.data as RestError[]) : [raw];
  const output: UiApiError['body']['output'] = { errors: [], fieldErrors: {} };
  for (const entry of entries) {
    const errorCode = entry?.errorCode ?? 'UNKNOWN_EXCEPTION';
    const message = (entry?.message ?? String(error)).replace(/^[A-Z_]+: /, '');
    if (entry?.fields?.length) {
      for (const field of entry.fields) (output.fieldErrors[field] ??= []).push({ errorCode, field, message });
    } else {
      output.errors.push({ errorCode, message });
    }
  }
  return {
    status: 400,
    body: { message: 'An error occurred while trying to update the record. Please try again.', statusCode: 400, output }
  };
}

type Fields = Record<string, unknown>;

function representation(apiName: string, id: string, fields: Fields) {
  const out: Record<string, { value: unknown; displayValue: string | null }> = {
    Id: { value: id, displayValue: null }
  };
  for (const [name, value] of Object.entries(fields)) {
    if (name !== 'attributes') out[name] = { value, displayValue: null };
  }
  return { id, apiName, fields: out };
}

export class UiApi {
  private prefixes?: Map<string, string>;
  constructor(private readonly connection: Connection) {}

  private async objectOf(recordId: string): Promise<string> {
    if (!this.prefixes) {
      const global = await this.connection.describeGlobal();
      this.prefixes = new Map(global.sobjects.filter((s) => s.keyPrefix).map((s) => [s.keyPrefix as string, s.name]));
    }
    const name = this.prefixes.get(recordId.slice(0, 3));
    if (!name) throw { errorCode: 'INVALID_ID_FIELD', message: `invalid record id: ${recordId}` };
    return name;
  }

  async create(input: { apiName?: string; fields: Fields }) {
    if (!input?.apiName) throw { errorCode: 'INVALID_TYPE', message: 'createRecord needs recordInput.apiName' };
    const result = (await this.connection.sobject(input.apiName).create(input.fields)) as {
      id?: string;
      success: boolean;
      errors?: unknown[];
    };
    if (!result.success || !result.id) throw { data: result.errors };
    return representation(input.apiName, result.id, input.fields);
  }

  async update(recordId: string, input: { fields: Fields }) {
    const apiName = await this.objectOf(recordId);
    const { Id: _id, ...fields } = input.fields;
    const result = (await this.connection.sobject(apiName).update({ Id: recordId, ...fields })) as {
      success: boolean;
      errors?: unknown[];
    };
    if (!result.success) throw { data: result.errors };
    return representation(apiName, recordId, fields);
  }

  async remove(recordId: string): Promise<void> {
    const apiName = await this.objectOf(recordId);
    await this.connection.sobject(apiName).destroy(recordId);
  }

  async read(recordId: string, fields: string[]) {
    const apiName = await this.objectOf(recordId);
    const names = [
      ...new Set(fields.map((f) => (f.startsWith(`${apiName}.`) ? f.slice(apiName.length + 1) : f)).filter(Boolean))
    ];
    const select = ['Id', ...names.filter((n) => n !== 'Id')];
    const safe = select.every((n) => /^[A-Za-z_][\w.]*$/.test(n)) && /^[A-Za-z0-9]{15,18}$/.test(recordId);
    if (!safe) throw { errorCode: 'INVALID_FIELD', message: 'invalid field or record id' };
    const result = await this.connection.query<Fields>(
      `SELECT ${select.join(', ')} FROM ${apiName} WHERE Id = '${recordId}'`
    );
    const record = result.records[0];
    if (!record) throw { errorCode: 'NOT_FOUND', message: `record ${recordId} was not found` };
    return representation(apiName, recordId, record);
  }

  /**
   * Object and field metadata as the calling user sees it, from the local org's describe: the record edit form's
   * fields and getObjectInfo's createable/updateable.
   */
  async objectInfo(apiName: string) {
    const describe = await this.connection.sobject(apiName).describe();
    const TYPES: Record<string, string> = {
      string: 'String',
      textarea: 'TextArea',
      email: 'String',
      phone: 'String',
      url: 'String',
      picklist: 'Picklist',
      multipicklist: 'Picklist',
      boolean: 'Boolean',
      int: 'Int',
      double: 'Double',
      currency: 'Currency',
      percent: 'Percent',
      date: 'Date',
      datetime: 'DateTime',
      reference: 'Reference',
      id: 'String'
    };
    return {
      apiName,
      label: describe.label,
      labelPlural: describe.labelPlural,
      keyPrefix: describe.keyPrefix,
      // What the calling user may do with the object (the local org's describe answers as that user).
      createable: describe.createable,
      updateable: describe.updateable,
      deletable: describe.deletable,
      queryable: describe.queryable,
      fields: describe.fields.map((f) => ({
        apiName: f.name,
        label: f.label,
        dataType: TYPES[f.type] ?? 'String',
        required: !f.nillable && f.createable && !f.defaultedOnCreate && f.type !== 'boolean',
        updateable: f.updateable,
        createable: f.createable,
        maxLength: f.length || undefined,
        picklistValues: (f.picklistValues ?? [])
          .filter((p) => p.active)
          .map((p) => ({ label: p.label ?? p.value, value: p.value })),
        referenceTo: f.referenceTo ?? [],
        inlineHelpText: f.inlineHelpText ?? undefined
      }))
    };
  }

  /** Choices for a lookup field: the first 200 records of the target object by name. */
  async lookup(apiName: string) {
    if (!/^\w+$/.test(apiName)) throw { errorCode: 'INVALID_TYPE', message: `invalid object ${apiName}` };
    const result = await this.connection.query<{ Id: string; Name?: string }>(
      `SELECT Id, Name FROM ${apiName} ORDER BY Name LIMIT 200`
    );
    return result.records.map((r) => ({ label: r.Name ?? r.Id, value: r.Id }));
  }
}
