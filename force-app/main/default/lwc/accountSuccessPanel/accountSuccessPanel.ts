import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPanel from '@salesforce/apex/AccountSuccessController.getPanel';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import GOAL_OBJECT from '@salesforce/schema/Customer_Goal__c';
import { NO_ACCESS, objectAccess, type ObjectAccess } from 'c/ldsUtils';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { accountPanel, type AccountPanel, type IsoDate, type KeyFeatureConfig } from 'c/successModel';
import GoalEditorModal from 'c/goalEditorModal';
import { localToday } from './clock';
import type { PanelGoal, PanelRisk, PanelRole, PanelViewModel } from './panelTypes';
import LABEL_TITLE from '@salesforce/label/c.Panel_Title';
import LABEL_LOADING from '@salesforce/label/c.Panel_Loading';
import LABEL_LOAD_FAILED from '@salesforce/label/c.Panel_LoadFailed';
import LABEL_GOALS from '@salesforce/label/c.Panel_Goals';
import LABEL_ADD_GOAL from '@salesforce/label/c.Panel_AddGoal';
import LABEL_NO_GOALS from '@salesforce/label/c.Panel_NoGoals';
import LABEL_NO_GOALS_HINT from '@salesforce/label/c.Panel_NoGoalsHint';
import LABEL_GOAL_ADDED from '@salesforce/label/c.Panel_GoalAdded';
import LABEL_REFRESH_FAILED from '@salesforce/label/c.Panel_RefreshFailed';

// eslint-disable-next-line no-restricted-globals -- a method name, not the window.open global
type ModalClass = { open(config: Record<string, unknown>): Promise<unknown> };
type Panel = AccountPanel<PanelGoal, PanelRisk, PanelRole>;

interface WiredPanel {
  data?: PanelViewModel;
  error?: unknown;
}

/**
 * A single view of the customer on the Account record page: health and why, lifecycle and fit, goals, risks,
 * accountable people, revenue and product usage. One Apex call per load; successModel computes every figure; children render.
 * Sections can be switched off in the page's design attributes (each shows unless set to false).
 */
export default class AccountSuccessPanel extends LightningElement {
  @api recordId: string | undefined;
  @api showHealth: boolean | undefined;
  @api showLifecycle: boolean | undefined;
  @api showGoals: boolean | undefined;
  @api showRisks: boolean | undefined;
  @api showPeople: boolean | undefined;
  @api showRevenue: boolean | undefined;
  @api showUsage: boolean | undefined;

  panel: Panel | undefined;
  /** The account as loaded: its sentiment fields go to c-csm-sentiment. */
  account: PanelViewModel['account'] | undefined;
  /** The key features configured (Key_Feature__mdt), for the usage section's names. */
  keyFeatures: KeyFeatureConfig[] = [];
  /** How many goals and open risks the account has in all; the lists may hold the first of them only. */
  counts: { goals?: number; openRisks?: number } = {};
  error: unknown;
  /** Whether this user may add and update goals (getObjectInfo): no write action is offered until it says so. */
  goalAccess: ObjectAccess = NO_ACCESS;
  actionError: unknown;
  private wiredResult: WiredPanel | undefined;

  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    loadFailed: LABEL_LOAD_FAILED,
    goals: LABEL_GOALS,
    addGoal: LABEL_ADD_GOAL,
    noGoals: LABEL_NO_GOALS,
    noGoalsHint: LABEL_NO_GOALS_HINT,
    refreshFailed: LABEL_REFRESH_FAILED
  };

  /** The single source of "today" for every figure on the panel. */
  get today(): IsoDate {
    return localToday();
  }

  @wire(getPanel, { accountId: '$recordId' })
  wiredPanel(result: WiredPanel): void {
    this.wiredResult = result;
    if (result.data) {
      this.panel = accountPanel(result.data, this.today);
      this.account = result.data.account;
      this.counts = { goals: result.data.goalCount, openRisks: result.data.openRiskCount };
      this.keyFeatures = result.data.config.keyFeatures ?? [];
      this.error = undefined;
    } else if (result.error) {
      this.error = result.error;
      this.panel = undefined;
    }
  }

  @wire(getObjectInfo, { objectApiName: GOAL_OBJECT })
  wiredGoalInfo(result: { data?: { createable?: boolean; updateable?: boolean } }): void {
    this.goalAccess = objectAccess(result.data);
  }

  get isLoading(): boolean {
    return !this.panel && !this.error;
  }

  get hasGoals(): boolean {
    return (this.panel?.goals.length ?? 0) > 0;
  }

  get healthVisible(): boolean {
    return this.showHealth !== false;
  }
  get lifecycleVisible(): boolean {
    return this.showLifecycle !== false;
  }
  get goalsVisible(): boolean {
    return this.showGoals !== false;
  }
  get risksVisible(): boolean {
    return this.showRisks !== false;
  }
  get peopleVisible(): boolean {
    return this.showPeople !== false;
  }
  get revenueVisible(): boolean {
    return this.showRevenue !== false;
  }
  get usageVisible(): boolean {
    return this.showUsage !== false;
  }

  async handleAddGoal(): Promise<void> {
    // lightning-types omits LightningModal's static open().
    const modal = GoalEditorModal as unknown as ModalClass;
    const result = (await modal.open({
      size: 'small',
      label: LABEL_ADD_GOAL,
      description: LABEL_ADD_GOAL,
      accountId: this.recordId
    })) as { id?: string } | undefined;
    if (!result?.id) return;
    this.dispatchEvent(new ShowToastEvent({ title: LABEL_GOAL_ADDED, variant: 'success' }));
    await this.refresh(result.id);
  }

  async handleGoalSaved(event: CustomEvent<{ recordId: string }>): Promise<void> {
    await this.refresh(event.detail.recordId);
  }

  async handleSentimentSaved(): Promise<void> {
    await this.refresh(this.recordId as string);
  }

  /** Reloads the view-model and tells LDS the goal and the account changed, so other components on the page update. */
  private async refresh(goalId: string): Promise<void> {
    this.actionError = undefined;
    try {
      await refreshApex(this.wiredResult);
      await notifyRecordUpdateAvailable([{ recordId: goalId }, { recordId: this.recordId as string }]);
    } catch (error) {
      this.actionError = error;
    }
  }
}
