import ErrorPanel from 'c/errorPanel';
import { flushPromises, mount, shadow } from 'jest-helpers/dom';

const apexError = { body: { message: 'Insufficient privileges' }, statusText: 'Forbidden' };

function panel(props: Record<string, unknown>) {
  return mount('c-error-panel', ErrorPanel, props);
}

describe('c-error-panel', () => {
  it('shows the default label and hides the platform messages until asked', async () => {
    const element = panel({ errors: apexError });
    await flushPromises();
    const root = shadow(element);
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(root.querySelector('.summary')!.textContent).toBe('c.ErrorPanel_DefaultMessage');
    const toggle = root.querySelector('button.details-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.details')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reveals every message when details are opened, and hides them again', async () => {
    const element = panel({
      errors: [apexError, new Error('Second problem')],
      friendlyMessage: 'Could not load the success panel'
    });
    await flushPromises();
    const root = shadow(element);
    expect(root.querySelector('.summary')!.textContent).toBe('Could not load the success panel');
    const toggle = root.querySelector('button.details-toggle') as HTMLButtonElement;
    toggle.click();
    await flushPromises();
    const items = [...root.querySelectorAll('.details li')].map((li) => li.textContent);
    expect(items).toEqual(['Insufficient privileges', 'Second problem']);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent!.trim()).toBe('c.ErrorPanel_HideDetails');
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(root.querySelector('.details')).toBeNull();
  });

  it('has no details toggle when there is nothing more to say', async () => {
    const element = panel({ friendlyMessage: 'No charter is active yet' });
    await flushPromises();
    expect(shadow(element).querySelector('button')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('renders the page variant with a heading', async () => {
    const element = panel({ errors: 'Offline', variant: 'page' });
    await flushPromises();
    const heading = shadow(element).querySelector('h3');
    expect(heading!.textContent).toBe('c.ErrorPanel_DefaultMessage');
    await expect(element).toBeAccessible();
  });
});
