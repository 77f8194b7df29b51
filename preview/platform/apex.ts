// Preview binding of @salesforce/apex/Class.method: each import is a function that calls the
// preview server (which runs the preview implementation against the local org) and, called
// with `new` by the LWC engine, a wire adapter. refreshApex re-runs the adapter behind a value.
import { previewCall, type WireCallback } from './previewApi';

type ApexParams = Record<string, unknown> | undefined;
interface WireValue {
  data?: unknown;
  error?: unknown;
}

const adapterOfValue = new WeakMap<object, ApexWireAdapter>();

/** An Apex failure is thrown as in Lightning Experience: { body: { message }, status, statusText }. */
function callApex(className: string, methodName: string, params: ApexParams): Promise<unknown> {
  return previewCall('POST', `apex/${encodeURIComponent(className)}/${encodeURIComponent(methodName)}`, params ?? {});
}

class ApexWireAdapter {
  private config: ApexParams;
  private connected = false;
  constructor(
    private readonly className: string,
    private readonly methodName: string,
    private readonly dataCallback: WireCallback
  ) {}

  update(config: ApexParams): void {
    this.config = config;
    // A wire whose config still has an undefined reactive value ('$recordId' not set yet) waits.
    if (config && Object.values(config).some((v) => v === undefined)) return;
    void this.fetch();
  }

  connect(): void {
    this.connected = true;
  }

  disconnect(): void {
    this.connected = false;
  }

  async fetch(): Promise<void> {
    let value: WireValue;
    try {
      value = { data: await callApex(this.className, this.methodName, this.config), error: undefined };
    } catch (error) {
      value = { data: undefined, error };
    }
    adapterOfValue.set(value, this);
    if (this.connected !== false) this.dataCallback(value);
  }
}

export function apexMethod(className: string, methodName: string) {
  function method(this: unknown, paramsOrCallback: unknown) {
    if (new.target) {
      return new ApexWireAdapter(className, methodName, paramsOrCallback as WireCallback);
    }
    return callApex(className, methodName, paramsOrCallback as ApexParams);
  }
  return method;
}

export function refreshApex(value: unknown): Promise<void> {
  const adapter = value && typeof value === 'object' ? adapterOfValue.get(value) : undefined;
  return adapter ? adapter.fetch() : Promise.resolve();
}
