import CharterStatement from 'c/charterStatement';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { expectNoWriteActions } from 'jest-helpers/access';
import { workspace } from '../../charterWorkspace/__tests__/data/fixtures';

const all = (element: HTMLElement, selector: string) => [...shadow(element).querySelectorAll(selector)] as any[];
describe('c-charter-statement', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    await expectNoWriteActions(mount('c-charter-statement', CharterStatement, { charter: workspace().charter }));
  });

  it('shows the six statement parts, sponsor, status and version, and says which part is blank', async () => {
    const element = mount('c-charter-statement', CharterStatement, { canEdit: true, charter: workspace().charter });
    await flushPromises();
    const sections = all(element, '.section');
    expect(sections.map((s) => s.dataset.field)).toEqual([
      'Mission__c',
      'Vision__c',
      'Why_It_Matters__c',
      'Problems_Solved__c',
      'Opportunities__c',
      'Cost_Of_Inaction__c'
    ]);
    expect(sections[0].textContent).toContain('Every customer reaches the outcome they bought us for.');
    expect(sections[5].textContent).toContain('c.Workspace_Blank');
    expect(one(element, '.sponsor').textContent).toBe('Dana Sponsor');
    expect(one(element, '.status').textContent).toBe('Active');
    expect(one(element, '.version').textContent).toBe('1.2');
    await expect(element).toBeAccessible();
  });

  it('says what is not written yet when the charter has no values', async () => {
    const element = mount('c-charter-statement', CharterStatement, {
      canEdit: true,
      charter: { Id: 'a00000000000001AAA' }
    });
    await flushPromises();
    expect(one(element, '.sponsor').textContent).toBe('c.Workspace_Blank');
    expect(one(element, '.status').textContent).toBe('c.Workspace_Blank');
    expect(one(element, '.version').textContent).toBe('c.Workspace_Blank');
    await expect(element).toBeAccessible();
  });

  it('edits in place with a record edit form, and announces a save', async () => {
    const element = mount('c-charter-statement', CharterStatement, { canEdit: true, charter: workspace().charter });
    const saved = jest.fn();
    element.addEventListener('saved', saved);
    await flushPromises();
    one(element, 'lightning-button.edit').click();
    await flushPromises();
    const form = one(element, 'lightning-record-edit-form');
    expect(form.recordId).toBe('a00000000000001AAA');
    expect(all(element, 'lightning-input-field').map((f) => f.fieldName)).toContain('Cost_Of_Inaction__c');
    expect(one(element, 'lightning-button.edit')).toBeNull();
    await expect(element).toBeAccessible();
    form.dispatchEvent(new CustomEvent('success', { detail: { id: 'a00000000000001AAA' } }));
    await flushPromises();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(one(element, 'lightning-record-edit-form')).toBeNull();
  });

  it('shows the save error in the form and can be cancelled', async () => {
    const element = mount('c-charter-statement', CharterStatement, { canEdit: true, charter: workspace().charter });
    await flushPromises();
    one(element, 'lightning-button.edit').click();
    await flushPromises();
    one(element, 'lightning-record-edit-form').dispatchEvent(
      new CustomEvent('error', { detail: { message: 'Mission is required for an Active charter' } })
    );
    await flushPromises();
    expect(one(element, 'c-error-panel').friendlyMessage).toBe('c.Workspace_SaveError');
    await expect(element).toBeAccessible();
    one(element, 'lightning-button.cancel').click();
    await flushPromises();
    expect(one(element, 'lightning-record-edit-form')).toBeNull();
    expect(one(element, 'lightning-button.edit')).not.toBeNull();
  });

  it('disables Save while the statement saves and enables it again when the save fails', async () => {
    const element = mount('c-charter-statement', CharterStatement, { canEdit: true, charter: workspace().charter });
    await flushPromises();
    one(element, 'lightning-button.edit').click();
    await flushPromises();
    const form = one(element, 'lightning-record-edit-form');
    expect(one(element, 'lightning-button.save').disabled).toBe(false);
    form.dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect(one(element, 'lightning-button.save').disabled).toBe(true);
    await expect(element).toBeAccessible();
    form.dispatchEvent(new CustomEvent('error', { detail: { message: 'Mission is required for an Active charter' } }));
    await flushPromises();
    expect(one(element, 'lightning-button.save').disabled).toBe(false);
    expect(one(element, 'c-error-panel').errors).toEqual({ message: 'Mission is required for an Active charter' });
    await expect(element).toBeAccessible();
  });
});
