import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { GoalStanding, IsoDate, Timeliness } from 'c/successModel';
import { formatLabel } from 'c/panelFormat';
import type { PanelGoal } from '../accountSuccessPanel/panelTypes';
import LABEL_PROGRESS from '@salesforce/label/c.Panel_GoalProgress';
import LABEL_PROGRESS_UNKNOWN from '@salesforce/label/c.Panel_GoalProgressUnknown';
import LABEL_TARGET_DATE from '@salesforce/label/c.Panel_GoalTargetDate';
import LABEL_OVERDUE from '@salesforce/label/c.Panel_GoalOverdue';
import LABEL_DUE_SOON from '@salesforce/label/c.Panel_GoalDueSoon';
import LABEL_DAYS_TO_VALUE from '@salesforce/label/c.Panel_GoalDaysToValue';
import LABEL_VALUE_REALIZED from '@salesforce/label/c.Panel_GoalValueRealized';
import LABEL_OBJECTIVE from '@salesforce/label/c.Panel_GoalObjective';
import LABEL_UPDATE from '@salesforce/label/c.Panel_UpdateValue';
import LABEL_CURRENT_VALUE from '@salesforce/label/c.Panel_CurrentValue';
import LABEL_SAVE from '@salesforce/label/c.Panel_Save';
import LABEL_CANCEL from '@salesforce/label/c.Panel_Cancel';
import LABEL_MARK_ACHIEVED from '@salesforce/label/c.Panel_MarkAchieved';
import LABEL_SAVED from '@salesforce/label/c.Panel_GoalSaved';
import LABEL_SAVE_FAILED from '@salesforce/label/c.Panel_GoalSaveFailed';

interface NumberInput extends HTMLElement {
  value: string;
  reportValidity(): boolean;
}

const TIMELINESS_LABELS: Partial<Record<Timeliness, string>> = { overdue: LABEL_OVERDUE, dueSoon: LABEL_DUE_SOON };

/**
 * One goal: where it stands, and the two updates an account manager makes most (current value, achieved).
 * Badges, the progress bar and the two row actions are SLDS markup rather than base components: the panel shows a
 * row per goal, and per-row base components were most of its render time. The editor (one row at a time) keeps
 * lightning-input and lightning-button for validation.
 */
export default class GoalRow extends LightningElement {
  @api standing: GoalStanding<PanelGoal> | undefined;
  /** The panel's "today", used as the achieved date. */
  @api today: IsoDate | undefined;

  editing = false;
  saving = false;
  saveError: unknown;
  labels = {
    update: LABEL_UPDATE,
    currentValue: LABEL_CURRENT_VALUE,
    save: LABEL_SAVE,
    cancel: LABEL_CANCEL,
    markAchieved: LABEL_MARK_ACHIEVED,
    saveFailed: LABEL_SAVE_FAILED
  };

  get goal(): PanelGoal {
    return this.standing?.goal ?? {};
  }

  get name(): string {
    return this.goal.Name ?? '';
  }

  get hasProgress(): boolean {
    return typeof this.standing?.progress.percent === 'number';
  }

  get percent(): number {
    return this.standing?.progress.percent ?? 0;
  }

  /** The bar's fill: successModel's percent, already clamped to 0..100. */
  get progressStyle(): string {
    return `width: ${this.percent}%`;
  }

  get progressText(): string {
    return this.hasProgress
      ? formatLabel(LABEL_PROGRESS, {
          value: this.percent,
          current: this.goal.Current_Value__c,
          target: this.goal.Target__c,
          unit: this.goal.Unit__c
        })
      : LABEL_PROGRESS_UNKNOWN;
  }

  get progressLabel(): string {
    return `${this.name}: ${this.progressText}`;
  }

  get targetDateLabel(): string {
    return LABEL_TARGET_DATE;
  }

  get timelinessText(): string | undefined {
    const timeliness = this.standing?.timeliness;
    const label = timeliness ? TIMELINESS_LABELS[timeliness] : undefined;
    const days = this.standing?.daysToTarget ?? 0;
    return label ? formatLabel(label, { count: Math.abs(days) }) : undefined;
  }

  get timelinessClass(): string {
    return this.standing?.timeliness === 'overdue'
      ? 'slds-badge timeliness slds-theme_error'
      : 'slds-badge timeliness slds-theme_warning';
  }

  get daysToValueText(): string | undefined {
    const days = this.standing?.daysToValue;
    return typeof days === 'number' ? formatLabel(LABEL_DAYS_TO_VALUE, { count: days }) : undefined;
  }

  get hasValueRealized(): boolean {
    return typeof this.goal.Value_Realized__c === 'number';
  }

  get valueRealizedLabel(): string {
    return LABEL_VALUE_REALIZED;
  }

  get objectiveText(): string | undefined {
    const objective = this.goal.Charter_Objective__r?.Name;
    return objective ? formatLabel(LABEL_OBJECTIVE, { name: objective }) : undefined;
  }

  get canAct(): boolean {
    return this.standing?.isOpen === true && Boolean(this.goal.Id);
  }

  get actionsDisabled(): boolean {
    return this.saving;
  }

  handleEdit(): void {
    this.saveError = undefined;
    this.editing = true;
  }

  handleCancel(): void {
    this.editing = false;
  }

  handleSaveValue(): void {
    const input = this.template!.querySelector('lightning-input.current-value') as NumberInput | null;
    if (!input || !input.reportValidity()) return;
    const value = input.value === '' ? null : Number(input.value);
    this.save({ Current_Value__c: value });
  }

  handleMarkAchieved(): void {
    this.save({ Status__c: 'Achieved', Achieved_Date__c: this.today ?? null });
  }

  private async save(fields: Record<string, unknown>): Promise<void> {
    this.saving = true;
    this.saveError = undefined;
    try {
      await updateRecord({ fields: { Id: this.goal.Id, ...fields } });
      this.editing = false;
      this.dispatchEvent(
        new ShowToastEvent({ title: formatLabel(LABEL_SAVED, { name: this.name }), variant: 'success' })
      );
      this.dispatchEvent(new CustomEvent('goalsaved', { detail: { recordId: this.goal.Id } }));
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}
