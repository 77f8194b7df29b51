import CharterRiskRegister from 'c/charterRiskRegister';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';

function props() {
  const data = workspace();
  return { risks: view().threats, riskAccounts: data.riskAccounts, riskAccountCounts: data.riskAccountCounts };
}

describe('c-charter-risk-register', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { ...props() });
    await flushPromises();
    const root = shadow(element);
    expect(root.querySelectorAll('.add, .edit')).toHaveLength(0);
    await expect(element).toBeAccessible();
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
    expect(rows[0].textContent).toContain('2025-04-01');
    await expect(element).toBeAccessible();
  });

  it('expands the accounts where a risk occurs', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { canEdit: true, ...props() });
    await flushPromises();
    const toggle = one(element, 'tr[data-id="a04000000000001AAA"] .accounts-toggle') as HTMLButtonElement;
    expect(toggle.textContent).toContain('2');
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const names = [...shadow(element).querySelectorAll('.accounts li')].map((li) => li.textContent);
    expect(names).toEqual(['Globex', 'Initech']);
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(one(element, '.accounts')).toBeNull();
  });

  it('asks to edit a risk', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { canEdit: true, ...props() });
    const requests: unknown[] = [];
    element.addEventListener('recordrequest', (event) => requests.push((event as CustomEvent).detail));
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
    expect(rows[0].querySelector('.accounts-toggle')!.textContent).toContain('0');
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
    expect(one(element, '.shown').textContent).toBe('c.Workspace_ShowingCount');
    const more = one(element, 'button.show-more') as HTMLButtonElement;
    expect(more.textContent!.trim()).toBe('c.Workspace_ShowMore');
    expect(more.getAttribute('aria-controls')).toBe(one(element, 'table.register').getAttribute('id'));
    await expect(element).toBeAccessible();
    more.click();
    await flushPromises();
    expect(scores()).toEqual(all);
    expect(one(element, 'button.show-more')).toBeNull();
    // A new selection (the heat map filter) starts again at the first page.
    element.risks = [...risks].reverse();
    await flushPromises();
    expect(root.querySelectorAll('tr.risk')).toHaveLength(25);
    expect(one(element, 'button.show-more')).not.toBeNull();
  });

  it('shows the empty state without risks', async () => {
    const element = mount('c-charter-risk-register', CharterRiskRegister, { risks: [] });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoRisks');
    await expect(element).toBeAccessible();
  });
});
