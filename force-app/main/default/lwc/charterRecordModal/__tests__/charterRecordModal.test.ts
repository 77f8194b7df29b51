import CharterRecordModal from 'c/charterRecordModal';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';

const all = (element: HTMLElement, selector: string) => [...shadow(element).querySelectorAll(selector)] as any[];
/** The API names of the form's fields (each field-name is a schema import). */
const fieldNames = (element: HTMLElement) =>
  all(element, 'lightning-input-field').map((field) => field.fieldName.fieldApiName);
describe('c-charter-record-modal', () => {
  afterEach(resetDom);

  it('creates a record under the charter with the fields of its kind', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, {
      objectApiName: 'Charter_Risk__c',
      charterId: 'a00000000000001AAA',
      label: 'New risk'
    });
    await flushPromises();
    const form = one(element, 'lightning-record-edit-form');
    expect(form.objectApiName.objectApiName).toBe('Charter_Risk__c');
    expect(form.recordId).toBeUndefined();
    const fields = fieldNames(element);
    expect(fields).toEqual(
      expect.arrayContaining(['Charter__c', 'Likelihood__c', 'Impact__c', 'Corrective_Action__c'])
    );
    expect(one(element, 'lightning-input-field.charter').value).toBe('a00000000000001AAA');
    expect(one(element, 'lightning-modal-header').label).toBe('New risk');
    await expect(element).toBeAccessible();
  });

  it('edits an existing record without resetting its charter', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, {
      objectApiName: 'Charter_Role__c',
      recordId: 'a02000000000001AAA'
    });
    await flushPromises();
    expect(one(element, 'lightning-record-edit-form').recordId).toBe('a02000000000001AAA');
    expect(one(element, 'lightning-input-field.charter')).toBeNull();
    expect(fieldNames(element)).toContain('RACI__c');
  });

  it('closes with "saved" on success and "cancel" on cancel', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, { objectApiName: 'Charter_Milestone__c' });
    const closed: unknown[] = [];
    element.addEventListener('close', (event) => closed.push((event as CustomEvent).detail));
    await flushPromises();
    one(element, 'lightning-record-edit-form').dispatchEvent(new CustomEvent('success'));
    one(element, 'lightning-button.cancel').click();
    expect(closed).toEqual(['saved', 'cancel']);
  });

  it('shows why a save failed and stays open', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, { objectApiName: 'Charter_Objective__c' });
    const closed = jest.fn();
    element.addEventListener('close', closed);
    await flushPromises();
    one(element, 'lightning-record-edit-form').dispatchEvent(
      new CustomEvent('error', { detail: { message: 'A Manual metric needs a target' } })
    );
    await flushPromises();
    expect(one(element, 'c-error-panel').friendlyMessage).toBe('c.Workspace_SaveError');
    expect(closed).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('disables Save while the record saves', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, { objectApiName: 'Charter_Milestone__c' });
    await flushPromises();
    expect(one(element, 'lightning-button.save').disabled).toBe(false);
    one(element, 'lightning-record-edit-form').dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect(one(element, 'lightning-button.save').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('enables Save again and shows the error panel when the save fails', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, { objectApiName: 'Charter_Risk__c' });
    await flushPromises();
    const form = one(element, 'lightning-record-edit-form');
    form.dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect(one(element, 'c-error-panel')).toBeNull();
    form.dispatchEvent(new CustomEvent('error', { detail: { message: 'Impact must be 1 to 5' } }));
    await flushPromises();
    expect(one(element, 'lightning-button.save').disabled).toBe(false);
    expect(one(element, 'c-error-panel').errors).toEqual({ message: 'Impact must be 1 to 5' });
    expect(one(element, 'lightning-messages')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('clears the last error when the record is submitted again', async () => {
    const element = mount('c-charter-record-modal', CharterRecordModal, { objectApiName: 'Charter_Objective__c' });
    await flushPromises();
    const form = one(element, 'lightning-record-edit-form');
    form.dispatchEvent(new CustomEvent('error', { detail: { message: 'A Manual metric needs a target' } }));
    await flushPromises();
    expect(one(element, 'c-error-panel')).not.toBeNull();
    form.dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect(one(element, 'c-error-panel')).toBeNull();
    expect(one(element, 'lightning-button.save').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });
});
