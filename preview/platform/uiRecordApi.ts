// Preview binding of lightning/uiRecordApi: writes go through the preview server to the local
// org's REST API; failures come back in the UI API's error shape so components handle them as
// they would in Lightning Experience.
import { previewCall, PreviewWireAdapter } from './previewApi';

interface RecordInput {
  apiName?: string;
  fields: Record<string, unknown>;
}
interface FieldValue {
  value: unknown;
  displayValue: string | null;
}
interface RecordRepresentation {
  id: string;
  apiName: string;
  fields: Record<string, FieldValue>;
}
type FieldId = string | { objectApiName?: string; fieldApiName: string };
interface RecordConfig {
  recordId?: string;
  fields?: FieldId[];
  optionalFields?: FieldId[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller knows the UI API shape it asked for
const send = (method: string, path: string, body?: unknown): Promise<any> => previewCall(method, `ui/${path}`, body);

export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  return send('POST', 'records', recordInput);
}

export function updateRecord(recordInput: RecordInput): Promise<RecordRepresentation> {
  const id = String(recordInput.fields.Id ?? '');
  return send('PATCH', `records/${encodeURIComponent(id)}`, recordInput);
}

export function deleteRecord(recordId: string): Promise<void> {
  return send('DELETE', `records/${encodeURIComponent(recordId)}`);
}

/** The preview holds no record cache, so there is nothing to invalidate; the next read is fresh. */
export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void> {
  void items;
  return Promise.resolve();
}

function fieldName(field: FieldId): string {
  const name = typeof field === 'string' ? field : field.fieldApiName;
  return name.includes('.') && typeof field === 'string' ? name.split('.').slice(1).join('.') : name;
}

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId): unknown {
  let current: unknown = record;
  for (const part of fieldName(field).split('.')) {
    const fields = (current as RecordRepresentation | undefined)?.fields;
    if (!fields || !(part in fields)) return undefined;
    current = fields[part].value;
  }
  return current;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | undefined,
  field: FieldId
): string | null | undefined {
  const parts = fieldName(field).split('.');
  const last = parts.pop() as string;
  let current: RecordRepresentation | undefined = record;
  for (const part of parts) current = current?.fields?.[part]?.value as RecordRepresentation | undefined;
  return current?.fields?.[last]?.displayValue;
}

/** Wire adapter: a record's fields, read through the preview server. */
export class getRecord extends PreviewWireAdapter<RecordConfig, RecordRepresentation> {
  load(config: RecordConfig): Promise<RecordRepresentation> | undefined {
    if (!config?.recordId) return undefined;
    const fields = [...(config.fields ?? []), ...(config.optionalFields ?? [])].map(fieldName).join(',');
    return send('GET', `records/${encodeURIComponent(config.recordId)}?fields=${encodeURIComponent(fields)}`);
  }
}
