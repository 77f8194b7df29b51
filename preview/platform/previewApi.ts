// What the preview's platform bindings share: the call to the preview server, and the wire adapter that hands what
// a call answers to the component.

/** A wire adapter's callback: the data, or the error, of its latest load. */
export type WireCallback<Data = unknown> = (value: { data?: Data; error?: unknown }) => void;

/**
 * A JSON call to the preview server under /preview/api/; a failure is thrown in the shape it has in Lightning
 * Experience: { body, status, statusText }.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller knows the shape it asked for
export async function previewCall(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`/preview/api/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const payload = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw { body: payload, status: response.status, statusText: response.statusText };
  return payload;
}

/** A wire adapter that loads once per config; the data or error goes to the component only while it is connected. */
export abstract class PreviewWireAdapter<Config, Data = unknown> {
  private connected = false;
  constructor(private readonly dataCallback: WireCallback<Data>) {}
  /** The load for this config, or undefined while the config is not complete yet. */
  abstract load(config: Config): Promise<Data> | undefined;
  update(config: Config): void {
    const pending = this.load(config);
    if (!pending) return;
    pending.then(
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
