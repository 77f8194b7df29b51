import CharterCustomers from 'c/charterCustomers';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';

const one = (element: HTMLElement, selector: string) => shadow(element).querySelector(selector) as any;

describe('c-charter-customers', () => {
  afterEach(resetDom);

  it('counts accounts by tier and health band, with goal achievement per tier', async () => {
    const element = mount('c-charter-customers', CharterCustomers, {
      book: view().book,
      bands: workspace().config.bands
    });
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
    const totals = tiers.map((row) => Number(row.querySelector('.total')!.textContent));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(3);
    expect(one(element, '.sample').textContent).toBe('c.Workspace_Sample');
    await expect(element).toBeAccessible();
  });

  it('lists the accounts that need attention first, lowest health first', async () => {
    const element = mount('c-charter-customers', CharterCustomers, {
      book: view().book,
      bands: workspace().config.bands
    });
    await flushPromises();
    const names = [...shadow(element).querySelectorAll('tr.account th')].map((th) => th.textContent);
    expect(names[0]).toBe('Globex');
    expect(names).toHaveLength(3);
  });

  it('falls back to the band key and to "unknown" labels', async () => {
    const book = view().book;
    const element = mount('c-charter-customers', CharterCustomers, { book, bands: [] });
    await flushPromises();
    const headings = [...shadow(element).querySelectorAll('table.tier-grid thead th')].map((th) => th.textContent);
    expect(headings.slice(1, 4)).toEqual(['Healthy', 'Watch', 'At_Risk']);
  });

  it('shows the empty state without customers', async () => {
    const element = mount('c-charter-customers', CharterCustomers, {
      book: { rows: [], grid: [], byTier: {}, sampled: 0, total: 0 }
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
