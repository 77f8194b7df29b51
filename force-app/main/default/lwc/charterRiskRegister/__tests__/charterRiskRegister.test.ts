import CharterRiskRegister from 'c/charterRiskRegister';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { expectNoWriteActions, recordRequests } from 'jest-helpers/access';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';

jest.mock('@salesforce/label/c.Workspace_AccountCountOne', () => ({ default: '{0} account' }), { virtual: true });
jest.mock('@salesforce/label/c.Workspace_AccountCountMany', () => ({ default: '{0} accounts' }), { virtual: true });
jest.mock('@salesforce/label/c.Workspace_NoAccounts', () => ({ default: 'No accounts' }), { virtual: true });

// the fixture's two links of the first risk, as its account records name them
const ACCOUNT_LINKS = [
  ['Globex', '001000000000002AAA'],
  ['Initech', '001000000000003AAA']
];

function props() {
  const data = workspace();
  return { risks: view().threats, riskAccounts: data.riskAccounts, riskAccountCounts: data.riskAccountCounts };
}

describe('c-charter-risk-register', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    await expectNoWriteActions(mount('c-charter-risk-register', CharterRiskRegister, { ...props() }));
  });

  it('lists threats by score with assessment, corrective action, residual score, owner and review date', async () => {
    const p = props();
    const element = mount('c-charter-risk-register', CharterRiskRegister, {
      canEdit: true,
      ...p,
      risks: [...p.risks].reverse()
    });
    await flushPromises();
    const rows = [...shadow(element).querySelectorAll('tr.risk')] as HTMLElement[];
    expect(rows.map((row) => row.querySelector('.name')!.textContent)).toEqual([
      'Siloed departments',
      'Poor product adoption',
      'Data quality'
    ]);
    expect(rows[0].querySelector('.score')!.textContent).toBe('20 Critical');
    expect(rows[0].querySelector('.residual')!.textContent).toBe('8 Medium');
    expect(rows[0].textContent).toContain('Shared goals in the charter.');
    expect(rows[0].textContent).toContain('Dana Sponsor');
    expect(rows[0].textContent).toContain('Apr 1, 2025');
    // the first column is headed by what it lists, not by the table's caption
    const headings = [...shadow(element).querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headings[0]).toBe('c.Workspace_Risk');
    expect(headings).not.toContain('c.Workspace_Register');
    await expect(element).toBeAccessible();
  });

  it('expands the accounts where a risk occurs', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { canEdit: true, ...props() });
    await flushPromises();
    const toggle = one(element, 'tr[data-id="a04000000000001AAA"] .accounts-toggle') as HTMLButtonElement;
    expect(toggle.textContent!.trim()).toBe('2 accounts');
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // each account links to its record page
    const links = [...shadow(element).querySelectorAll('.accounts li c-record-link')] as Array<
      HTMLElement & { label: string; recordId: string }
    >;
    expect(links.map((link) => [link.label, link.recordId])).toEqual(ACCOUNT_LINKS);
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(one(element, '.accounts')).toBeNull();
  });

  it('asks to edit a risk', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { canEdit: true, ...props() });
    const requests = recordRequests(element);
    await flushPromises();
    one(element, 'button.edit').click();
    expect(requests).toEqual([{ objectApiName: 'Charter_Risk__c', recordId: 'a04000000000001AAA' }]);
  });

  it('places unscored risks last and tolerates missing names', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, {
      canEdit: true,
      risks: [{}, { Id: 'r2', Likelihood__c: 1, Impact__c: 1 }],
      riskAccounts: [{ Charter_Risk__c: 'r2', Account__c: '001x' }, {}]
    });
    await flushPromises();
    const rows = [...shadow(element).querySelectorAll('tr.risk')] as HTMLElement[];
    expect(rows[0].dataset.id).toBe('r2');
    // no count stored for r2: no accounts to open, so plain words, not a button
    expect(rows[0].querySelector('.accounts-toggle')).toBeNull();
    expect(rows[0].querySelector('.no-accounts')!.textContent).toBe('No accounts');
  });

  it('shows the 25 highest-scored threats first and adds the rest with Show more', async () => {
    // Scores in shuffled order: the register sorts the whole list before it cuts the first page.
    const risks = Array.from({ length: 30 }, (_, i) => ({
      Id: `r${String(i).padStart(2, '0')}`,
      Name: `Risk ${i}`,
      Likelihood__c: (i % 5) + 1,
      Impact__c: ((i * 3) % 4) + 1
    }));
    const element = mount('c-charter-risk-register', CharterRiskRegister, { risks });
    await flushPromises();
    const root = shadow(element);
    const scores = () => [...root.querySelectorAll('tr.risk .score')].map((cell) => parseInt(cell.textContent!, 10));
    const all = risks.map((r) => r.Likelihood__c * r.Impact__c).sort((a, b) => b - a);
    expect(scores()).toEqual(all.slice(0, 25));
    expect(one(one(element, 'c-show-more'), '.shown').textContent).toBe('c.Workspace_ShowingCount');
    const more = one(one(element, 'c-show-more'), 'button.show-more') as HTMLButtonElement;
    expect(more.textContent!.trim()).toBe('c.Workspace_ShowMore');
    expect(more.getAttribute('aria-controls')).toBe(one(one(element, 'c-show-more'), 'div.list').getAttribute('id'));
    await expect(element).toBeAccessible();
    more.click();
    await flushPromises();
    expect(scores()).toEqual(all);
    expect(one(one(element, 'c-show-more'), 'button.show-more')).toBeNull();
    // A new selection (the heat map filter) starts again at the first page.
    element.risks = [...risks].reverse();
    await flushPromises();
    expect(root.querySelectorAll('tr.risk')).toHaveLength(25);
    expect(one(one(element, 'c-show-more'), 'button.show-more')).not.toBeNull();
  });

  it('says one account in the singular', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, {
      risks: [{ Id: 'r1', Name: 'One place', Likelihood__c: 2, Impact__c: 2 }],
      riskAccounts: [{ Charter_Risk__c: 'r1', Account__c: '001000000000009AAA', Account__r: { Name: 'Acme' } }],
      riskAccountCounts: [{ riskId: 'r1', accounts: 1 }]
    });
    await flushPromises();
    expect(one(element, '.accounts-toggle').textContent.trim()).toBe('1 account');
    await expect(element).toBeAccessible();
  });

  it('shows the empty state without risks', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { risks: [] });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoRisks');
    await expect(element).toBeAccessible();
  });
});
