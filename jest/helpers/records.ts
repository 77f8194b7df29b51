// Shared pieces for component suites that load records through a wire adapter and write them back.
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { TOAST_EVENT_NAME } from '../mocks/lightning/platformShowToastEvent';

/** A wire adapter as sfdx-lwc-jest's test adapters expose it: emit data or an error, read the last config. */
export interface WireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
  adapter: { prototype: { update(config: unknown): void } };
}

/** Collects the toasts a component shows from now on; read the array after the action. */
export function toastsOf(element: HTMLElement): CustomEvent[] {
  const toasts: CustomEvent[] = [];
  element.addEventListener(TOAST_EVENT_NAME, (event) => toasts.push(event as CustomEvent));
  return toasts;
}

/** After a write: the view-model was reloaded once (refreshApex) and LDS was told about these records, in order. */
export function expectReloaded(recordIds: string[]): void {
  expect(refreshApex).toHaveBeenCalledTimes(1);
  expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith(recordIds.map((recordId) => ({ recordId })));
}
