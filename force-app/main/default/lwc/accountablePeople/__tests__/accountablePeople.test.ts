import AccountablePeople from 'c/accountablePeople';
import { stagePeople, type LifecycleStage } from 'c/successModel';
import { mountRendered, shadow } from 'jest-helpers/dom';
import type { PanelRole } from '../../accountSuccessPanel/panelTypes';

const ROLES: PanelRole[] = [
  {
    Id: 'ro1',
    Name: 'Head of CS',
    Lifecycle_Stage__c: 'Adoption',
    RACI__c: 'Accountable',
    Person__c: 'u1',
    Person__r: { Name: 'Sam Okafor' }
  },
  {
    Id: 'ro2',
    Name: 'CSM',
    Lifecycle_Stage__c: 'Adoption',
    RACI__c: 'Responsible',
    Person__c: 'u2',
    Person__r: { Name: 'Dana Reyes' }
  },
  { Id: 'ro3', Name: 'Renewals lead', Lifecycle_Stage__c: 'Renewal', RACI__c: 'Accountable' }
];

/** The section for the account's stage (null: the account has none), rendered. */
function render(stage: LifecycleStage | null) {
  return mountRendered('c-accountable-people', AccountablePeople, { people: stagePeople(ROLES, stage) });
}

describe('c-accountable-people', () => {
  it('names the accountable and responsible people for the stage', async () => {
    const element = await render('Adoption');
    const root = shadow(element);
    expect(root.querySelector('.accountable .person')?.textContent).toBe('Sam Okafor');
    expect(root.querySelector('.responsible .person')?.textContent).toBe('Dana Reyes');
    expect(root.querySelector('.warnings')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('warns about RACI gaps and unfilled roles', async () => {
    const element = await render('Renewal');
    const root = shadow(element);
    expect(root.querySelector('.accountable .person')?.textContent).toBe('c.Panel_RoleUnfilled');
    // No Responsible role: the term still has a description, so the list never ends on a bare <dt>.
    expect(root.querySelector('.responsible-none')?.textContent).toBe('c.Panel_NoRole');
    expect(root.querySelector('.accountable-none')).toBeNull();
    expect([...root.querySelectorAll('.warnings li')].map((li) => li.textContent)).toEqual([
      'c.Panel_Fact_NoResponsible',
      'c.Panel_Fact_RoleWithoutPerson'
    ]);
    await expect(element).toBeAccessible();
  });

  it('describes each term with "No role" for a stage without roles (axe: definition-list)', async () => {
    const element = await render('Expansion');
    const list = shadow(element).querySelector('dl') as HTMLElement;
    expect([...list.children].map((child) => `${child.tagName} ${child.textContent ?? ''}`.trim())).toEqual([
      'DT c.Panel_Accountable',
      'DD c.Panel_NoRole',
      'DT c.Panel_Responsible',
      'DD c.Panel_NoRole'
    ]);
    await expect(element).toBeAccessible();
  });

  it('asks for a lifecycle stage when the account has none', async () => {
    const element = await render(null);
    expect(shadow(element).querySelector('.no-people')?.textContent).toBe('c.Panel_NoPeople');
    await expect(element).toBeAccessible();
  });
});
