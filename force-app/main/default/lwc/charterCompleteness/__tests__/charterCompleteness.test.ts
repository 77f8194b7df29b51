import CharterCompleteness from 'c/charterCompleteness';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

describe('c-charter-completeness', () => {
  afterEach(resetDom);

  it('lists the five parts, ticks the complete ones and says what the others miss', async () => {
    const completeness = view().completeness;
    const element = mount('c-charter-completeness', CharterCompleteness, { completeness });
    await flushPromises();
    const parts = [...shadow(element).querySelectorAll('li.part')] as HTMLElement[];
    expect(parts.map((p) => p.dataset.part)).toEqual(['statement', 'objectives', 'roles', 'roadmap', 'risks']);
    expect(parts[0].querySelector('.missing')!.textContent).toContain('Cost_Of_Inaction__c is blank');
    expect(shadow(element).querySelector('.percent')!.textContent).toBe(`${completeness.percent}%`);
    const icons = parts.map((p) => (p.querySelector('lightning-icon') as any).alternativeText);
    expect(icons).toEqual(
      completeness.parts.map((p) => (p.complete ? 'c.Workspace_Complete' : 'c.Workspace_Incomplete'))
    );
    await expect(element).toBeAccessible();
  });

  it('shows a complete part without a missing list', async () => {
    const element = mount('c-charter-completeness', CharterCompleteness, {
      completeness: { percent: 20, parts: [{ part: 'risks', complete: true, missing: [] }] }
    });
    await flushPromises();
    expect(shadow(element).querySelectorAll('.missing li')).toHaveLength(0);
    expect((shadow(element).querySelector('lightning-icon') as any).variant).toBe('success');
    await expect(element).toBeAccessible();
  });

  it('renders an empty checklist before data arrives', async () => {
    const element = mount('c-charter-completeness', CharterCompleteness);
    await flushPromises();
    expect(shadow(element).querySelectorAll('li.part')).toHaveLength(0);
    expect(shadow(element).querySelector('.percent')!.textContent).toBe('0%');
    await expect(element).toBeAccessible();
  });
});
