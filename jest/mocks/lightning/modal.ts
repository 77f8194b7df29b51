// Shared mock of lightning/modal: LightningModal.open resolves with what the test queues.
import { LightningElement } from 'lwc';

const results: unknown[] = [];
export const openCalls: Array<Record<string, unknown>> = [];

export default class LightningModal extends LightningElement {
  static open(config: Record<string, unknown>): Promise<unknown> {
    openCalls.push(config);
    return Promise.resolve(results.length ? results.shift() : undefined);
  }
  close(result?: unknown): void {
    this.dispatchEvent(new CustomEvent('close', { detail: result }));
  }
}

/** The next LightningModal.open() call resolves with this value. */
export function queueModalResult(value: unknown): void {
  results.push(value);
}

export function resetModal(): void {
  results.length = 0;
  openCalls.length = 0;
}
