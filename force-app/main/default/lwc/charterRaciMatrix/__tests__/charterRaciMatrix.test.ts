import CharterRaciMatrix from 'c/charterRaciMatrix';
import { raciMatrix } from 'c/successModel';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { expectNoWriteActions, requestAddAndEdit } from 'jest-helpers/access';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

const stageRow = (element: HTMLElement, stage: string) =>
  one(element, `tr.stage[data-stage="${stage}"]`) as HTMLElement;

jest.mock('@salesforce/label/c.Workspace_RolePerson', () => ({ default: '{0} · {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Workspace_NoPerson', () => ({ default: 'No person' }), { virtual: true });

describe('c-charter-raci-matrix', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    await expectNoWriteActions(mount('c-charter-raci-matrix', CharterRaciMatrix, { raci: view().raci }));
  });

  it('places roles by stage and RACI value with person and department', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, {
      canCreate: true,
      canEdit: true,
      raci: view().raci
    });
    await flushPromises();
    const onboarding = stageRow(element, 'Onboarding');
    expect(onboarding.querySelector('td[data-column="accountable"]')!.textContent).toContain('Onboarding lead');
    expect(onboarding.querySelector('td[data-column="accountable"]')!.textContent).toContain('Ola Lead');
    expect(onboarding.querySelector('td[data-column="responsible"]')!.textContent).toContain('Services');
    expect(onboarding.querySelector('.gap')).toBeNull();
    expect(onboarding.querySelector('.conflict')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('writes who holds each role on a line of its own under the role name, or that nobody does', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, { canEdit: true, raci: view().raci });
    await flushPromises();
    const role = (name: string) =>
      ([...shadow(element).querySelectorAll('li.role')] as HTMLElement[]).find(
        (li) => li.querySelector('.role-toggle')!.textContent!.trim() === name
      )!;
    const lead = role('Onboarding lead');
    expect(lead.querySelector('p.holder')!.textContent).toBe('Ola Lead · Customer Success');
    // the name is its own element, not run into the person
    expect(lead.querySelector('.role-toggle')!.textContent!.trim()).toBe('Onboarding lead');
    expect(role('Finance partner').querySelector('p.holder')!.textContent).toBe('No person · Finance');
    expect(role('Advisor').querySelector('p.holder')!.textContent).toBe('No person · Product');
    await expect(element).toBeAccessible();
  });

  it('flags a stage with no Accountable as a gap and one with two as a conflict', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, {
      canCreate: true,
      canEdit: true,
      raci: view().raci
    });
    await flushPromises();
    const adoption = stageRow(element, 'Adoption');
    expect(adoption.querySelector('.conflict')).not.toBeNull();
    expect(adoption.querySelector('.flags')!.textContent).toContain('Adoption has 2 Accountable roles');
    const renewal = stageRow(element, 'Renewal');
    expect(renewal.querySelector('.gap')).not.toBeNull();
    expect(renewal.querySelector('.flags')!.textContent).toContain('Renewal has no Accountable role');
  });

  it('shows responsibilities on hover and on expand', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, {
      canCreate: true,
      canEdit: true,
      raci: view().raci
    });
    await flushPromises();
    const toggle = stageRow(element, 'Onboarding').querySelector(
      'td[data-column="accountable"] .role-toggle'
    ) as HTMLButtonElement;
    expect(toggle.title).toBe('Runs kick-off and the first 30 days.');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(one(element, '.responsibilities').textContent).toBe('Runs kick-off and the first 30 days.');
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(one(element, '.responsibilities')).toBeNull();
  });

  it('lists roles without a stage apart, and asks to add or edit roles', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, {
      canCreate: true,
      canEdit: true,
      raci: view().raci
    });
    const requests = await requestAddAndEdit(element, '.unstaged button.edit');
    expect(one(element, '.unstaged').textContent).toContain('Advisor');
    expect(requests).toEqual([
      { objectApiName: 'Charter_Role__c', recordId: undefined },
      { objectApiName: 'Charter_Role__c', recordId: 'a02000000000007AAA' }
    ]);
  });

  it('shows the empty state without roles', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, {
      canCreate: true,
      canEdit: true,
      raci: raciMatrix([])
    });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoRoles');
    await expect(element).toBeAccessible();
  });

  it('renders staged roles without ids, and nothing before data arrives', async () => {
    const element = mount('c-charter-raci-matrix', CharterRaciMatrix, {
      canCreate: true,
      canEdit: true,
      raci: raciMatrix([{ Name: 'Nameless', Lifecycle_Stage__c: 'Expansion', RACI__c: 'Consulted' }, {}])
    });
    await flushPromises();
    expect(stageRow(element, 'Expansion').textContent).toContain('Nameless');
    expect(one(element, '.unstaged li')).not.toBeNull();
    const bare = mount('c-charter-raci-matrix', CharterRaciMatrix, { canCreate: true, canEdit: true });
    await flushPromises();
    expect(one(bare, '.empty')).not.toBeNull();
  });
});
