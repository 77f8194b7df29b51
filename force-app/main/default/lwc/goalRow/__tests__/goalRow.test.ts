import GoalRow from 'c/goalRow';
import { updateRecord } from 'lightning/uiRecordApi';
import { goalStandings } from 'c/successModel';
import { click, mountRendered, one, shadow, type FormInput } from 'jest-helpers/dom';
import { toastsOf } from 'jest-helpers/records';
import type { PanelGoal } from '../../accountSuccessPanel/panelTypes';

jest.mock('lightning/uiRecordApi', () => ({ updateRecord: jest.fn(() => Promise.resolve({})) }));
jest.mock('@salesforce/label/c.Format_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_GoalProgress', () => ({ default: 'From {0} to {1}, now {2}: {3} of the way' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_GoalProgressUnknown', () => ({ default: 'Progress unknown: {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_GoalMissingBaseline', () => ({ default: 'no baseline' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_GoalOverdue', () => ({ default: 'Overdue by {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_GoalDueSoon', () => ({ default: 'Due in {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_GoalDaysToValue', () => ({ default: 'Achieved in {0}' }), { virtual: true });

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
  return mountRendered('c-goal-row', GoalRow, { canEdit, standing: goalStandings([goal], TODAY)[0], today: TODAY });
}

describe('c-goal-row', () => {
  it('offers no Update and no Mark achieved to a user who may not update goals', async () => {
    const element = await render(GOAL, false);
    expect(one(element, '[role="progressbar"]')).not.toBeNull();
    expect(one(element, 'button.edit')).toBeNull();
    expect(one(element, 'button.achieve')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows one standing (overdue, whatever the status says), progress in the goal words and the objective', async () => {
    const element = await render();
    const bar = one(element, '[role="progressbar"]') as HTMLElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    const progress = 'From 100 users to 500 users, now 300 users: 50% of the way';
    expect(bar.getAttribute('aria-label')).toBe(`Weekly active users: ${progress}`);
    expect(one(element, '.progress')?.textContent).toBe(progress);
    expect((one(element, '.slds-progress-bar__value') as HTMLElement).style.width).toBe('50%');
    const standing = one(element, '.slds-badge.standing') as HTMLElement;
    expect(standing.textContent).toBe('Overdue by 10 days');
    expect(standing.className).toContain('slds-theme_error');
    // the status field still says On Track: it is not shown beside the overdue standing
    expect(shadow(element).textContent).not.toContain('On Track');
    expect(one(element, '.flag')).toBeNull();
    expect(one(element, '[data-detail="target"]')?.textContent).toBe('Jun 20, 2025');
    expect(one(element, '.objective')?.textContent).toBe('c.Panel_GoalObjective');
    await expect(element).toBeAccessible();
  });

  it('reads a lower-is-better goal from its baseline down to its target, with start date and change type', async () => {
    const element = await render({
      ...GOAL,
      Baseline__c: 160,
      Target__c: 40,
      Current_Value__c: 160,
      Unit__c: 'hours/month',
      Direction__c: 'Lower is better',
      Status__c: 'Not Started',
      Start_Date__c: '2025-05-01',
      Target_Date__c: '2025-12-31',
      Change_Type__c: 'Process'
    });
    expect(one(element, '.progress')?.textContent).toBe(
      'From 160 hours/month to 40 hours/month, now 160 hours/month: 0% of the way'
    );
    expect(one(element, '.slds-badge.standing')?.textContent).toBe('c.Panel_GoalOnTrack');
    expect(one(element, '.flag')?.textContent).toBe('c.Panel_GoalFlagNotStarted');
    expect(one(element, '[data-detail="start"]')?.textContent).toBe('May 1, 2025');
    expect(one(element, '[data-detail="change"]')?.textContent).toBe('Process');
  });

  it('shows days to value and value realized for an achieved goal, with no actions', async () => {
    const element = await render({
      ...GOAL,
      Status__c: 'Achieved',
      Start_Date__c: '2025-01-01',
      Achieved_Date__c: '2025-03-01',
      Value_Realized__c: 5000
    });
    expect(one(element, '.days-to-value')?.textContent).toBe('Achieved in 59 days');
    expect(one(element, '[data-detail="value"]')?.textContent).toBe('$5,000');
    expect(one(element, '.slds-badge.standing')?.textContent).toBe('c.Panel_GoalAchieved');
    expect(one(element, 'button.achieve')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says progress is unknown when a number is missing', async () => {
    const element = await render({ ...GOAL, Baseline__c: null, Target_Date__c: '2025-07-05', Status__c: 'At Risk' });
    expect(one(element, '[role="progressbar"]')).toBeNull();
    expect(one(element, '.progress')?.textContent).toBe('Progress unknown: no baseline');
    const standing = one(element, '.slds-badge.standing') as HTMLElement;
    expect(standing.textContent).toBe('Due in 5 days');
    expect(standing.className).toContain('slds-theme_warning');
    expect(one(element, '.flag')?.textContent).toBe('c.Panel_GoalFlagAtRisk');
  });

  it('updates the current value through LDS, toasts and tells the list', async () => {
    const element = await render();
    const saved = jest.fn();
    element.addEventListener('goalsaved', saved);
    const toasts = toastsOf(element);
    await click(element, 'button.edit');
    const input = one(element, 'lightning-input.current-value') as FormInput;
    input.reportValidity = () => true;
    input.value = '420';
    await click(element, 'lightning-button.save');
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: GOAL.Id, Current_Value__c: 420 } });
    expect(saved.mock.calls[0][0].detail).toEqual({ recordId: GOAL.Id });
    expect(toasts[0].detail).toMatchObject({ variant: 'success' });
    expect(one(element, 'lightning-input.current-value')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('does not save an invalid value, and cancel closes the editor', async () => {
    const element = await render();
    await click(element, 'button.edit');
    const input = one(element, 'lightning-input.current-value') as FormInput;
    input.reportValidity = () => false;
    await click(element, 'lightning-button.save');
    expect(updateRecord).not.toHaveBeenCalled();
    await click(element, 'lightning-button.cancel');
    expect(one(element, 'lightning-input.current-value')).toBeNull();
  });

  it('asks for the day and the value realized before marking the goal achieved', async () => {
    const element = await render();
    await click(element, 'button.achieve');
    const date = one(element, 'lightning-input.achieved-date') as FormInput;
    const realized = one(element, 'lightning-input.value-realized') as FormInput;
    expect(date.value).toBe(TODAY);
    expect(date.max).toBe(TODAY);
    await expect(element).toBeAccessible();
    date.reportValidity = () => true;
    realized.reportValidity = () => true;
    date.value = '2025-06-25';
    realized.value = '12000';
    await click(element, 'lightning-button.save-achieved');
    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: GOAL.Id, Status__c: 'Achieved', Achieved_Date__c: '2025-06-25', Value_Realized__c: 12000 }
    });
    expect(one(element, 'lightning-input.achieved-date')).toBeNull();
  });

  it('does not mark achieved with an invalid date, and saves a blank value as blank', async () => {
    const element = await render();
    await click(element, 'button.achieve');
    const date = one(element, 'lightning-input.achieved-date') as FormInput;
    const realized = one(element, 'lightning-input.value-realized') as FormInput;
    date.reportValidity = () => false;
    realized.reportValidity = () => true;
    await click(element, 'lightning-button.save-achieved');
    expect(updateRecord).not.toHaveBeenCalled();
    date.reportValidity = () => true;
    realized.value = '';
    await click(element, 'lightning-button.save-achieved');
    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: GOAL.Id, Status__c: 'Achieved', Achieved_Date__c: TODAY, Value_Realized__c: null }
    });
  });

  it('shows the error when marking achieved fails, and cancel closes the form', async () => {
    (updateRecord as jest.Mock).mockRejectedValueOnce({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' } });
    const element = await render();
    const saved = jest.fn();
    element.addEventListener('goalsaved', saved);
    await click(element, 'button.achieve');
    for (const name of ['achieved-date', 'value-realized']) {
      (one(element, `lightning-input.${name}`) as FormInput).reportValidity = () => true;
    }
    await click(element, 'lightning-button.save-achieved');
    expect(saved).not.toHaveBeenCalled();
    const error = one(element, 'c-error-panel') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(error.errors).toEqual({ body: { message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' } });
    expect(error.friendlyMessage).toBe('c.Panel_GoalSaveFailed');
    await expect(element).toBeAccessible();
    await click(element, 'lightning-button.cancel');
    expect(one(element, 'lightning-input.achieved-date')).toBeNull();
    expect(one(element, 'button.achieve')).not.toBeNull();
  });

  it('reads every standing in words', async () => {
    const cases: Array<[Partial<PanelGoal>, string]> = [
      [{ Status__c: 'Missed' }, 'c.Panel_GoalMissed'],
      [{ Status__c: 'Cancelled' }, 'c.Panel_GoalCancelled'],
      [{ Target_Date__c: null }, 'c.Panel_GoalUnscheduled'],
      [{ Target_Date__c: TODAY }, 'c.Panel_GoalDueToday']
    ];
    const elements = await Promise.all(cases.map(([fields]) => render({ ...GOAL, ...fields })));
    expect(elements.map((element) => one(element, '.slds-badge.standing')?.textContent)).toEqual(
      cases.map(([, text]) => text)
    );
  });
});
