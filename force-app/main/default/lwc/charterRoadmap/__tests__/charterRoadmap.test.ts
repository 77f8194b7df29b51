import CharterRoadmap from 'c/charterRoadmap';
import { roadmapByMonth } from 'c/successModel';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { expectNoWriteActions, requestAddAndEdit } from 'jest-helpers/access';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

describe('c-charter-roadmap', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    await expectNoWriteActions(mount('c-charter-roadmap', CharterRoadmap, { months: view().roadmap }));
  });

  it('groups items by month with audience, channel, message and state, undated last', async () => {
    const element = mount('c-charter-roadmap', CharterRoadmap, {
      canCreate: true,
      canEdit: true,
      months: view().roadmap
    });
    await flushPromises();
    const months = [...shadow(element).querySelectorAll('table.month')].map((t) => (t as HTMLElement).dataset.month);
    expect(months).toEqual(['2025-01', '2025-02', '2025-03', '2025-05', 'none']);
    // Months and dates as the user reads them, not as ISO keys.
    const titles = [...shadow(element).querySelectorAll('table.month caption')].map((c) => c.textContent?.trim());
    expect(titles[0]).toBe('January 2025');
    const firstDate = shadow(element).querySelector('table.month tbody td')?.textContent?.trim() ?? '';
    expect(firstDate).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 2025$/);
    expect(one(element, 'table[data-month="none"] caption').textContent).toBe('c.Workspace_NoDate');
    const announcement = one(element, 'tr[data-id="a03000000000002AAA"]') as HTMLElement;
    expect(announcement.textContent).toContain('All staff');
    expect(announcement.textContent).toContain('Email');
    expect(announcement.textContent).toContain('Why Customer Success matters to every team.');
    await expect(element).toBeAccessible();
  });

  it('marks overdue items and labels every state', async () => {
    const element = mount('c-charter-roadmap', CharterRoadmap, {
      canCreate: true,
      canEdit: true,
      months: view().roadmap
    });
    await flushPromises();
    const overdue = one(element, 'tr[data-id="a03000000000002AAA"]') as HTMLElement;
    expect(overdue.dataset.state).toBe('overdue');
    expect(overdue.classList.contains('overdue')).toBe(true);
    expect(overdue.querySelector('.state')!.textContent).toBe('c.Workspace_StateOverdue');
    const states = [...shadow(element).querySelectorAll('tr.item')].map((row) => (row as HTMLElement).dataset.state);
    expect(states).toEqual(['done', 'overdue', 'dueSoon', 'onTrack', 'unscheduled']);
  });

  it('asks to add and edit milestones', async () => {
    const element = mount('c-charter-roadmap', CharterRoadmap, {
      canCreate: true,
      canEdit: true,
      months: view().roadmap
    });
    expect(await requestAddAndEdit(element)).toEqual([
      { objectApiName: 'Charter_Milestone__c', recordId: undefined },
      { objectApiName: 'Charter_Milestone__c', recordId: 'a03000000000001AAA' }
    ]);
  });

  it('shows cancelled items and items without ids', async () => {
    const months = roadmapByMonth([{ Status__c: 'Cancelled', Due_Date__c: '2025-04-01' }], '2025-02-20');
    const element = mount('c-charter-roadmap', CharterRoadmap, { canCreate: true, canEdit: true, months });
    await flushPromises();
    expect(one(element, '.state').textContent).toBe('c.Workspace_StateCancelled');
  });

  it('shows the first 25 items in date order and adds the rest with Show more', async () => {
    // 30 milestones over three months, given out of order: the page is cut after sorting and grouping.
    const milestones = Array.from({ length: 30 }, (_, i) => ({
      Id: `m${String(i).padStart(2, '0')}`,
      Name: `Milestone ${String(i).padStart(2, '0')}`,
      Status__c: 'Planned' as const,
      Due_Date__c: `2025-0${3 - Math.floor(i / 10)}-${String((i % 10) + 10)}`
    }));
    const element = mount('c-charter-roadmap', CharterRoadmap, { months: roadmapByMonth(milestones, '2025-01-01') });
    await flushPromises();
    const root = shadow(element);
    const ids = () => [...root.querySelectorAll('tr.item')].map((row) => (row as HTMLElement).dataset.id);
    const months = () => [...root.querySelectorAll('table.month')].map((t) => (t as HTMLElement).dataset.month);
    const inOrder = [...milestones.slice(20), ...milestones.slice(10, 20), ...milestones.slice(0, 10)].map((m) => m.Id);
    expect(ids()).toEqual(inOrder.slice(0, 25));
    expect(months()).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(one(element, 'table[data-month="2025-03"]').querySelectorAll('tr.item')).toHaveLength(5);
    expect(one(one(element, 'c-show-more'), '.shown').textContent).toBe('c.Workspace_ShowingCount');
    const more = one(one(element, 'c-show-more'), 'button.show-more') as HTMLButtonElement;
    expect(more.getAttribute('aria-controls')).toBe(one(one(element, 'c-show-more'), 'div.list').getAttribute('id'));
    await expect(element).toBeAccessible();
    more.click();
    await flushPromises();
    expect(ids()).toEqual(inOrder);
    expect(one(one(element, 'c-show-more'), 'button.show-more')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the empty state without items', async () => {
    const element = mount('c-charter-roadmap', CharterRoadmap, { months: [] });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoMilestones');
    await expect(element).toBeAccessible();
  });
});
