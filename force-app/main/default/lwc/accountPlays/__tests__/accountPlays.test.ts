import AccountPlays from 'c/accountPlays';
import getPlays from '@salesforce/apex/AccountPlaysController.getPlays';
import { refreshApex } from '@salesforce/apex';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { click, flushPromises, mount, one, shadow } from 'jest-helpers/dom';
import { expectReloaded, toastsOf, type WireAdapterMock } from 'jest-helpers/records';
import type { PlaysViewModel, PlaysViewModelJson } from '../playsTypes';
import playsJson from './data/plays.json';
import noPlaysJson from './data/noPlays.json';
// What getObjectInfos answers for Success_Play__c and Task: to a manager and to a viewer.
import editorInfos from './data/objectInfosEditor.json';
import readerInfos from './data/objectInfosReader.json';

// The fixtures are the Apex contract: they must type-check as the view-model (as JSON delivers it).
const PLAYS = playsJson satisfies PlaysViewModelJson as PlaysViewModel;
const NO_PLAYS = noPlaysJson satisfies PlaysViewModelJson as PlaysViewModel;
const TODAY = '2025-06-30';

jest.mock(
  '@salesforce/apex/AccountPlaysController.getPlays',
  () => ({ default: require('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
  { virtual: true }
);
jest.mock('lightning/uiRecordApi', () => ({
  createRecord: jest.fn(),
  updateRecord: jest.fn(() => Promise.resolve({})),
  notifyRecordUpdateAvailable: jest.fn(() => Promise.resolve())
}));
// Jest reads a label as its own name; the labels whose text a test checks get their real English (labels/).
jest.mock('@salesforce/label/c.Format_Day', () => ({ default: '{0} day' }), { virtual: true });
jest.mock('@salesforce/label/c.Format_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Format_NotAvailable', () => ({ default: 'Not available' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_Started', () => ({ default: 'Started {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_DaysOpen', () => ({ default: 'Started {0} · open for {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Plays_StepsDone', () => ({ default: '{0} of {1} steps done' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Plays_StepDue', () => ({ default: 'Due {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_StepOwner', () => ({ default: 'Owner: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_StepOverdue', () => ({ default: 'Overdue by {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_StepDone', () => ({ default: 'Done' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_StepOpen', () => ({ default: 'To do' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_Outcome', () => ({ default: 'Outcome: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_ClosedOn', () => ({ default: 'Closed {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_ClearedIn', () => ({ default: 'Trigger cleared in {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_ClosedAfter', () => ({ default: 'Closed after {0}' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.Plays_OpenCut',
  () => ({ default: 'Showing {0} of {1} open plays, the most recently started.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Plays_StepsCut', () => ({ default: 'Showing {0} of {1} steps, the earliest due.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Plays_ClosedCut',
  () => ({ default: 'Showing {0} of {1} closed plays, the most recently closed.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Plays_StartSteps',
  () => ({ default: "Tasks it creates: {0}, each owned as the Active charter's RACI says." }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Plays_StartedToast', () => ({ default: '{0} started' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_ClosedToast', () => ({ default: '{0} closed' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_Outcome_NotResolved', () => ({ default: 'Not resolved' }), { virtual: true });
jest.mock('@salesforce/label/c.Plays_Outcome_TriggerCleared', () => ({ default: 'Trigger cleared' }), {
  virtual: true
});

const wire = getPlays as unknown as WireAdapterMock;
const infos = getObjectInfos as unknown as WireAdapterMock;
const create = createRecord as unknown as jest.Mock;
const update = updateRecord as unknown as jest.Mock;

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(data: PlaysViewModel | null = PLAYS, access: unknown = editorInfos) {
  const element = mount('c-account-plays', AccountPlays, { recordId: PLAYS.account.Id, today: TODAY });
  await flushPromises();
  if (access) infos.emit(access);
  if (data) wire.emit(data);
  await flushPromises();
  return element;
}

const qa = (element: Element, selector: string) => Array.from(shadow(element).querySelectorAll(selector));

describe('c-account-plays', () => {
  it('shows a spinner while loading and asks for the account on the page', async () => {
    const element = await render(null, null);
    expect(one(element, 'lightning-spinner')).not.toBeNull();
    expect(wire.getLastConfig()).toEqual({ accountId: PLAYS.account.Id });
    expect(one(element, '.start-play')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says there are no plays yet for an account without any', async () => {
    const element = await render(NO_PLAYS);
    expect(one(element, 'lightning-spinner')).toBeNull();
    expect(text(one(element, '.no-open'))).toContain('c.Plays_NoOpen');
    expect(one(element, '.no-closed')).not.toBeNull();
    expect(qa(element, '.open-play')).toHaveLength(0);
    // Every active playbook can be started.
    expect(one(element, '.start-play')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists the open plays with why they opened, their start and their steps', async () => {
    const element = await render();
    const plays = qa(element, '.open-play');
    expect(plays.map((play) => text(play.querySelector('.play-name')))).toEqual([
      'Serious customer risk',
      'Health at risk'
    ]);
    const [manual, health] = plays;
    expect(text(manual.querySelector('.source'))).toBe('c.Plays_SourceManual');
    // Jun 29 to Jun 30.
    expect(text(manual.querySelector('.play-dates'))).toBe('Started Jun 29, 2025 · open for 1 day');
    expect(manual.querySelector('.facts')).toBeNull();
    expect(text(manual.querySelector('.no-steps'))).toBe('c.Plays_NoSteps');
    expect(text(manual.querySelector('.steps-done'))).toBe('0 of 0 steps done');

    expect(text(health.querySelector('.source'))).toBe('c.Plays_SourceTrigger');
    // Jun 20 to Jun 30.
    expect(text(health.querySelector('.play-dates'))).toBe('Started Jun 20, 2025 · open for 10 days');
    expect(Array.from(health.querySelectorAll('.fact')).map(text)).toEqual([
      'Health is At Risk',
      '1 goal is overdue: Onboard the team'
    ]);
    expect(text(health.querySelector('.steps-done'))).toBe('1 of 3 steps done');
    const steps = Array.from(health.querySelectorAll('.step'));
    expect(steps.map((step) => text(step.querySelector('.step-subject')))).toEqual([
      'Review the health breakdown and call the customer',
      'Agree a recovery plan with the customer',
      'Executive check-in'
    ]);
    expect(steps.map((step) => text(step.querySelector('.step-state')))).toEqual([
      'Done',
      // Due Jun 27, today Jun 30.
      'Overdue by 3 days',
      'To do'
    ]);
    expect(steps[1].classList.contains('step_overdue')).toBe(true);
    expect(steps[1].querySelector('.step-state')?.classList.contains('slds-theme_error')).toBe(true);
    expect(steps[0].querySelector('.step-state')?.classList.contains('slds-theme_success')).toBe(true);
    expect(steps.map((step) => text(step.querySelector('.step-owner')))).toEqual([
      'Owner: Dana Reyes',
      'Owner: Dana Reyes',
      'Owner: Sam Lee'
    ]);
    expect(steps.map((step) => text(step.querySelector('.step-due')))).toEqual([
      'Due Jun 20, 2025',
      'Due Jun 27, 2025',
      'Due Jul 4, 2025'
    ]);
    expect(one(element, '.open-cut')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists recently closed plays with their outcome and days to clear', async () => {
    const element = await render();
    const closed = qa(element, '.closed-play');
    expect(closed.map((play) => text(play.querySelector('.play-name')))).toEqual(['Red sentiment', 'Goal overdue']);
    expect(text(closed[0].querySelector('.outcome'))).toBe('Outcome: Not resolved');
    expect(text(closed[0].querySelector('.closed-on'))).toBe('Closed Jun 11, 2025');
    // Closed by a person: Jun 1 to Jun 11, no trigger clearing.
    expect(text(closed[0].querySelector('.days'))).toBe('Closed after 10 days');
    expect(text(closed[0].querySelector('.comment'))).toBe('The champion left');
    expect(text(closed[1].querySelector('.outcome'))).toBe('Outcome: Trigger cleared');
    expect(text(closed[1].querySelector('.days'))).toBe('Trigger cleared in 20 days');
    expect(closed[1].querySelector('.comment')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says how many plays and steps there are when the lists are cut', async () => {
    const element = await render({ ...PLAYS, openPlayCount: 24, stepCount: 1200, closedPlayCount: 1500 });
    expect(text(one(element, '.open-cut'))).toBe('Showing 2 of 24 open plays, the most recently started.');
    expect(text(one(element, '.steps-cut'))).toBe('Showing 3 of 1,200 steps, the earliest due.');
    expect(text(one(element, '.closed-cut'))).toBe('Showing 2 of 1,500 closed plays, the most recently closed.');
  });

  it('reads sparse records without failing: no dates, names, owners, outcome or playbook label', async () => {
    const sparse = {
      account: { Id: PLAYS.account.Id, Name: 'Acme' },
      openPlays: [
        {
          Id: 'a0P000000000005AAA',
          Name: 'Retired playbook',
          Playbook__c: 'Retired',
          Status__c: 'Open',
          Trigger_Facts__c: '  \nHealth is Watch\n'
        },
        { Id: 'a0P000000000006AAA', Playbook__c: 'Gone', Status__c: 'Open', Opened_On__c: '2025-06-01' }
      ],
      openPlayCount: 2,
      closedPlays: [
        { Id: 'a0P000000000007AAA', Name: 'Blank', Status__c: 'Closed' },
        {
          Id: 'a0P000000000008AAA',
          Name: 'Custom',
          Status__c: 'Closed',
          Outcome__c: 'Escalated',
          Opened_On__c: '2025-06-01',
          Closed_On__c: '2025-06-05'
        }
      ],
      closedPlayCount: 2,
      steps: [{ WhatId: 'a0P000000000005AAA' }],
      stepCount: 1,
      roles: [],
      config: { playbooks: [{ DeveloperName: 'No_Label', Active__c: true }], steps: [] }
    } as unknown as PlaysViewModel;
    create.mockResolvedValueOnce({ id: 'a0P000000000009AAA' });
    const element = await render(sparse);
    const plays = qa(element, '.open-play');
    expect(plays.map((play) => text(play.querySelector('.play-name')))).toEqual(['Retired playbook', '']);
    expect(text(plays[0].querySelector('.play-dates'))).toBe('Started Not available');
    expect(Array.from(plays[0].querySelectorAll('.fact')).map(text)).toEqual(['Health is Watch']);
    const step = plays[0].querySelector('.step') as Element;
    expect(text(step.querySelector('.step-subject'))).toBe('');
    expect(text(step.querySelector('.step-owner'))).toBe('c.Plays_StepNoOwner');
    expect(text(step.querySelector('.step-due'))).toBe('c.Plays_StepNoDue');
    expect(text(step.querySelector('.step-state'))).toBe('To do');
    const closed = qa(element, '.closed-play');
    expect(text(closed[0].querySelector('.outcome'))).toBe('Outcome:');
    expect(text(closed[0].querySelector('.closed-on'))).toBe('Closed Not available');
    expect(closed[0].querySelector('.days')).toBeNull();
    expect(text(closed[1].querySelector('.outcome'))).toBe('Outcome: Escalated');
    expect(text(closed[1].querySelector('.days'))).toBe('Closed after 4 days');
    await expect(element).toBeAccessible();

    await click(element, '.start-play');
    const select = one(element, 'select.playbook') as HTMLSelectElement;
    expect(Array.from(select.options).map((option) => text(option))).toEqual(['No_Label']);
    expect(one(element, '.playbook-description')).toBeNull();
    expect(text(one(element, '.playbook-steps'))).toBe(
      "Tasks it creates: 0, each owned as the Active charter's RACI says."
    );
    await click(element, '.start-confirm');
    await flushPromises();
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0][0].fields.Name).toBe('No_Label');
  });

  it('starts nothing when the chosen playbook is no longer offered', async () => {
    const element = await render();
    await click(element, '.start-play');
    const select = one(element, 'select.playbook') as HTMLSelectElement;
    select.value = 'Unknown';
    // An option the list no longer has (the view-model refreshed underneath the open form).
    Object.defineProperty(select, 'value', { value: 'Unknown' });
    select.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(text(one(element, '.playbook-steps'))).toBe('');
    await click(element, '.start-confirm');
    expect(create).not.toHaveBeenCalled();
  });

  it('offers neither Start nor Close to a user who may not create or update plays', async () => {
    const element = await render(PLAYS, readerInfos);
    expect(qa(element, '.open-play')).toHaveLength(2);
    expect(one(element, '.start-play')).toBeNull();
    expect(one(element, '.close-play')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('offers Start only when tasks may be created too, and Close when plays may be updated', async () => {
    const element = await render(PLAYS, {
      results: [
        { statusCode: 200, result: { apiName: 'Success_Play__c', createable: true, updateable: true } },
        { statusCode: 403, result: { message: 'no access' } }
      ]
    });
    expect(one(element, '.start-play')).toBeNull();
    expect(qa(element, '.close-play')).toHaveLength(2);
  });

  it('shows the error panel when the plays cannot load', async () => {
    const element = await render(null);
    wire.error({ message: 'Insufficient access' });
    await flushPromises();
    const error = one(element, 'c-error-panel.load-error') as HTMLElement & { friendlyMessage: string };
    expect(error).not.toBeNull();
    expect(error.friendlyMessage).toBe('c.Plays_LoadFailed');
    expect(qa(element, '.open-play')).toHaveLength(0);
    await expect(element).toBeAccessible();
  });

  it('starts a playbook by hand: the play, then its tasks pointing at it, then a refresh', async () => {
    create.mockResolvedValueOnce({ id: 'a0P000000000009AAA' }).mockResolvedValue({ id: '00T000000000009AAA' });
    const element = await render();
    const toasts = toastsOf(element);
    await click(element, '.start-play');
    await expect(element).toBeAccessible();
    const select = one(element, 'select.playbook') as HTMLSelectElement;
    // Playbooks with an open play here (Health at risk, Serious customer risk) are not offered.
    expect(Array.from(select.options).map((option) => option.value)).toEqual([
      'Goal_Overdue',
      'Red_Sentiment',
      'Renewal_At_Risk'
    ]);
    expect(text(one(element, '.playbook-steps'))).toBe(
      "Tasks it creates: 2, each owned as the Active charter's RACI says."
    );
    select.value = 'Goal_Overdue';
    select.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    await click(element, '.start-confirm');
    await flushPromises();

    expect(create).toHaveBeenCalledTimes(3);
    expect(create.mock.calls[0][0]).toEqual({
      apiName: 'Success_Play__c',
      fields: {
        Name: 'Goal overdue',
        Account__c: PLAYS.account.Id,
        Playbook__c: 'Goal_Overdue',
        Play_Key__c: `${PLAYS.account.Id}:Goal_Overdue:2025-06-30`,
        Status__c: 'Open',
        Source__c: 'Manual',
        Opened_On__c: '2025-06-30'
      }
    });
    expect(create.mock.calls[1][0]).toEqual({
      apiName: 'Task',
      fields: {
        Subject: 'Re-plan the overdue goal with the customer: new date, baseline and target',
        // Jun 30 + 2 days; Dana Reyes holds Responsible for Adoption.
        ActivityDate: '2025-07-02',
        Status: 'Not Started',
        Priority: 'Normal',
        OwnerId: '005000000000002AAA',
        WhatId: 'a0P000000000009AAA'
      }
    });
    expect(create.mock.calls[2][0]).toEqual({
      apiName: 'Task',
      fields: {
        Subject: 'Executive value review of the goals behind schedule',
        // Jun 30 + 14 days; nobody holds Accountable for Adoption: the account owner.
        ActivityDate: '2025-07-14',
        Status: 'Not Started',
        Priority: 'Normal',
        OwnerId: '005000000000001AAA',
        Description: 'Nobody holds Accountable for Adoption in the Active charter: assigned to the account owner',
        WhatId: 'a0P000000000009AAA'
      }
    });
    expectReloaded(['a0P000000000009AAA', PLAYS.account.Id]);
    expect(toasts.map((toast) => toast.detail.title)).toEqual(['Goal overdue started']);
    expect(one(element, '.start-form')).toBeNull();
  });

  it('keeps the start form and says why when the play cannot be created; Cancel closes it', async () => {
    create.mockRejectedValueOnce({ body: { message: 'Required fields are missing' } });
    const element = await render();
    await click(element, '.start-play');
    await click(element, '.start-confirm');
    await flushPromises();
    expect(create).toHaveBeenCalledTimes(1);
    const error = one(element, 'c-error-panel.action-error') as HTMLElement & { friendlyMessage: string };
    expect(error.friendlyMessage).toBe('c.Plays_StartFailed');
    expect(refreshApex).not.toHaveBeenCalled();
    expect(one(element, '.start-form')).not.toBeNull();
    await expect(element).toBeAccessible();
    await click(element, '.start-cancel');
    expect(one(element, '.start-form')).toBeNull();
  });

  it('reloads after a start whose play landed but a step failed, and says the start failed', async () => {
    create
      .mockResolvedValueOnce({ id: 'a0P000000000009AAA' })
      .mockRejectedValueOnce({ body: { message: 'Assigned To: inactive user' } })
      .mockResolvedValue({ id: '00T000000000009AAA' });
    (refreshApex as unknown as jest.Mock).mockRejectedValueOnce(new Error('offline'));
    const element = await render();
    await click(element, '.start-play');
    await click(element, '.start-confirm');
    await flushPromises();
    expect(create).toHaveBeenCalledTimes(3);
    // The play exists: reload so it is not offered again (this reload fails too; the start's error is the one shown).
    expect(refreshApex).toHaveBeenCalledTimes(1);
    const error = one(element, 'c-error-panel.action-error') as HTMLElement & { friendlyMessage: string };
    expect(error.friendlyMessage).toBe('c.Plays_StartFailed');
    expect(one(element, '.start-form')).toBeNull();
  });

  it('closes a play with the outcome and comment a person gives, then refreshes', async () => {
    const element = await render();
    const toasts = toastsOf(element);
    const health = qa(element, '.open-play')[1];
    (health.querySelector('.close-play') as HTMLButtonElement).click();
    await flushPromises();
    await expect(element).toBeAccessible();
    const select = one(element, 'select.outcome') as HTMLSelectElement;
    expect(Array.from(select.options).map((option) => option.value)).toEqual([
      'Resolved',
      'Not Resolved',
      'No Longer Relevant'
    ]);
    select.value = 'No Longer Relevant';
    select.dispatchEvent(new CustomEvent('change'));
    (one(element, 'textarea.outcome-comment') as HTMLTextAreaElement).value = ' Account merged ';
    await click(element, '.close-confirm');
    await flushPromises();
    expect(update).toHaveBeenCalledWith({
      fields: {
        Id: 'a0P000000000001AAA',
        Status__c: 'Closed',
        Closed_On__c: '2025-06-30',
        Outcome__c: 'No Longer Relevant',
        Outcome_Comment__c: 'Account merged'
      }
    });
    expectReloaded(['a0P000000000001AAA', PLAYS.account.Id]);
    expect(toasts.map((toast) => toast.detail.title)).toEqual(['Health at risk closed']);
    expect(one(element, '.close-form')).toBeNull();
  });

  it('says the write landed but the reload failed when the refresh fails', async () => {
    (refreshApex as unknown as jest.Mock).mockRejectedValueOnce(new Error('offline'));
    const element = await render();
    await click(element, '.close-play');
    await click(element, '.close-cancel');
    expect(one(element, '.close-form')).toBeNull();
    await click(element, '.close-play');
    await click(element, '.close-confirm');
    await flushPromises();
    expect(update).toHaveBeenCalledTimes(1);
    const error = one(element, 'c-error-panel.action-error') as HTMLElement & { friendlyMessage: string };
    expect(error.friendlyMessage).toBe('c.Plays_RefreshFailed');
  });
});
