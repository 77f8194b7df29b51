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

/** What a row shows, built once per standing: the template reads plain values, not getters over the proxy. */
function rowView(standing: GoalStanding<PanelGoal> | undefined) {
  const goal: PanelGoal = standing?.goal ?? {};
  const name = goal.Name ?? '';
  const percent = standing?.progress.percent;
  const hasProgress = typeof percent === 'number';
  const progressText = hasProgress
    ? formatLabel(LABEL_PROGRESS, {
        value: percent,
        current: goal.Current_Value__c,
        target: goal.Target__c,
        unit: goal.Unit__c
      })
    : LABEL_PROGRESS_UNKNOWN;
  const timeliness = standing?.timeliness;
  const timelinessLabel = timeliness ? TIMELINESS_LABELS[timeliness] : undefined;
  const daysToValue = standing?.daysToValue;
  const objective = goal.Charter_Objective__r?.Name;
  return {
    id: goal.Id,
    name,
    status: goal.Status__c,
    targetDate: goal.Target_Date__c,
    currentValue: goal.Current_Value__c,
    valueRealized: goal.Value_Realized__c,
    hasValueRealized: typeof goal.Value_Realized__c === 'number',
    hasProgress,
    percent: percent ?? 0,
    // successModel's percent is already clamped to 0..100.
    progressStyle: `width: ${percent ?? 0}%`,
    progressText,
    progressLabel: `${name}: ${progressText}`,
    timelinessText: timelinessLabel
      ? formatLabel(timelinessLabel, { count: Math.abs(standing?.daysToTarget ?? 0) })
      : undefined,
    timelinessClass:
      timeliness === 'overdue' ? 'slds-badge timeliness slds-theme_error' : 'slds-badge timeliness slds-theme_warning',
    daysToValueText:
      typeof daysToValue === 'number' ? formatLabel(LABEL_DAYS_TO_VALUE, { count: daysToValue }) : undefined,
    objectiveText: objective ? formatLabel(LABEL_OBJECTIVE, { name: objective }) : undefined,
    canAct: standing?.isOpen === true && Boolean(goal.Id)
  };
}

/**
 * One goal: where it stands, and the two updates an account manager makes most (current value, achieved).
 * Badges, the progress bar and the two row actions are SLDS markup rather than base components: the panel shows a
 * row per goal, and per-row base components were most of its render time. The editor (one row at a time) keeps
 * lightning-input and lightning-button for validation.
 */
export default class GoalRow extends LightningElement {
  /** The panel's "today", used as the achieved date. */
  @api today: IsoDate | undefined;
  /** The user may update goals (getObjectInfo, through the panel): Update and Mark achieved show only then. */
  @api canEdit = false;

  editing = false;
  saving = false;
  saveError: unknown;
  view = rowView(undefined);
  labels = {
    update: LABEL_UPDATE,
    currentValue: LABEL_CURRENT_VALUE,
    save: LABEL_SAVE,
    cancel: LABEL_CANCEL,
    markAchieved: LABEL_MARK_ACHIEVED,
    saveFailed: LABEL_SAVE_FAILED,
    targetDate: LABEL_TARGET_DATE,
    valueRealized: LABEL_VALUE_REALIZED
  };
  private standingValue: GoalStanding<PanelGoal> | undefined;

  @api
  get standing(): GoalStanding<PanelGoal> | undefined {
    return this.standingValue;
  }
  set standing(value: GoalStanding<PanelGoal> | undefined) {
    this.standingValue = value;
    this.view = rowView(value);
  }

  get showActions(): boolean {
    return this.canEdit && this.view.canAct;
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
      await updateRecord({ fields: { Id: this.view.id, ...fields } });
      this.editing = false;
      this.dispatchEvent(
        new ShowToastEvent({ title: formatLabel(LABEL_SAVED, { name: this.view.name }), variant: 'success' })
      );
      this.dispatchEvent(new CustomEvent('goalsaved', { detail: { recordId: this.view.id } }));
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}
