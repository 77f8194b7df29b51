// Shared checks for component suites: what a user who may not write is offered, and what Add and Edit ask for.
import { flushPromises, one, shadow } from './dom';

/**
 * A component mounted without write access (canCreate and canEdit left false) offers no Add and no Edit, and stays
 * accessible: the check every charter component's suite makes.
 */
export async function expectNoWriteActions(element: HTMLElement): Promise<void> {
  await flushPromises();
  const root = shadow(element);
  expect(root.querySelectorAll('.add, .edit')).toHaveLength(0);
  await expect(element).toBeAccessible();
}

/** Every `recordrequest` detail the element sends from now on, in order (the array fills as they come). */
export function recordRequests(element: HTMLElement): unknown[] {
  const requests: unknown[] = [];
  element.addEventListener('recordrequest', (event) => requests.push((event as CustomEvent).detail));
  return requests;
}

/** Clicks a charter part's Add, then the Edit that `editSelector` finds; returns the record requests it sends. */
export async function requestAddAndEdit(element: HTMLElement, editSelector = 'button.edit'): Promise<unknown[]> {
  const requests = recordRequests(element);
  await flushPromises();
  one(element, 'lightning-button.add').click();
  one(element, editSelector).click();
  return requests;
}
