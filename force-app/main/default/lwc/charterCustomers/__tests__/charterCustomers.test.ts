import CharterCustomers from 'c/charterCustomers';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';
import { buildWorkspaceView } from '../../charterWorkspace/workspaceModel';

jest.mock(
  '@salesforce/label/c.Workspace_SentimentOf',
  () => ({ default: 'Showing {0} of {1}, most recently recorded first.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Workspace_SentimentRedAgainstSuccess', () => ({ default: 'Red against {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Workspace_SentimentGreenAgainstError', () => ({ default: 'Green against {0}' }), {
  virtual: true
});

// the attention rows of the fixture's book, lowest health first: Initech, Globex, Acme
const ATTENTION_IDS = ['001000000000003AAA', '001000000000002AAA', '001000000000001AAA'];

const props = () => {
  const v = view();
  return {
    book: v.book,
    bands: workspace().config.bands,
    byTier: v.program?.byTier,
    adoption: v.program?.adoption,
    lastScoredAt: v.lastScoredAt,
    sentiment: v.sentiment
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
    const links = rows.map((row) => row.querySelector('th c-record-link') as HTMLElement & Record<string, string>);
    expect(links.map((link) => link.label)).toEqual(['Initech', 'Globex', 'Acme']);
    // each name leads to the account's record page
    expect(links.map((link) => link.recordId)).toEqual(ATTENTION_IDS);
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

  it('says why a tier has no achievement rate: no goal came due in it', async () => {
    const p = props();
    const byTier = { ...p.byTier!, Unknown: { ...p.byTier!.Unknown, achievementRatePercent: null } };
    const element = mount('c-charter-customers', CharterCustomers, { ...p, byTier });
    await flushPromises();
    const unknown = one(element, 'table.tier-grid tbody tr[data-tier="Unknown"] .rate');
    expect(unknown.textContent).toBe('c.Workspace_NoGoalsDue');
    await expect(element).toBeAccessible();
  });

  it('lists the accounts whose sentiment disagrees with their stored band, with why, and how many in all', async () => {
    const element = mount('c-charter-customers', CharterCustomers, props());
    await flushPromises();
    const table = one(element, 'table.sentiment-disagreements');
    // The fixture: Umbrella Red on Healthy (2025-02-18), Initech Green on At Risk (2025-01-10, 41 days before
    // 2025-02-20: fresh); the count says 3 in all, so one more is not listed.
    expect(table.querySelector('.disagreement-caption').textContent).toBe(
      'Showing 2 of 3, most recently recorded first.'
    );
    const links = [...table.querySelectorAll('tr.disagreement th c-record-link')] as Array<
      HTMLElement & Record<string, string>
    >;
    // each name leads to the account's record page: Umbrella and Initech in the fixture
    expect(links.map((link) => [link.label, link.recordId])).toEqual([
      ['Umbrella', '001000000000004AAA'],
      ['Initech', '001000000000003AAA']
    ]);
    const rows = [...table.querySelectorAll('tr.disagreement')].map((row: HTMLElement) => [
      (row.querySelector('th c-record-link') as HTMLElement & Record<string, string>).label,
      ...[...row.querySelectorAll('td')].map((td) => td.textContent)
    ]);
    expect(rows).toEqual([
      ['Umbrella', 'c.Workspace_SentimentRed', 'Healthy', 'Red against Healthy', 'Feb 18, 2025', '$300,000'],
      ['Initech', 'c.Workspace_SentimentGreen', 'At Risk', 'Green against At Risk', 'Jan 10, 2025', '$80,000']
    ]);
    expect(one(element, '.no-disagreements')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says so when no sentiment disagrees with health', async () => {
    const element = mount('c-charter-customers', CharterCustomers, { ...props(), sentiment: { rows: [], total: 0 } });
    await flushPromises();
    expect(one(element, 'table.sentiment-disagreements')).toBeNull();
    expect(one(element, '.no-disagreements').textContent).toBe('c.Workspace_SentimentNone');
    await expect(element).toBeAccessible();
  });

  it('falls back to the band key and says the rate is not available without program figures', async () => {
    const element = mount('c-charter-customers', CharterCustomers, { ...props(), bands: [], byTier: undefined });
    await flushPromises();
    const headings = [...shadow(element).querySelectorAll('table.tier-grid thead th')].map((th) => th.textContent);
    expect(headings.slice(1, 4)).toEqual(['Healthy', 'Watch', 'At_Risk']);
    expect(one(element, 'table.tier-grid tbody tr .rate').textContent).toBe('c.Format_NotAvailable');
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
