// Preview binding of lightning/uiRecordApi: writes go through the preview server to the local
// org's REST API; failures come back in the UI API's error shape so components handle them as
// they would in Lightning Experience.

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller knows the UI API shape it asked for
async function send(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`/preview/api/ui/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const payload = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw { body: payload, status: response.status, statusText: response.statusText };
  return payload;
}

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
export class getRecord {
  private connected = false;
  constructor(private readonly dataCallback: (value: { data?: RecordRepresentation; error?: unknown }) => void) {}
  update(config: { recordId?: string; fields?: FieldId[]; optionalFields?: FieldId[] }): void {
    if (!config?.recordId) return;
    const fields = [...(config.fields ?? []), ...(config.optionalFields ?? [])].map(fieldName).join(',');
    send('GET', `records/${encodeURIComponent(config.recordId)}?fields=${encodeURIComponent(fields)}`).then(
      (data) => this.connected && this.dataCallback({ data, error: undefined }),
      (error) => this.connected && this.dataCallback({ data: undefined, error })
    );
  }
  connect(): void {
    this.connected = true;
  }
  disconnect(): void {
    this.connected = false;
  }
}
