import GoalList from 'c/goalList';
import { goalStandings } from 'c/successModel';
import { flushPromises, mount, mountRendered, shadow } from 'jest-helpers/dom';

const goals = (count: number) =>
  goalStandings(
    Array.from({ length: count }, (_, i) => ({
      Id: `g${i}`,
      Name: `Goal ${String(i).padStart(2, '0')}`,
      Status__c: 'On Track' as const
    })),
    '2025-06-30'
  );

describe('c-goal-list', () => {
  it('shows the first ten goals and the rest behind an expander', async () => {
    const element = await mountRendered('c-goal-list', GoalList, { goals: goals(12), today: '2025-06-30' });
    const root = shadow(element);
    expect(root.querySelectorAll('c-goal-row')).toHaveLength(10);
    const toggle = shadow(root.querySelector('c-show-more')!).querySelector('button.show-all') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent?.trim()).toBe('c.Panel_ShowAllGoals');
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(root.querySelectorAll('c-goal-row')).toHaveLength(12);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('c.Panel_ShowFewerGoals');
    expect((root.querySelector('c-goal-row') as HTMLElement & { today: string }).today).toBe('2025-06-30');
  });

  it('has no expander for a few goals, and passes a row save up once', async () => {
    const element = mount('c-goal-list', GoalList, { goals: goals(2) });
    const saved = jest.fn();
    element.addEventListener('goalsaved', saved);
    await flushPromises();
    const root = shadow(element);
    expect(shadow(root.querySelector('c-show-more')!).querySelector('button.show-all')).toBeNull();
    root.querySelector('c-goal-row')!.dispatchEvent(new CustomEvent('goalsaved', { detail: { recordId: 'g0' } }));
    expect(saved).toHaveBeenCalledTimes(1);
    expect(saved.mock.calls[0][0].detail).toEqual({ recordId: 'g0' });
  });

  it('says how many goals the account has when the view-model holds only the first of them', async () => {
    const element = await mountRendered('c-goal-list', GoalList, { goals: goals(12), total: 2400 });
    const note = shadow(element).querySelector('p.cut');
    // Jest labels read as their own names; the real one reads "Showing 12 of 2,400 goals, ...".
    expect(note?.textContent?.trim()).toBe('c.Panel_GoalsCut');
    await expect(element).toBeAccessible();
  });

  it('says nothing about a cut when every goal is there', async () => {
    const element = await mountRendered('c-goal-list', GoalList, { goals: goals(12), total: 12 });
    expect(shadow(element).querySelector('p.cut')).toBeNull();
  });
});
