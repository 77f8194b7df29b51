import { LightningElement, api } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { saveWithState } from 'c/ldsUtils';
import type { GoalStanding, IsoDate, ProgressUnknownReason, Timeliness } from 'c/successModel';
import { formatCurrency, formatDate, formatDays, formatLabel, formatMeasure, formatPercent } from 'c/figureFormat';
import type { PanelGoal } from '../accountSuccessPanel/panelTypes';
import LABEL_PROGRESS from '@salesforce/label/c.Panel_GoalProgress';
import LABEL_PROGRESS_UNKNOWN from '@salesforce/label/c.Panel_GoalProgressUnknown';
import LABEL_MISSING_BASELINE from '@salesforce/label/c.Panel_GoalMissingBaseline';
import LABEL_MISSING_TARGET from '@salesforce/label/c.Panel_GoalMissingTarget';
import LABEL_MISSING_CURRENT from '@salesforce/label/c.Panel_GoalMissingCurrent';
import LABEL_TARGET_WRONG_SIDE from '@salesforce/label/c.Panel_GoalTargetWrongSide';
import LABEL_TARGET_DATE from '@salesforce/label/c.Panel_GoalTargetDate';
import LABEL_START_DATE from '@salesforce/label/c.Panel_GoalStartDate';
import LABEL_CHANGE_TYPE from '@salesforce/label/c.Panel_GoalChangeType';
import LABEL_OVERDUE from '@salesforce/label/c.Panel_GoalOverdue';
import LABEL_DUE_SOON from '@salesforce/label/c.Panel_GoalDueSoon';
import LABEL_DUE_TODAY from '@salesforce/label/c.Panel_GoalDueToday';
import LABEL_ON_TRACK from '@salesforce/label/c.Panel_GoalOnTrack';
import LABEL_ACHIEVED from '@salesforce/label/c.Panel_GoalAchieved';
import LABEL_MISSED from '@salesforce/label/c.Panel_GoalMissed';
import LABEL_CANCELLED from '@salesforce/label/c.Panel_GoalCancelled';
import LABEL_UNSCHEDULED from '@salesforce/label/c.Panel_GoalUnscheduled';
import LABEL_FLAG_AT_RISK from '@salesforce/label/c.Panel_GoalFlagAtRisk';
import LABEL_FLAG_NOT_STARTED from '@salesforce/label/c.Panel_GoalFlagNotStarted';
import LABEL_DAYS_TO_VALUE from '@salesforce/label/c.Panel_GoalDaysToValue';
import LABEL_VALUE_REALIZED from '@salesforce/label/c.Panel_GoalValueRealized';
import LABEL_OBJECTIVE from '@salesforce/label/c.Panel_GoalObjective';
import LABEL_UPDATE from '@salesforce/label/c.Panel_UpdateValue';
import LABEL_CURRENT_VALUE from '@salesforce/label/c.Panel_CurrentValue';
import LABEL_SAVE from '@salesforce/label/c.Panel_Save';
import LABEL_CANCEL from '@salesforce/label/c.Panel_Cancel';
import LABEL_MARK_ACHIEVED from '@salesforce/label/c.Panel_MarkAchieved';
import LABEL_ACHIEVED_DATE from '@salesforce/label/c.Panel_GoalAchievedDate';
import LABEL_CONFIRM_ACHIEVED from '@salesforce/label/c.Panel_ConfirmAchieved';
import LABEL_SAVED from '@salesforce/label/c.Panel_GoalSaved';
import LABEL_SAVE_FAILED from '@salesforce/label/c.Panel_GoalSaveFailed';

interface FormInput extends HTMLElement {
  value: string;
  reportValidity(): boolean;
}

const MISSING: Record<ProgressUnknownReason, string> = {
  missingBaseline: LABEL_MISSING_BASELINE,
  missingTarget: LABEL_MISSING_TARGET,
  missingCurrent: LABEL_MISSING_CURRENT,
  targetNotAnImprovement: LABEL_TARGET_WRONG_SIDE
};

const BADGE = 'slds-badge standing';
const STANDING_CLASS: Record<Timeliness, string> = {
  overdue: `${BADGE} slds-theme_error`,
  missed: `${BADGE} slds-theme_error`,
  dueSoon: `${BADGE} slds-theme_warning`,
  achieved: `${BADGE} slds-theme_success`,
  onTrack: BADGE,
  unscheduled: BADGE,
  cancelled: BADGE
};

/** The one standing a goal shows, from successModel's timeliness: an overdue goal reads overdue, whatever its status. */
function standingText(standing: GoalStanding<PanelGoal>): string {
  const days = Math.abs(standing.daysToTarget ?? 0);
  switch (standing.timeliness) {
    case 'overdue':
      return formatLabel(LABEL_OVERDUE, formatDays(days));
    case 'dueSoon':
      return days === 0 ? LABEL_DUE_TODAY : formatLabel(LABEL_DUE_SOON, formatDays(days));
    case 'onTrack':
      return LABEL_ON_TRACK;
    case 'achieved':
      return LABEL_ACHIEVED;
    case 'missed':
      return LABEL_MISSED;
    case 'cancelled':
      return LABEL_CANCELLED;
    default:
      return LABEL_UNSCHEDULED;
  }
}

