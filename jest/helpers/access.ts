// Shared checks for component suites: what a user who may not write is offered.
import { flushPromises, shadow } from './dom';

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
