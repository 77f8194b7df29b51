import GoalRow from 'c/goalRow';
import { updateRecord } from 'lightning/uiRecordApi';
import { TOAST_EVENT_NAME } from '../../../../../../jest/mocks/lightning/platformShowToastEvent';
import { goalStandings } from 'c/successModel';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import type { PanelGoal } from '../../accountSuccessPanel/panelTypes';

jest.mock('lightning/uiRecordApi', () => ({ updateRecord: jest.fn(() => Promise.resolve({})) }));

const TODAY = '2025-06-30';
const GOAL: PanelGoal = {
  Id: 'a02000000000001AAA',
  Name: 'Weekly active users',
  Baseline__c: 100,
  Target__c: 500,
  Current_Value__c: 300,
  Unit__c: 'users',
  Status__c: 'On Track',
  Target_Date__c: '2025-06-20',
  Charter_Objective__r: { Name: 'Adoption' }
};

function render(goal: PanelGoal = GOAL, canEdit = true) {
  return mount('c-goal-row', GoalRow, { canEdit, standing: goalStandings([goal], TODAY)[0], today: TODAY });
}
const q = (element: Element, selector: string) => shadow(element).querySelector(selector);

describe('c-goal-row', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('offers no Update and no Mark achieved to a user who may not update goals', async () => {
    const element = render(GOAL, false);
    await flushPromises();
    expect(q(element, '[role="progressbar"]')).not.toBeNull();
    expect(q(element, 'button.edit')).toBeNull();
    expect(q(element, 'button.achieve')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows progress, overdue marking and the objective it serves', async () => {
    const element = render();
    await flushPromises();
    const bar = q(element, '[role="progressbar"]') as HTMLElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(bar.getAttribute('aria-label')).toBe('Weekly active users: c.Panel_GoalProgress');
    expect((q(element, '.slds-progress-bar__value') as HTMLElement).style.width).toBe('50%');
    const timeliness = q(element, '.slds-badge.timeliness') as HTMLElement;
    expect(timeliness.textContent).toBe('c.Panel_GoalOverdue');
    expect(timeliness.className).toContain('slds-theme_error');
    expect(q(element, '.slds-badge.status')?.textContent).toBe('On Track');
    expect(q(element, '.objective')?.textContent).toBe('c.Panel_GoalObjective');
    await expect(element).toBeAccessible();
  });

  it('shows days to value and value realized for an achieved goal, with no actions', async () => {
    const element = render({
      ...GOAL,
      Status__c: 'Achieved',
      Start_Date__c: '2025-01-01',
      Achieved_Date__c: '2025-03-01',
      Value_Realized__c: 5000
    });
    await flushPromises();
    expect(q(element, '.days-to-value')?.textContent).toBe('c.Panel_GoalDaysToValue');
    expect(q(element, '.value-realized lightning-formatted-number')).not.toBeNull();
    expect(q(element, 'button.achieve')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says progress is unknown when a number is missing', async () => {
    const element = render({ ...GOAL, Baseline__c: null, Target_Date__c: '2025-07-05' });
    await flushPromises();
    expect(q(element, '[role="progressbar"]')).toBeNull();
    expect(q(element, '.progress')?.textContent).toBe('c.Panel_GoalProgressUnknown');
    const timeliness = q(element, '.slds-badge.timeliness') as HTMLElement;
    expect(timeliness.textContent).toBe('c.Panel_GoalDueSoon');
    expect(timeliness.className).toContain('slds-theme_warning');
  });

  it('updates the current value through LDS, toasts and tells the list', async () => {
    const element = render();
    const saved = jest.fn();
    const toasts: CustomEvent[] = [];
    element.addEventListener('goalsaved', saved);
    element.addEventListener(TOAST_EVENT_NAME, (event) => toasts.push(event as CustomEvent));
    await flushPromises();
    (q(element, 'button.edit') as HTMLElement).click();
    await flushPromises();
    const input = q(element, 'lightning-input.current-value') as HTMLElement & {
      value: string;
      reportValidity: () => boolean;
    };
    input.reportValidity = () => true;
    input.value = '420';
    (q(element, 'lightning-button.save') as HTMLElement).click();
    await flushPromises();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: GOAL.Id, Current_Value__c: 420 } });
    expect(saved.mock.calls[0][0].detail).toEqual({ recordId: GOAL.Id });
    expect(toasts[0].detail).toMatchObject({ variant: 'success' });
    expect(q(element, 'lightning-input.current-value')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('does not save an invalid value, and cancel closes the editor', async () => {
    const element = render();
    await flushPromises();
    (q(element, 'button.edit') as HTMLElement).click();
    await flushPromises();
    const input = q(element, 'lightning-input.current-value') as HTMLElement & { reportValidity: () => boolean };
    input.reportValidity = () => false;
    (q(element, 'lightning-button.save') as HTMLElement).click();
    await flushPromises();
    expect(updateRecord).not.toHaveBeenCalled();
    (q(element, 'lightning-button.cancel') as HTMLElement).click();
    await flushPromises();
    expect(q(element, 'lightning-input.current-value')).toBeNull();
  });

  it('marks the goal achieved on today, and shows the error when the save fails', async () => {
    (updateRecord as jest.Mock).mockRejectedValueOnce({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' } });
    const element = render();
    const saved = jest.fn();
    element.addEventListener('goalsaved', saved);
    await flushPromises();
    (q(element, 'button.achieve') as HTMLElement).click();
    await flushPromises();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: GOAL.Id, Status__c: 'Achieved', Achieved_Date__c: TODAY }
    });
    expect(saved).not.toHaveBeenCalled();
    const error = q(element, 'c-error-panel') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(error.errors).toEqual({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' } });
    expect(error.friendlyMessage).toBe('c.Panel_GoalSaveFailed');
    await expect(element).toBeAccessible();
  });
});
