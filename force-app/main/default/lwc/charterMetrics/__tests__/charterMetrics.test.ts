import CharterMetrics from 'c/charterMetrics';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

describe('c-charter-metrics', () => {
  afterEach(resetDom);

  it('shows number, scale and speed tiles as of the last scoring run', async () => {
    const element = mount('c-charter-metrics', CharterMetrics, { program: view().program });
    await flushPromises();
    const tile = (key: string) => one(element, `.tile[data-key="${key}"] .value`).textContent;
    // The fixture's Overall snapshot record, as stored.
    expect(tile('customers')).toBe('20 / 100');
    expect(tile('achieved')).toBe('26');
    expect(tile('rate')).toBe('78.8%');
    expect(tile('value')).toBe('$92,000');
    expect(tile('median')).toBe('38.5');
    expect(tile('p75')).toBe('70');
    expect(tile('revenue')).toBe('$150,000');
    expect(one(element, '.period').textContent).toBe('c.Workspace_ProgramAsOf');
    await expect(element).toBeAccessible();
  });

  it('splits the figures by lifecycle stage, tier and month', async () => {
    const element = mount('c-charter-metrics', CharterMetrics, { program: view().program });
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
    expect(segments('by-month')).toEqual(['2024-12', '2025-01', '2025-02']);
    // Months read as months, money as money, in the user's locale and currency.
    const months = [...shadow(element).querySelectorAll('table.by-month tbody th')].map((th) => th.textContent);
    expect(months).toEqual(['December 2024', 'January 2025', 'February 2025']);
    expect(one(element, 'table.by-stage tr[data-segment="Adoption"]').querySelectorAll('td')[3].textContent).toMatch(
      /^\$[\d,]+$/
    );
    const adoption = one(element, 'table.by-stage tr[data-segment="Adoption"]');
    expect(adoption.querySelector('td').textContent).toBe('15 / 50');
    expect(adoption.querySelectorAll('td')[2].textContent).toBe('83.3%');
  });

  it('shows "no data" where a stored figure is unknown', async () => {
    const program = view().program!;
    const overall = {
      ...program.velocity.overall,
      successfulCustomersPercent: null,
      achievementRatePercent: null,
      medianDaysToValue: null,
      p75DaysToValue: null
    };
    const element = mount('c-charter-metrics', CharterMetrics, {
      program: { ...program, velocity: { ...program.velocity, overall } }
    });
    await flushPromises();
    expect(one(element, '.tile[data-key="rate"] .value').textContent).toBe('c.Workspace_NotAvailable');
    expect(one(element, 'table.by-stage tr[data-segment="Renewal"]').querySelectorAll('td')[2].textContent).toBe(
      'c.Workspace_NotAvailable'
    );
    await expect(element).toBeAccessible();
  });

  it('says there are no program figures before the first scoring run', async () => {
    const element = mount('c-charter-metrics', CharterMetrics, { program: null });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoProgram');
    expect(one(element, '.tiles')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
