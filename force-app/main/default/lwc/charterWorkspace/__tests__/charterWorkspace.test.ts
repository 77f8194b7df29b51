import CharterWorkspace from 'c/charterWorkspace';
import getWorkspace from '@salesforce/apex/CharterWorkspaceController.getWorkspace';
import { refreshApex } from '@salesforce/apex';
// The shared mocks behind lightning/* (jest moduleNameMapper), imported by path for their test-only exports' types.
import { openCalls, queueModalResult, resetModal } from '../../../../../../jest/mocks/lightning/modal';
import { TOAST_EVENT_NAME } from '../../../../../../jest/mocks/lightning/platformShowToastEvent';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { noCharter, workspace } from './data/fixtures';
// getObjectInfos for the five charter objects: as a charter admin answers (create, edit) and as a manager or viewer.
import infosAdmin from './data/objectInfosAdmin.json';
import infosReader from './data/objectInfosReader.json';

const objectInfos = getObjectInfos as unknown as { emit(data: unknown): void; getLastConfig(): any };

jest.mock(
  '@salesforce/apex/CharterWorkspaceController.getWorkspace',
  () => ({ default: require('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const wire = getWorkspace as unknown as {
  emit(data: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
};

function child(element: HTMLElement, selector: string): HTMLElement & Record<string, any> {
  const found = shadow(element).querySelector(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found as HTMLElement & Record<string, any>;
}

/** What lightning-tabset does when the user opens a tab. */
async function openTab(element: HTMLElement, value: string): Promise<void> {
  const tab = [...shadow(element).querySelectorAll('lightning-tab')].find((t) => (t as any).value === value);
  tab!.dispatchEvent(new CustomEvent('active'));
  await flushPromises();
}

describe('c-charter-workspace', () => {
  afterEach(() => {
    resetDom();
    resetModal();
    jest.clearAllMocks();
  });

  it('shows a spinner until the view-model arrives', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    await flushPromises();
    expect(shadow(element).querySelector('lightning-spinner')).not.toBeNull();
    expect(shadow(element).querySelector('lightning-tabset')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks for the Active charter on an app page and for its own record on a record page', async () => {
    mount('c-charter-workspace', CharterWorkspace);
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ charterId: null });
    resetDom();
    const onRecordPage = mount('c-charter-workspace', CharterWorkspace, { recordId: 'a00000000000009AAA' });
    await flushPromises();
    expect(wire.getLastConfig()).toEqual({ charterId: 'a00000000000009AAA' });
    expect(onRecordPage.recordId).toBe('a00000000000009AAA');
  });

  it('renders six tabs fed by successModel from one payload', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.emit(workspace());
    await flushPromises();
    const tabs = [...shadow(element).querySelectorAll('lightning-tab')].map((tab) => (tab as any).label);
    expect(tabs).toEqual([
      'c.Workspace_TabCharter',
      'c.Workspace_TabObjectives',
      'c.Workspace_TabTeam',
      'c.Workspace_TabRoadmap',
      'c.Workspace_TabRisks',
      'c.Workspace_TabCustomers'
    ]);
    expect((shadow(element).querySelector('lightning-card') as any).title).toBe('Customer Success Charter 2025');
    expect(child(element, 'c-charter-statement').charter.Name).toBe('Customer Success Charter 2025');
    // Cost of inaction is blank in the fixture: the statement part is incomplete.
    const completeness = child(element, 'c-charter-completeness').completeness;
    expect(completeness.parts[0]).toMatchObject({ part: 'statement', complete: false });
    // Only the open tab renders.
    expect(shadow(element).querySelector('c-charter-metrics')).toBeNull();
    await expect(element).toBeAccessible();

    await openTab(element, 'objectives');
    expect(shadow(element).querySelector('c-charter-statement')).toBeNull();
    const metrics = child(element, 'c-charter-metrics');
    expect(metrics.program.asOf).toBe('2025-02-19');
    expect(metrics.program.velocity.overall).toMatchObject({
      accounts: 100,
      customersAchieving: 20,
      goalsAchieved: 26
    });
    expect(metrics.program.trend).toHaveLength(3);
    const objectives = child(element, 'c-charter-objectives').metrics;
    expect(objectives[0]).toMatchObject({ computed: true, value: 78.8 });
    await expect(element).toBeAccessible();

    await openTab(element, 'team');
    const raci = child(element, 'c-charter-raci-matrix').raci;
    expect(raci.stages.find((s: any) => s.stage === 'Adoption').conflicts).toHaveLength(1);
    await expect(element).toBeAccessible();

    await openTab(element, 'roadmap');
    const roadmap = child(element, 'c-charter-roadmap').months;
    expect(roadmap[1].items[0].state).toBe('overdue');
    await expect(element).toBeAccessible();

    await openTab(element, 'risks');
    const risks = child(element, 'c-charter-risks');
    expect(risks.threats).toHaveLength(3);
    expect(risks.enablers).toHaveLength(1);
    await expect(element).toBeAccessible();

    await openTab(element, 'customers');
    const customers = child(element, 'c-charter-customers');
    expect(customers.book.total).toBe(100);
    expect(customers.book.attention).toHaveLength(3);
    expect(customers.byTier.Ideal.achievementRatePercent).toBe(88.9);
    await expect(element).toBeAccessible();
    // Six axe runs over full tabs: slower than the usual 5 s budget.
  }, 30000);

  it('gives each part the write access getObjectInfos reports, and none before it answers', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.emit(workspace());
    await flushPromises();
    expect(objectInfos.getLastConfig().objectApiNames.map((o: { objectApiName: string }) => o.objectApiName)).toEqual([
      'Success_Charter__c',
      'Charter_Objective__c',
      'Charter_Role__c',
      'Charter_Milestone__c',
      'Charter_Risk__c'
    ]);
    expect(child(element, 'c-charter-statement').canEdit).toBe(false);
    objectInfos.emit(infosReader);
    await flushPromises();
    expect(child(element, 'c-charter-statement').canEdit).toBe(false);
    await expect(element).toBeAccessible();
    objectInfos.emit(infosAdmin);
    await flushPromises();
    expect(child(element, 'c-charter-statement').canEdit).toBe(true);
    const parts: Array<[string, string]> = [
      ['objectives', 'c-charter-objectives'],
      ['team', 'c-charter-raci-matrix'],
      ['roadmap', 'c-charter-roadmap'],
      ['risks', 'c-charter-risks']
    ];
    // One tab renders at a time: open each in turn (sequential on purpose).
    const accessOf = async (tab: string, selector: string) => {
      await openTab(element, tab);
      return [child(element, selector).canCreate, child(element, selector).canEdit];
    };
    const seen: unknown[] = [];
    for (const [tab, selector] of parts) seen.push(await accessOf(tab, selector)); // eslint-disable-line no-await-in-loop
    expect(seen).toEqual(parts.map(() => [true, true]));
    objectInfos.emit(infosReader);
    const after: unknown[] = [];
    for (const [tab, selector] of parts) after.push(await accessOf(tab, selector)); // eslint-disable-line no-await-in-loop
    expect(after).toEqual(parts.map(() => [false, false]));
  });

  it('shows the empty state when there is no Active charter', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.emit(noCharter());
    await flushPromises();
    expect(child(element, '.empty').textContent).toBe('c.Workspace_NoCharter');
    expect(shadow(element).querySelector('lightning-tabset')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the view-model cannot load', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.error({ message: 'Insufficient access' });
    await flushPromises();
    const panel = child(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Workspace_LoadError');
    expect(shadow(element).querySelector('lightning-tabset')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('opens the record modal for a child request, then toasts and refreshes when it saved', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.emit(workspace());
    await flushPromises();
    const toasts: unknown[] = [];
    element.addEventListener(TOAST_EVENT_NAME, (event) => toasts.push((event as CustomEvent).detail));
    queueModalResult('saved');
    await openTab(element, 'objectives');
    child(element, 'c-charter-objectives').dispatchEvent(
      new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Objective__c' } })
    );
    await flushPromises();
    expect(openCalls[0]).toMatchObject({
      objectApiName: 'Charter_Objective__c',
      recordId: undefined,
      charterId: 'a00000000000001AAA'
    });
    expect(toasts).toEqual([expect.objectContaining({ title: 'c.Workspace_Saved', variant: 'success' })]);
    expect(refreshApex).toHaveBeenCalledTimes(1);
  });

  it('does nothing more when the modal is cancelled', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.emit(workspace());
    await flushPromises();
    queueModalResult('cancel');
    await openTab(element, 'risks');
    child(element, 'c-charter-risks').dispatchEvent(
      new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Risk__c', recordId: 'a04000000000001AAA' } })
    );
    await flushPromises();
    expect(openCalls[0]).toMatchObject({ recordId: 'a04000000000001AAA', label: 'c.Workspace_Edit' });
    expect(refreshApex).not.toHaveBeenCalled();
  });

  it('refreshes after the statement is saved in place', async () => {
    const element = mount('c-charter-workspace', CharterWorkspace);
    wire.emit(workspace());
    await flushPromises();
    child(element, 'c-charter-statement').dispatchEvent(new CustomEvent('saved'));
    await flushPromises();
    expect(refreshApex).toHaveBeenCalledTimes(1);
  });
});
