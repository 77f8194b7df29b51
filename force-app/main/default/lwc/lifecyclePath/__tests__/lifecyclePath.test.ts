import LifecyclePath from 'c/lifecyclePath';
import { lifecyclePath } from 'c/successModel';
import { flushPromises, mountRendered, shadow } from 'jest-helpers/dom';

jest.mock('@salesforce/label/c.Format_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_DaysInStage', () => ({ default: '{0} in {1}, target {2}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_DaysInStageNoTarget', () => ({ default: '{0} in {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_OverdueInStage', () => ({ default: 'Overdue in stage by {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_StageCurrent', () => ({ default: '{0}, current stage' }), { virtual: true });

const STAGES = [
  { DeveloperName: 'Onboarding', MasterLabel: 'Onboarding', Order__c: 1, Target_Days__c: 45 },
  { DeveloperName: 'Adoption', MasterLabel: 'Adoption', Order__c: 2, Target_Days__c: 90 },
  { DeveloperName: 'Value_Realization', MasterLabel: 'Value Realization', Order__c: 3 },
  { DeveloperName: 'Renewal', MasterLabel: 'Renewal', Order__c: 4 }
];
const TODAY = '2025-06-30';

describe('c-lifecycle-path', () => {
  it('shows every stage by its whole name, the account stage current, and days in stage against the target', async () => {
    const element = await mountRendered('c-lifecycle-path', LifecyclePath, {
      steps: lifecyclePath(STAGES, 'Adoption', '2025-05-01', TODAY)
    });
    const root = shadow(element);
    const steps = [...root.querySelectorAll('li.step')] as HTMLElement[];
    expect(steps.map((s) => s.dataset.key)).toEqual(['Onboarding', 'Adoption', 'Value_Realization', 'Renewal']);
    expect(steps.map((s) => s.querySelector('span[aria-hidden="true"]:not(.check)')?.textContent)).toEqual([
      'Onboarding',
      'Adoption',
      'Value Realization',
      'Renewal'
    ]);
    expect(steps[0].className).toContain('step_complete');
    expect(steps[1].getAttribute('aria-current')).toBe('step');
    expect(steps[1].querySelector('.slds-assistive-text')?.textContent).toBe('Adoption, current stage');
    // 1 May to 30 June: 30 + 30 = 60 days
    expect(root.querySelector('.days-in-stage')?.textContent).toBe('60 days in Adoption, target 90 days');
    expect(root.querySelector('.overdue-in-stage')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('flags an account that has been in its stage longer than the target', async () => {
    // 1 April to 30 June: 90 days in Onboarding, 45 past its 45-day target
    const element = await mountRendered('c-lifecycle-path', LifecyclePath, {
      steps: lifecyclePath(STAGES, 'Onboarding', '2025-04-01', TODAY)
    });
    const root = shadow(element);
    expect(root.querySelector('.days-in-stage')?.textContent).toBe('90 days in Onboarding, target 45 days');
    expect(root.querySelector('.overdue-in-stage')?.textContent).toBe('Overdue in stage by 45 days');
    expect(root.querySelector('li.step_current')?.className).toContain('step_overdue');
    await expect(element).toBeAccessible();
  });

  it('counts days without a target, and says when the stage date is blank', async () => {
    const element = await mountRendered('c-lifecycle-path', LifecyclePath, {
      steps: lifecyclePath(STAGES, 'Renewal', '2025-06-20', TODAY)
    });
    expect(shadow(element).querySelector('.days-in-stage')?.textContent).toBe('10 days in Renewal');
    element.steps = lifecyclePath(STAGES, 'Renewal', null, TODAY);
    await flushPromises();
    expect(shadow(element).querySelector('.days-in-stage')?.textContent).toBe('c.Panel_NoStageDate');
  });

  it('says the account has no stage yet', async () => {
    const element = await mountRendered('c-lifecycle-path', LifecyclePath, { steps: lifecyclePath(STAGES, null) });
    expect(shadow(element).querySelector('.no-stage')?.textContent).toBe('c.Panel_NoStage');
    expect(shadow(element).querySelector('.days-in-stage')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('renders nothing but the empty message without stages', async () => {
    const element = await mountRendered('c-lifecycle-path', LifecyclePath, { steps: [] });
    expect(shadow(element).querySelector('ol')).toBeNull();
    expect(shadow(element).querySelector('.no-stage')).not.toBeNull();
  });
});
