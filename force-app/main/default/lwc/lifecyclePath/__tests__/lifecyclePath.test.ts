import LifecyclePath from 'c/lifecyclePath';
import { lifecyclePath } from 'c/successModel';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';

const STAGES = [
  { DeveloperName: 'Onboarding', MasterLabel: 'Onboarding', Order__c: 1 },
  { DeveloperName: 'Adoption', MasterLabel: 'Adoption', Order__c: 2 }
];

describe('c-lifecycle-path', () => {
  afterEach(resetDom);

  it('renders the stages as a path with the account stage current', async () => {
    const element = mount('c-lifecycle-path', LifecyclePath, { steps: lifecyclePath(STAGES, 'Adoption') });
    await flushPromises();
    const root = shadow(element);
    const indicator = root.querySelector('lightning-progress-indicator') as HTMLElement & {
      currentStep: string;
      type: string;
    };
    expect(indicator.currentStep).toBe('Adoption');
    expect(indicator.type).toBe('path');
    expect(
      [...root.querySelectorAll('lightning-progress-step')].map((s) => (s as HTMLElement & { label: string }).label)
    ).toEqual(['Onboarding', 'Adoption']);
    expect(root.querySelector('.no-stage')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says the account has no stage yet', async () => {
    const element = mount('c-lifecycle-path', LifecyclePath, { steps: lifecyclePath(STAGES, null) });
    await flushPromises();
    expect(shadow(element).querySelector('.no-stage')?.textContent).toBe('c.Panel_NoStage');
    await expect(element).toBeAccessible();
  });

  it('renders nothing but the notice without configured stages', async () => {
    const element = mount('c-lifecycle-path', LifecyclePath, { steps: [] });
    await flushPromises();
    expect(shadow(element).querySelector('lightning-progress-indicator')).toBeNull();
  });
});
