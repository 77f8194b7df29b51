// Shared test helpers for component suites: mount, flush, clean up.
import { createElement, LightningElement } from 'lwc';

/** A form field stub (lightning-input, -textarea, -radio-group) as a test drives it: its value, and a validity it sets. */
export type FormInput = HTMLElement & { value: string; max: string; reportValidity: () => boolean };

/** Lets pending promise callbacks and LWC re-renders run. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Creates a component, sets its public properties, appends it to the document. */
export function mount<T extends LightningElement>(
  tag: string,
  ctor: new () => T,
  props: Record<string, unknown> = {}
): HTMLElement & Record<string, any> {
  const element = createElement(tag, { is: ctor as any }) as HTMLElement & Record<string, any>;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/** Mounts a component (as mount does) and lets it render: what a test reads right after mounting. */
export async function mountRendered<T extends LightningElement>(
  tag: string,
  ctor: new () => T,
  props: Record<string, unknown> = {}
): Promise<HTMLElement & Record<string, any>> {
  const element = mount(tag, ctor, props);
  await flushPromises();
  return element;
}

/** Removes every mounted component; call from afterEach. */
export function resetDom(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

/** Query inside a component's shadow root. */
export function shadow(element: Element): ShadowRoot {
  if (!element.shadowRoot) throw new Error(`${element.tagName} has no shadow root`);
  return element.shadowRoot;
}

/** The first element in a component's shadow root that matches, loosely typed for reading properties in tests. */
export function one(element: Element, selector: string): any {
  return shadow(element).querySelector(selector) as any;
}

/** Clicks the first element in a component's shadow root that matches, then lets the component react. */
export async function click(element: Element, selector: string): Promise<void> {
  const target = shadow(element).querySelector(selector) as HTMLElement | null;
  if (!target) throw new Error(`${element.tagName} has no ${selector} to click`);
  target.click();
  await flushPromises();
}

/** The text of each body row of the tables in a component's shadow root, cell by cell, trimmed. */
export function tableRows(element: Element): string[][] {
  return [...shadow(element).querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => (cell.textContent ?? '').trim())
  );
}
