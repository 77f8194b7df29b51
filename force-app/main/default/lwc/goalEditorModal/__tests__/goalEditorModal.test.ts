import fs from 'node:fs';
import path from 'node:path';
import GoalEditorModal from 'c/goalEditorModal';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';

jest.mock('@salesforce/user/Id', () => ({ default: '005000000000042AAA' }), { virtual: true });

type InputField = HTMLElement & { fieldName: { fieldApiName: string }; value: unknown };
const inputFields = (element: Element) =>
  new Map(
    [...shadow(element).querySelectorAll('lightning-input-field')].map((field) => [
      (field as InputField).fieldName.fieldApiName,
      field as InputField
    ])
  );

/** The Status__c picklist value marked default in the field's metadata. */
function statusDefaultInMetadata(): string | undefined {
  const xml = fs.readFileSync(
    path.join(__dirname, '../../../objects/Customer_Goal__c/fields/Status__c.field-meta.xml'),
    'utf8'
  );
  const values = xml.split('<value>').slice(1);
  const chosen = values.find((value) => value.includes('<default>true</default>'));
  return chosen ? /<fullName>([^<]+)<\/fullName>/.exec(chosen)?.[1] : undefined;
}

describe('c-goal-editor-modal', () => {
  afterEach(resetDom);

  it('prefills the account and closes with the new goal Id on success', async () => {
    const element = mount('c-goal-editor-modal', GoalEditorModal, { accountId: '001000000000001AAA' });
    const closed = jest.fn();
    element.addEventListener('close', closed);
    await flushPromises();
    const root = shadow(element);
    const form = root.querySelector('lightning-record-edit-form') as HTMLElement & { objectApiName: unknown };
    expect(form.objectApiName).toEqual(expect.objectContaining({ objectApiName: 'Customer_Goal__c' }));
    const account = [...root.querySelectorAll('lightning-input-field')].find(
      (field) => (field as HTMLElement & { value: string }).value === '001000000000001AAA'
    );
    expect(account).toBeDefined();
    form.dispatchEvent(new CustomEvent('submit'));
    await flushPromises();
    expect((root.querySelector('lightning-button.save') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    form.dispatchEvent(new CustomEvent('success', { detail: { id: 'a02000000000009AAA' } }));
    await flushPromises();
    expect(closed.mock.calls[0][0].detail).toEqual({ id: 'a02000000000009AAA' });
    await expect(element).toBeAccessible();
  });

  it('asks for value realized, change type and owner; the owner is the current user, the status the default', async () => {
    const element = mount('c-goal-editor-modal', GoalEditorModal, { accountId: '001000000000001AAA' });
    await flushPromises();
    const fields = inputFields(element);
    expect(fields.has('Value_Realized__c')).toBe(true);
    expect(fields.has('Change_Type__c')).toBe(true);
    expect(fields.get('Owner__c')?.value).toBe('005000000000042AAA');
    // a real status, never --None--: the one the picklist marks as its default
    expect(statusDefaultInMetadata()).toBe('Not Started');
    expect(fields.get('Status__c')?.value).toBe('Not Started');
    await expect(element).toBeAccessible();
  });

  it('shows a save error instead of closing', async () => {
    const element = mount('c-goal-editor-modal', GoalEditorModal, { accountId: '001000000000001AAA' });
    const closed = jest.fn();
    element.addEventListener('close', closed);
    await flushPromises();
    const form = shadow(element).querySelector('lightning-record-edit-form') as HTMLElement;
    form.dispatchEvent(new CustomEvent('error', { detail: { message: 'Target is required' } }));
    await flushPromises();
    const error = shadow(element).querySelector('c-error-panel') as HTMLElement & { errors: unknown };
    expect(error.errors).toEqual({ message: 'Target is required' });
    expect(closed).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('closes with nothing when cancelled', async () => {
    const element = mount('c-goal-editor-modal', GoalEditorModal, { accountId: '001000000000001AAA' });
    const closed = jest.fn();
    element.addEventListener('close', closed);
    await flushPromises();
    (shadow(element).querySelector('lightning-button.cancel') as HTMLElement).click();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(closed.mock.calls[0][0].detail ?? undefined).toBeUndefined();
  });
});
