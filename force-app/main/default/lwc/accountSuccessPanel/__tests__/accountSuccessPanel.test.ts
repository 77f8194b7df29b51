import AccountSuccessPanel from 'c/accountSuccessPanel';
import getPanel from '@salesforce/apex/AccountSuccessController.getPanel';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { openCalls, queueModalResult, resetModal } from '../../../../../../jest/mocks/lightning/modal';
import { click, flushPromises, mount, one } from 'jest-helpers/dom';
import { expectReloaded, toastsOf, type WireAdapterMock } from 'jest-helpers/records';
import type { PanelViewModel, PanelViewModelJson } from '../panelTypes';
import fullJson from './data/fullAccount.json';
import emptyJson from './data/emptyAccount.json';
// What getObjectInfo answers for goals: to a manager (may create and update) and to a viewer (may only read).
import goalEditor from './data/goalObjectInfoEditor.json';
import goalReader from './data/goalObjectInfoReader.json';

// The fixtures are the Apex contract: they must type-check as the view-model (as JSON delivers it).
const FULL = fullJson satisfies PanelViewModelJson as PanelViewModel;
const EMPTY = emptyJson satisfies PanelViewModelJson as PanelViewModel;

jest.mock(
  '@salesforce/apex/AccountSuccessController.getPanel',
  () => ({ default: require('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
  { virtual: true }
);
jest.mock('lightning/uiRecordApi', () => ({
  notifyRecordUpdateAvailable: jest.fn(() => Promise.resolve()),
  updateRecord: jest.fn(() => Promise.resolve({}))
}));
jest.mock('../clock', () => ({ localToday: () => '2025-06-30' }));

const wire = getPanel as unknown as WireAdapterMock;
const goalInfo = getObjectInfo as unknown as WireAdapterMock;

function render(props: Record<string, unknown> = {}) {
  return mount('c-account-success-panel', AccountSuccessPanel, { recordId: FULL.account.Id, ...props });
}

/** The panel with the full account loaded and, when given, what getObjectInfo answers about goals. */
async function renderFull(props: Record<string, unknown> = {}, goalAccess?: unknown) {
  const element = render(props);
  wire.emit(FULL);
  if (goalAccess) goalInfo.emit(goalAccess);
  await flushPromises();
  return element;
}

describe('c-account-success-panel', () => {
  afterEach(resetModal);

  it('shows a spinner while loading and asks for the record on the page', async () => {
    const element = render();
    await flushPromises();
    expect(one(element, 'lightning-spinner')).not.toBeNull();
    expect(wire.getLastConfig()).toEqual({ accountId: FULL.account.Id });
    await expect(element).toBeAccessible();
  });

  it('makes one server call per load', async () => {
    const update = jest.spyOn(wire.adapter.prototype, 'update');
    const element = render();
    await flushPromises();
    wire.emit(FULL);
    await flushPromises();
    expect(one(element, 'c-health-summary')).not.toBeNull();
    // One wire configuration (one cacheable Apex request) and no imperative calls on top of it.
    expect(update).toHaveBeenCalledTimes(1);
    expect(getPanel).not.toHaveBeenCalled();
    update.mockRestore();
  });

  it('shows the error panel when the view-model cannot load', async () => {
    const element = render();
    wire.error({ message: 'Insufficient access' });
    await flushPromises();
    const error = one(element, 'c-error-panel.load-error') as HTMLElement & { friendlyMessage: string };
    expect(error).not.toBeNull();
    expect(error.friendlyMessage).toBe('c.Panel_LoadFailed');
    expect(one(element, 'lightning-spinner')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('passes successModel figures to every section for a full account', async () => {
    const element = await renderFull();
    const healthElement = one(element, 'c-health-summary') as HTMLElement & {
      health: { score: number; band: { key: string } };
    };
    expect(healthElement.health.score).toEqual(expect.any(Number));
    // The fixture's two snapshots (1 May 74, 1 June 68), oldest first; the fixture's model fingerprint is not the
    // shipped configuration's, so the change since 1 June is the model's, not itemised.
    const trendElement = one(element, '.section-health c-health-trend') as HTMLElement & {
      healthHistory: {
        trend: { points: Array<{ date: string; score: number }> };
        change: { kind: string; since: string };
      };
    };
    expect(trendElement.healthHistory.trend.points.map((p) => [p.date, p.score])).toEqual([
      ['2025-05-01', 74],
      ['2025-06-01', 68]
    ]);
    expect(trendElement.healthHistory.change).toMatchObject({ kind: 'modelChanged', since: '2025-06-01' });
    const lifecycle = one(element, 'c-lifecycle-path') as HTMLElement & {
      steps: Array<{ key: string; state: string }>;
    };
    expect(lifecycle.steps.find((step) => step.state === 'current')?.key).toBe('Adoption');
    const fitElement = one(element, 'c-fit-badge') as HTMLElement & { fit: { tier: string } };
    expect(fitElement.fit.tier).not.toBeNull();
    const goalsElement = one(element, 'c-goal-list') as HTMLElement & {
      goals: Array<{ goal: { Name: string } }>;
      today: string;
    };
    // Overdue first, then the At Risk goal, then open, then achieved.
    expect(goalsElement.goals.map((s) => s.goal.Name)).toEqual([
      'Cut onboarding time',
      'Weekly active users',
      'Executive dashboard',
      'Automate renewals quotes'
    ]);
    expect(goalsElement.today).toBe('2025-06-30');
    const risksElement = one(element, 'c-risk-list') as HTMLElement & { risks: Array<{ score: number }> };
    expect(risksElement.risks.map((r) => r.score)).toEqual([20, 12]);
    const peopleElement = one(element, 'c-accountable-people') as HTMLElement & {
      people: { accountable: Array<{ Name: string }> };
    };
    expect(peopleElement.people.accountable.map((r) => r.Name)).toEqual(['Head of Customer Success']);
    const revenueElement = one(element, 'c-renewal-facts') as HTMLElement & {
      revenue: { pipelineAmount: number; daysToRenewal: number };
      goalSummary: { valueRealized: number };
    };
    expect(revenueElement.revenue).toMatchObject({ pipelineAmount: 36000, daysToRenewal: 93 });
    expect(revenueElement.goalSummary.valueRealized).toBe(18000);
    expect(one(element, '.no-goals')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("embeds the account's plays with the record and the panel's today", async () => {
    const element = await renderFull();
    const plays = one(element, '.section-plays c-account-plays') as HTMLElement & { recordId: string; today: string };
    expect(plays).not.toBeNull();
    expect(plays.recordId).toBe(FULL.account.Id);
    expect(plays.today).toBe('2025-06-30');
  });

  it('invites the first goal when the account has none', async () => {
    const element = render({ recordId: EMPTY.account.Id });
    wire.emit(EMPTY);
    goalInfo.emit(goalEditor);
    await flushPromises();
    expect(one(element, '.no-goals')?.textContent).toContain('c.Panel_NoGoals');
    expect(one(element, 'c-goal-list')).toBeNull();
    expect(one(element, 'lightning-button.add-goal')).not.toBeNull();
    // Never scored: no trend and no change, not a change of 0.
    const trendElement = one(element, 'c-health-trend') as HTMLElement & { healthHistory: { change: unknown } };
    expect(trendElement.healthHistory.change).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('offers a user who may only read goals a read-only panel: no Add goal, no row actions', async () => {
    const update = jest.spyOn(goalInfo.adapter.prototype, 'update');
    const element = await renderFull();
    // Before getObjectInfo answers nothing is offered, so no button appears and then fails.
    expect(one(element, 'lightning-button.add-goal')).toBeNull();
    goalInfo.emit(goalReader);
    await flushPromises();
    // The panel asks about goals (the sentiment section asks about Account for itself).
    expect(update.mock.calls.map(([config]) => config)).toContainEqual({
      objectApiName: { objectApiName: 'Customer_Goal__c' }
    });
    update.mockRestore();
    expect(one(element, 'lightning-button.add-goal')).toBeNull();
    const list = one(element, 'c-goal-list') as HTMLElement & { canEdit: boolean; goals: unknown[] };
    expect(list.goals.length).toBeGreaterThan(0);
    expect(list.canEdit).toBe(false);
    await expect(element).toBeAccessible();
    goalInfo.emit(goalEditor);
    await flushPromises();
    expect(one(element, 'lightning-button.add-goal')).not.toBeNull();
    expect((one(element, 'c-goal-list') as HTMLElement & { canEdit: boolean }).canEdit).toBe(true);
  });

  it('hides the sections the page turns off', async () => {
    const element = await renderFull({
      showHealth: false,
      showLifecycle: false,
      showGoals: false,
      showRisks: false,
      showPeople: false,
      showRevenue: true
    });
    expect(one(element, 'c-health-summary')).toBeNull();
    expect(one(element, 'c-lifecycle-path')).toBeNull();
    expect(one(element, '.section-goals')).toBeNull();
    expect(one(element, 'c-risk-list')).toBeNull();
    expect(one(element, 'c-accountable-people')).toBeNull();
    expect(one(element, 'c-renewal-facts')).not.toBeNull();
  });

  it('adds a goal in a modal, then toasts and refreshes the panel and the records', async () => {
    const element = await renderFull({}, goalEditor);
    const toasts = toastsOf(element);
    queueModalResult({ id: 'a02000000000009AAA' });
    await click(element, 'lightning-button.add-goal');
    expect(openCalls).toHaveLength(1);
    expect(openCalls[0]).toMatchObject({ accountId: FULL.account.Id, size: 'small' });
    expect(toasts.map((t) => t.detail)).toEqual([{ title: 'c.Panel_GoalAdded', variant: 'success' }]);
    expectReloaded(['a02000000000009AAA', FULL.account.Id]);
  });

  it('does nothing when the modal is cancelled', async () => {
    const element = await renderFull({}, goalEditor);
    await click(element, 'lightning-button.add-goal');
    expect(openCalls).toHaveLength(1);
    expect(refreshApex).not.toHaveBeenCalled();
  });

  it('refreshes after a goal row saves', async () => {
    const element = await renderFull();
    one(element, 'c-goal-list')!.dispatchEvent(
      new CustomEvent('goalsaved', { detail: { recordId: 'a02000000000001AAA' } })
    );
    await flushPromises();
    expectReloaded(['a02000000000001AAA', FULL.account.Id]);
  });

  it('gives the sentiment section the account and the band the panel shows, and refreshes after a save', async () => {
    const element = await renderFull();
    const summary = one(element, 'c-health-summary') as HTMLElement & { health: { band: { key: string } } };
    const section = one(element, 'c-csm-sentiment') as HTMLElement & {
      account: { CSM_Sentiment__c: string };
      band: { key: string };
      recordId: string;
      today: string;
    };
    expect(section.account.CSM_Sentiment__c).toBe('Red');
    expect(section.band).toBe(summary.health.band);
    expect([section.recordId, section.today]).toEqual([FULL.account.Id, '2025-06-30']);
    section.dispatchEvent(new CustomEvent('sentimentsaved', { detail: { recordId: FULL.account.Id } }));
    await flushPromises();
    expectReloaded([FULL.account.Id, FULL.account.Id]);
    await expect(element).toBeAccessible();
  });

  it('shows, not swallows, a failed refresh', async () => {
    (refreshApex as jest.Mock).mockRejectedValueOnce(new Error('Network down'));
    const element = await renderFull();
    one(element, 'c-goal-list')!.dispatchEvent(
      new CustomEvent('goalsaved', { detail: { recordId: 'a02000000000001AAA' } })
    );
    await flushPromises();
    const error = one(element, 'c-error-panel.action-error') as HTMLElement & { errors: Error };
    expect(error.errors.message).toBe('Network down');
    await expect(element).toBeAccessible();
  });
});
