import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';

import type { FieldInfo, FieldRegistration } from './formTypes';

function fieldName(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { fieldApiName?: string })?.fieldApiName ?? '');
}

/**
 * The preview's lightning-record-edit-form: the same attributes, events (load, submit, success,
 * error) and submit(fields) method as the base component, saving through lightning/uiRecordApi
 * to the local org. Field metadata comes from the local org's describe.
 */
export default class RecordEditForm extends LightningElement {
  @api objectApiName: unknown;
  @api recordId: string | undefined;
  private fields: FieldRegistration[] = [];
  private info: Record<string, FieldInfo> | undefined;
  private record: Record<string, unknown> = {};
  private ready: Promise<void> | undefined;

  private readonly onRegister = (event: Event) => {
    event.stopPropagation();
    const registration = (event as CustomEvent<FieldRegistration>).detail;
    this.fields.push(registration);
    this.load().then(() =>
      registration.setup(this.info?.[registration.fieldName], this.record[registration.fieldName])
    );
  };

  private readonly onUnregister = (event: Event) => {
    event.stopPropagation();
    const registration = (event as CustomEvent<FieldRegistration>).detail;
    this.fields = this.fields.filter((f) => f !== registration);
  };

  override connectedCallback(): void {
    this.addEventListener('previewfieldregister', this.onRegister);
    this.addEventListener('previewfieldunregister', this.onUnregister);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('previewfieldregister', this.onRegister);
    this.removeEventListener('previewfieldunregister', this.onUnregister);
  }

  get apiName(): string {
    return (
      fieldName(this.objectApiName) || String((this.objectApiName as { objectApiName?: string })?.objectApiName ?? '')
    );
  }

  private load(): Promise<void> {
    this.ready ??= (async () => {
      const response = await fetch(`/preview/api/ui/object-info/${encodeURIComponent(this.apiName)}`);
      const body = await response.json();
      if (!response.ok) throw Object.assign(new Error(body.message), { body });
      this.info = Object.fromEntries((body.fields as FieldInfo[]).map((f) => [f.apiName, f]));
      if (this.recordId) {
        const names = this.fields.map((f) => f.fieldName).filter((n) => this.info?.[n]);
        const record = await fetch(
          `/preview/api/ui/records/${encodeURIComponent(this.recordId)}?fields=${encodeURIComponent(names.join(','))}`
        );
        const data = await record.json();
        const values = (data.fields ?? {}) as Record<string, { value: unknown }>;
        for (const name of Object.keys(values)) {
          this.record[name] = values[name].value;
        }
      }
      this.dispatchEvent(
        new CustomEvent('load', { detail: { objectInfos: { [this.apiName]: { fields: this.info } } } })
      );
    })().catch((error: unknown) => {
      this.dispatchEvent(new CustomEvent('error', { detail: (error as { body?: unknown }).body ?? error }));
    });
    return this.ready;
  }

  handleFormSubmit(event: Event): void {
    event.preventDefault();
    const fields: Record<string, unknown> = {};
    for (const field of this.fields) fields[field.fieldName] = field.value();
    const submit = new CustomEvent('submit', { detail: { fields }, cancelable: true });
    this.dispatchEvent(submit);
    if (!submit.defaultPrevented) this.submit(fields);
  }

  @api
  async submit(fields: Record<string, unknown>): Promise<void> {
    for (const field of this.fields) field.setErrors([]);
    const writable = Object.fromEntries(
      Object.entries(fields).filter(([name, value]) => {
        const info = this.info?.[name];
        if (!info) return false;
        if (this.recordId) return info.updateable;
        return info.createable && value !== undefined && value !== '';
      })
    );
    try {
      const result = this.recordId
        ? await updateRecord({ fields: { Id: this.recordId, ...writable } })
        : await createRecord({ apiName: this.apiName, fields: writable });
      this.dispatchEvent(new CustomEvent('success', { detail: result }));
    } catch (error) {
      type UiApiErrorBody = { output?: { fieldErrors?: Record<string, Array<{ message: string }>> } };
      const errorBody = (error as { body?: UiApiErrorBody }).body;
      for (const field of this.fields) {
        const messages = errorBody?.output?.fieldErrors?.[field.fieldName]?.map((e) => e.message) ?? [];
        field.setErrors(messages);
      }
      this.dispatchEvent(new CustomEvent('error', { detail: errorBody ?? error }));
      const messages = new CustomEvent('previewformerror', { detail: errorBody ?? error });
      this.querySelectorAll('lightning-messages').forEach((m) => m.dispatchEvent(messages));
    }
  }
}