/** What a row shows, built once per standing: the template reads plain values, not getters over the proxy. */
function rowView(standing: GoalStanding<PanelGoal> | undefined) {
  const goal: PanelGoal = standing?.goal ?? {};
  const name = goal.Name ?? '';
  const percent = standing?.progress.percent;
  const hasProgress = typeof percent === 'number';
  const unit = goal.Unit__c;
  // "From 160 to 40 hours/month, now 109: 43% of the way" reads the same for higher- and lower-is-better goals.
  const progressText = hasProgress
    ? formatLabel(
        LABEL_PROGRESS,
        formatMeasure(goal.Baseline__c, unit),
        formatMeasure(goal.Target__c, unit),
        formatMeasure(goal.Current_Value__c, unit),
        formatPercent(percent)
      )
    : formatLabel(LABEL_PROGRESS_UNKNOWN, MISSING[standing?.progress.reason ?? 'missingCurrent']);
  const flag =
    standing?.isOpen && standing.timeliness !== 'overdue'
      ? goal.Status__c === 'At Risk'
        ? LABEL_FLAG_AT_RISK
        : goal.Status__c === 'Not Started'
          ? LABEL_FLAG_NOT_STARTED
          : undefined
      : undefined;
  const daysToValue = standing?.daysToValue;
  const objective = goal.Charter_Objective__r?.Name;
  const details = [
    { key: 'start', label: LABEL_START_DATE, value: goal.Start_Date__c ? formatDate(goal.Start_Date__c) : '' },
    { key: 'target', label: LABEL_TARGET_DATE, value: goal.Target_Date__c ? formatDate(goal.Target_Date__c) : '' },
    { key: 'change', label: LABEL_CHANGE_TYPE, value: goal.Change_Type__c ?? '' },
    {
      key: 'value',
      label: LABEL_VALUE_REALIZED,
      value: typeof goal.Value_Realized__c === 'number' ? formatCurrency(goal.Value_Realized__c) : ''
    }
  ].filter((detail) => detail.value !== '');
  return {
    id: goal.Id,
    name,
    standingText: standing ? standingText(standing) : '',
    standingClass: STANDING_CLASS[standing?.timeliness ?? 'unscheduled'],
    flag,
    currentValue: goal.Current_Value__c,
    valueRealized: goal.Value_Realized__c,
    hasProgress,
    percent: percent ?? 0,
    // successModel's percent is already clamped to 0..100.
    progressStyle: `width: ${percent ?? 0}%`,
    progressText,
    progressLabel: `${name}: ${progressText}`,
    details,
    daysToValueText:
      typeof daysToValue === 'number' ? formatLabel(LABEL_DAYS_TO_VALUE, formatDays(daysToValue)) : undefined,
    objectiveText: objective ? formatLabel(LABEL_OBJECTIVE, objective) : undefined,
    canAct: standing?.isOpen === true && Boolean(goal.Id)
  };
}

/**
 * One goal: where it stands, and the two updates an account manager makes most (current value; achieved, with the
 * value realized and the day). Badges, the progress bar and the row actions are SLDS markup rather than base
 * components: the panel shows a row per goal, and per-row base components were most of its render time. The editors
 * (one row at a time) keep lightning-input and lightning-button for validation.
 */
export default class GoalRow extends LightningElement {
  /** The panel's "today": the achieved date offered, and the latest one allowed. */
  @api today: IsoDate | undefined;
  /** The user may update goals (getObjectInfo, through the panel): Update and Mark achieved show only then. */
  @api canEdit = false;

  editing = false;
  achieving = false;
  saving = false;
  saveError: unknown;
  view = rowView(undefined);
  labels = {
    update: LABEL_UPDATE,
    currentValue: LABEL_CURRENT_VALUE,
    save: LABEL_SAVE,
    cancel: LABEL_CANCEL,
    markAchieved: LABEL_MARK_ACHIEVED,
    achievedDate: LABEL_ACHIEVED_DATE,
    confirmAchieved: LABEL_CONFIRM_ACHIEVED,
    valueRealized: LABEL_VALUE_REALIZED,
    saveFailed: LABEL_SAVE_FAILED
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

  /** The user may update goals and this goal is still open. */
  get canAct(): boolean {
    return this.canEdit && this.view.canAct;
  }

  get actionsDisabled(): boolean {
    return this.saving;
  }

  get showActions(): boolean {
    return !this.editing && !this.achieving;
  }

  handleEdit(): void {
    this.saveError = undefined;
    this.editing = true;
  }

  handleMarkAchieved(): void {
    this.saveError = undefined;
    this.achieving = true;
  }

  handleCancel(): void {
    this.editing = false;
    this.achieving = false;
  }

  handleSaveValue(): void {
    const input = this.input('current-value');
    if (!input || !input.reportValidity()) return;
    this.save({ Current_Value__c: input.value === '' ? null : Number(input.value) });
  }

  handleSaveAchieved(): void {
    const date = this.input('achieved-date');
    const value = this.input('value-realized');
    if (!date || !value || !date.reportValidity() || !value.reportValidity()) return;
    this.save({
      Status__c: 'Achieved',
      Achieved_Date__c: date.value,
      Value_Realized__c: value.value === '' ? null : Number(value.value)
    });
  }

  private input(name: string): FormInput | null {
    return this.template!.querySelector(`lightning-input.${name}`) as FormInput | null;
  }

  private async save(fields: Record<string, unknown>): Promise<void> {
    if (!(await saveWithState(this, () => updateRecord({ fields: { Id: this.view.id, ...fields } })))) return;
    this.editing = false;
    this.achieving = false;
    this.dispatchEvent(new ShowToastEvent({ title: formatLabel(LABEL_SAVED, this.view.name), variant: 'success' }));
    this.dispatchEvent(new CustomEvent('goalsaved', { detail: { recordId: this.view.id } }));
  }
}
