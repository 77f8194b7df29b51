import RenewalFacts from 'c/renewalFacts';
import { revenueFacts, type GoalSummary } from 'c/successModel';
import { flushPromises, mountRendered, shadow } from 'jest-helpers/dom';

jest.mock('@salesforce/label/c.Format_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Format_NotAvailable', () => ({ default: 'Not available' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_RenewsIn', () => ({ default: '(in {0})' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_RenewalPassed', () => ({ default: '({0} ago)' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_WonCount', () => ({ default: '({0} won)' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_PipelineCount', () => ({ default: '({0} open)' }), { virtual: true });

const SUMMARY: GoalSummary = {
  total: 1,
  openCount: 0,
  achieved: 1,
  overdue: 0,
  dueSoon: 0,
  valueRealized: 1800,
  daysToFirstValue: 42
};

const text = (root: ShadowRoot, key: string) =>
  root.querySelector(`[data-fact="${key}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('c-renewal-facts', () => {
  it('shows ARR, renewal countdown, won, open and after-goal revenue, value realized and days to first value', async () => {
    const revenue = revenueFacts(
      { ARR__c: 1000, Renewal_Date__c: '2025-07-30' },
      [
        { CS_Sourced__c: true, IsClosed: false, Amount: 500 },
        {
          CS_Sourced__c: true,
          IsClosed: true,
          IsWon: true,
          Amount: 155000,
          CloseDate: '2025-05-01',
          Customer_Goal__c: 'g'
        }
      ],
      '2025-06-30',
      [{ Id: 'g', Status__c: 'Achieved', Achieved_Date__c: '2025-04-01' }]
    );
    const element = await mountRendered('c-renewal-facts', RenewalFacts, { revenue, goalSummary: SUMMARY });
    const root = shadow(element);
    expect(text(root, 'arr')).toBe('$1,000');
    expect(text(root, 'renewal')).toBe('Jul 30, 2025 (in 30 days)');
    expect(text(root, 'won')).toBe('$155,000 (1 won)');
    expect(text(root, 'pipeline')).toBe('$500 (1 open)');
    expect(text(root, 'after-goal')).toBe('$155,000 (1 won)');
    expect(text(root, 'value-realized')).toBe('$1,800');
    expect(text(root, 'first-value')).toBe('42 days');
    await expect(element).toBeAccessible();
  });

  it('says when renewal has passed or is today, and shows blanks as not available, never 0', async () => {
    const element = await mountRendered('c-renewal-facts', RenewalFacts, {
      revenue: revenueFacts({ Renewal_Date__c: '2025-06-01' }, [], '2025-06-30')
    });
    const root = shadow(element);
    expect(text(root, 'renewal')).toBe('Jun 1, 2025 (29 days ago)');
    expect(text(root, 'arr')).toBe('Not available');
    expect(text(root, 'first-value')).toBe('Not available');
    await expect(element).toBeAccessible();
    element.revenue = revenueFacts({ Renewal_Date__c: '2025-06-30' }, [], '2025-06-30');
    await flushPromises();
    expect(text(root, 'renewal')).toBe('Jun 30, 2025 c.Panel_RenewsToday');
  });

  it('shows not available for a missing renewal date', async () => {
    const element = await mountRendered('c-renewal-facts', RenewalFacts, {
      revenue: revenueFacts({}, [], '2025-06-30')
    });
    expect(text(shadow(element), 'renewal')).toBe('Not available');
  });
});
