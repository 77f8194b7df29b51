import CharterSection from 'c/charterSection';
import { flushPromises, mount, one, resetDom } from 'jest-helpers/dom';

describe('c-charter-section', () => {
  afterEach(resetDom);

  it('names the section by its heading and stays accessible', async () => {
    const element = mount('c-charter-section', CharterSection, { heading: 'Objectives' });
    await flushPromises();
    const heading = one(element, 'h2') as HTMLElement;
    expect(heading.textContent).toBe('Objectives');
    expect(one(element, 'section').getAttribute('aria-labelledby')).toBe(heading.id);
    expect(one(element, 'slot[name="actions"]')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
