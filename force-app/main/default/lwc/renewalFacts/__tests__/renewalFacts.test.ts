import RenewalFacts from 'c/renewalFacts';
import { revenueFacts } from 'c/successModel';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';

const SUMMARY = {
  total: 1,
  openCount: 0,
  achieved: 1,
  overdue: 0,
  dueSoon: 0,
  valueRealized: 1800,
  daysToFirstValue: 42
};

describe('c-renewal-facts', () => {
  afterEach(resetDom);

  it('shows ARR, renewal countdown, pipeline and value realized', async () => {
    const revenue = revenueFacts(
      { ARR__c: 1000, Renewal_Date__c: '2025-07-30' },
      [{ CS_Sourced__c: true, IsClosed: false, Amount: 500 }],
      '2025-06-30'
    );
    const element = mount('c-renewal-facts', RenewalFacts, { revenue, goalSummary: SUMMARY });
    await flushPromises();
    const root = shadow(element);
    expect((root.querySelector('.arr lightning-formatted-number') as HTMLElement & { value: number }).value).toBe(1000);
    expect(root.querySelector('.renewal-hint')?.textContent?.trim()).toBe('c.Panel_RenewsIn');
    expect((root.querySelector('.pipeline lightning-formatted-number') as HTMLElement & { value: number }).value).toBe(
      500
    );
    expect(root.querySelector('.pipeline-count')?.textContent?.trim()).toBe('c.Panel_PipelineCount');
    expect(
      (root.querySelector('.value-realized lightning-formatted-number') as HTMLElement & { value: number }).value
    ).toBe(1800);
    expect(root.querySelector('.first-value')?.textContent).toBe('42');
    await expect(element).toBeAccessible();
  });

  it('says when renewal has passed, and shows blanks as none', async () => {
    const revenue = revenueFacts({ Renewal_Date__c: '2025-06-01' }, [], '2025-06-30');
    const element = mount('c-renewal-facts', RenewalFacts, { revenue });
    await flushPromises();
    const root = shadow(element);
    expect(root.querySelector('.renewal-hint')?.textContent?.trim()).toBe('c.Panel_RenewalPassed');
    expect(root.querySelector('.arr')?.textContent).toBe('c.Panel_None');
    expect(root.querySelector('.first-value')?.textContent).toBe('c.Panel_None');
    await expect(element).toBeAccessible();
  });

  it('shows none for a missing renewal date', async () => {
    const element = mount('c-renewal-facts', RenewalFacts, { revenue: revenueFacts({}, [], '2025-06-30') });
    await flushPromises();
    expect(shadow(element).querySelector('.renewal')?.textContent).toBe('c.Panel_None');
  });
});
