import CharterMetrics from 'c/charterMetrics';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';

const one = (element: HTMLElement, selector: string) => shadow(element).querySelector(selector) as any;

function props() {
  const v = view();
  const data = workspace();
  return {
    velocity: v.velocity,
    byTier: v.book.byTier,
    trend: v.trend,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd
  };
}

describe('c-charter-metrics', () => {
  afterEach(resetDom);

  it('shows number, scale and speed tiles for the period', async () => {
    const element = mount('c-charter-metrics', CharterMetrics, props());
    await flushPromises();
    const tile = (key: string) => one(element, `.tile[data-key="${key}"] .value`).textContent;
    expect(tile('customers')).toBe('20 / 100');
    expect(tile('achieved')).toBe('26');
    expect(tile('rate')).toBe('78.8%');
    expect(tile('value')).toBe((92000).toLocaleString());
    expect(tile('median')).toBe('40.5');
    expect(tile('p75')).toBe('70.5');
    expect(tile('revenue')).toBe((150000).toLocaleString());
    expect(one(element, '.period').textContent).toBe('c.Workspace_Period');
    await expect(element).toBeAccessible();
  });

  it('splits the figures by lifecycle stage, tier and month', async () => {
    const element = mount('c-charter-metrics', CharterMetrics, props());
    await flushPromises();
    const segments = (table: string) =>
      [...shadow(element).querySelectorAll(`table.${table} tbody tr`)].map(
        (row) => (row as HTMLElement).dataset.segment
      );
    expect(segments('by-stage')).toEqual([
      'Onboarding',
      'Adoption',
      'Value Realization',
      'Expansion',
      'Renewal',
      'Unknown'
    ]);
    expect(segments('by-tier')).toEqual(['Ideal', 'Good', 'Poor', 'Unknown']);
    expect(segments('by-month')).toHaveLength(12);
    const adoption = one(element, 'table.by-stage tr[data-segment="Adoption"]');
    expect(adoption.querySelector('td').textContent).toBe('15 / 50');
    expect(adoption.querySelectorAll('td')[2].textContent).toBe('83.3%');
  });

  it('shows "no data" where a figure cannot be known, and hides the tier table without tiers', async () => {
    const p = props();
    const overall = {
      ...p.velocity.overall,
      successfulCustomersPercent: null,
      achievementRatePercent: null,
      medianDaysToValue: null,
      p75DaysToValue: null
    };
    const element = mount('c-charter-metrics', CharterMetrics, {
      ...p,
      byTier: undefined,
      velocity: { ...p.velocity, overall }
    });
    await flushPromises();
    expect(one(element, '.tile[data-key="rate"] .value').textContent).toBe('c.Workspace_NotAvailable');
    expect(one(element, 'table.by-tier')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an empty state before figures arrive', async () => {
    const element = mount('c-charter-metrics', CharterMetrics);
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NotAvailable');
    expect(one(element, '.tiles')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
