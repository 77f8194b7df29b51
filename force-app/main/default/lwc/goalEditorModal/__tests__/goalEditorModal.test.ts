import GoalEditorModal from 'c/goalEditorModal';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';

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
