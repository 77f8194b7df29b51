import CharterCustomers from 'c/charterCustomers';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';
import { buildWorkspaceView } from '../../charterWorkspace/workspaceModel';

const props = () => {
  const v = view();
  return {
    book: v.book,
    bands: workspace().config.bands,
    byTier: v.program?.byTier,
    adoption: v.program?.adoption,
    lastScoredAt: v.lastScoredAt
  };
};

describe('c-charter-customers', () => {
  afterEach(resetDom);

  it('counts every customer by stored tier and health band, with goal achievement per tier', async () => {
    const element = mount('c-charter-customers', CharterCustomers, props());
    await flushPromises();
    const headings = [...shadow(element).querySelectorAll('table.tier-grid thead th')].map((th) => th.textContent);
    expect(headings).toEqual([
      'c.Workspace_Tier',
      'Healthy',
      'Watch',
      'At Risk',
      'c.Workspace_UnknownHealth',
      'c.Workspace_Total',
      'c.Workspace_AchievementRate'
    ]);
    const tiers = [...shadow(element).querySelectorAll('table.tier-grid tbody tr')] as HTMLElement[];
    expect(tiers.map((row) => row.dataset.tier)).toEqual(['Ideal', 'Good', 'Poor', 'Unknown']);
    // The fixture's COUNT() rows: Ideal 30 + 10, Good 20 + 10, Poor 20, unknown tier and band 10.
    expect(tiers.map((row) => row.querySelector('.total')!.textContent)).toEqual(['40', '30', '20', '10']);
    const ideal = [...tiers[0].querySelectorAll('td')].map((td) => td.textContent);
    expect(ideal).toEqual(['30', '10', '0', '0', '40', '88.9%']);
    expect(one(element, '.as-of').textContent).toBe('c.Workspace_HealthAsOf');
    await expect(element).toBeAccessible();
  });

  it('lists the accounts that need attention first, in the stored order, with their stored health', async () => {
    const element = mount('c-charter-customers', CharterCustomers, props());
    await flushPromises();
    const rows = [...shadow(element).querySelectorAll('tr.account')] as HTMLElement[];
    expect(rows.map((row) => row.querySelector('th')!.textContent)).toEqual(['Initech', 'Globex', 'Acme']);
    expect([...rows[0].querySelectorAll('td')].map((td) => td.textContent).slice(0, 3)).toEqual([
      '22',
      'At Risk',
      'Poor'
    ]);
    // ARR is money in the user's currency, or blank.
    for (const row of rows) expect(row.querySelectorAll('td')[4].textContent).toMatch(/^(\$[\d,]+(\.\d\d)?)?$/);
  });

  it('says no customer is scored yet instead of an empty attention list', async () => {
    const element = mount('c-charter-customers', CharterCustomers, { ...props(), lastScoredAt: null });
    await flushPromises();
    expect(one(element, '.not-scored').textContent).toBe('c.Workspace_NotScored');
    expect(one(element, 'table.attention')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('falls back to the band key and leaves the rate blank without program figures', async () => {
    const element = mount('c-charter-customers', CharterCustomers, { ...props(), bands: [], byTier: undefined });
    await flushPromises();
    const headings = [...shadow(element).querySelectorAll('table.tier-grid thead th')].map((th) => th.textContent);
    expect(headings.slice(1, 4)).toEqual(['Healthy', 'Watch', 'At_Risk']);
    expect(one(element, 'table.tier-grid tbody tr .rate').textContent).toBe('');
  });

  const adoptionRows = (element: HTMLElement, group: string) =>
    (
      [...shadow(element).querySelectorAll(`table.adoption tbody[data-group="${group}"] tr.segment`)] as HTMLElement[]
    ).map((row) => [
      row.querySelector('th')!.textContent,
      ...[...row.querySelectorAll('td')].map((td) => td.textContent)
    ]);

  it('shows adoption by lifecycle stage and tier from the run, unknown means as not available', async () => {
    const element = mount('c-charter-customers', CharterCustomers, props());
    await flushPromises();
    const table = one(element, 'table.adoption');
    expect(table.querySelector('caption').textContent).toContain('c.Workspace_AdoptionBySegment');
    expect([...table.querySelectorAll('thead th')].map((th: HTMLElement) => th.getAttribute('scope'))).toEqual(
      Array(6).fill('col')
    );
    expect([...table.querySelectorAll('th.group')].map((th: HTMLElement) => th.textContent)).toEqual([
      'c.Workspace_Stage',
      'c.Workspace_Tier'
    ]);
    // The fixture's Stage and Tier snapshot records as stored: accounts, with usage, the two means, falling. A stage
    // without usage (Value Realization) has no means: not available, not 0%. Renewal's utilisation passes 100%.
    expect(adoptionRows(element, 'stage')).toEqual([
      ['Onboarding', '20', '10', '55%', '40%', '2'],
      ['Adoption', '50', '40', '92.5%', '70.1%', '5'],
      ['Value Realization', '0', '0', 'c.Format_NotAvailable', 'c.Format_NotAvailable', '0'],
      ['Expansion', '0', '0', 'c.Format_NotAvailable', 'c.Format_NotAvailable', '0'],
      ['Renewal', '30', '10', '104.2%', '60%', '2'],
      ['Unknown', '0', '0', 'c.Format_NotAvailable', 'c.Format_NotAvailable', '0']
    ]);
    expect(adoptionRows(element, 'tier')).toEqual([
      ['Ideal', '40', '30', '95%', '75%', '3'],
      ['Good', '30', '20', '80%', '55.5%', '4'],
      ['Poor', '20', '10', '60%', '40%', '2'],
      ['Unknown', '10', '0', 'c.Format_NotAvailable', 'c.Format_NotAvailable', '0']
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows no usage anywhere as accounts without usage and means not available, never 0', async () => {
    const data = workspace();
    for (const r of data.program) {
      r.Accounts_With_Usage__c = 0;
      r.Mean_Utilisation_Percent__c = null;
      r.Mean_Feature_Adoption_Percent__c = null;
      r.Accounts_Falling__c = 0;
    }
    const element = mount('c-charter-customers', CharterCustomers, {
      ...props(),
      adoption: buildWorkspaceView(data).program?.adoption
    });
    await flushPromises();
    const na = 'c.Format_NotAvailable';
    expect(adoptionRows(element, 'stage')[0]).toEqual(['Onboarding', '20', '0', na, na, '0']);
    expect(adoptionRows(element, 'tier')).toEqual([
      ['Ideal', '40', '0', na, na, '0'],
      ['Good', '30', '0', na, na, '0'],
      ['Poor', '20', '0', na, na, '0'],
      ['Unknown', '10', '0', na, na, '0']
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows no adoption table before the first scoring run', async () => {
    const element = mount('c-charter-customers', CharterCustomers, { ...props(), adoption: undefined });
    await flushPromises();
    expect(one(element, 'table.adoption')).toBeNull();
    expect(one(element, 'table.tier-grid')).not.toBeNull();
  });

  it('shows the empty state without customers', async () => {
    const element = mount('c-charter-customers', CharterCustomers, {
      book: { grid: [], total: 0, scored: 0, healthyPercent: null, attention: [] }
    });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoCustomers');
    await expect(element).toBeAccessible();
  });

  it('renders nothing but the empty state before data arrives', async () => {
    const element = mount('c-charter-customers', CharterCustomers);
    await flushPromises();
    expect(one(element, '.empty')).not.toBeNull();
    expect(one(element, 'table')).toBeNull();
  });
});
