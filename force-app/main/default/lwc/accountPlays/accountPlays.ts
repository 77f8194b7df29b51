import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPlays from '@salesforce/apex/AccountPlaysController.getPlays';
import { createRecord, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import PLAY_OBJECT from '@salesforce/schema/Success_Play__c';
import TASK_OBJECT from '@salesforce/schema/Task';
import { NO_ACCESS, objectAccessByName, type ObjectAccess } from 'c/ldsUtils';
import {
  PLAY_CLOSE_OUTCOMES,
  closePlayFields,
  manualPlay,
  playStandings,
  startablePlaybooks,
  type IsoDate,
  type PlayStanding
} from 'c/successModel';
import { formatDate, formatDays, formatLabel, formatNumber } from 'c/figureFormat';
import { cutText } from 'c/showMore';
import type { PanelPlay, PlaybookOption, PlayStep, PlaysViewModel } from './playsTypes';
import LABEL_TITLE from '@salesforce/label/c.Plays_Title';
import LABEL_LOADING from '@salesforce/label/c.Plays_Loading';
import LABEL_LOAD_FAILED from '@salesforce/label/c.Plays_LoadFailed';
import LABEL_REFRESH_FAILED from '@salesforce/label/c.Plays_RefreshFailed';
import LABEL_OPEN from '@salesforce/label/c.Plays_Open';
import LABEL_NO_OPEN from '@salesforce/label/c.Plays_NoOpen';
import LABEL_NO_OPEN_HINT from '@salesforce/label/c.Plays_NoOpenHint';
import LABEL_OPEN_CUT from '@salesforce/label/c.Plays_OpenCut';
import LABEL_STEPS_CUT from '@salesforce/label/c.Plays_StepsCut';
import LABEL_CLOSED_CUT from '@salesforce/label/c.Plays_ClosedCut';
import LABEL_STARTED from '@salesforce/label/c.Plays_Started';
import LABEL_DAYS_OPEN from '@salesforce/label/c.Plays_DaysOpen';
import LABEL_SOURCE_MANUAL from '@salesforce/label/c.Plays_SourceManual';
import LABEL_SOURCE_TRIGGER from '@salesforce/label/c.Plays_SourceTrigger';
import LABEL_WHY_OPENED from '@salesforce/label/c.Plays_WhyOpened';
import LABEL_STEPS from '@salesforce/label/c.Plays_Steps';
import LABEL_STEPS_DONE from '@salesforce/label/c.Plays_StepsDone';
import LABEL_NO_STEPS from '@salesforce/label/c.Plays_NoSteps';
import LABEL_STEP_DUE from '@salesforce/label/c.Plays_StepDue';
import LABEL_STEP_NO_DUE from '@salesforce/label/c.Plays_StepNoDue';
import LABEL_STEP_OWNER from '@salesforce/label/c.Plays_StepOwner';
import LABEL_STEP_NO_OWNER from '@salesforce/label/c.Plays_StepNoOwner';
import LABEL_STEP_DONE from '@salesforce/label/c.Plays_StepDone';
import LABEL_STEP_OPEN from '@salesforce/label/c.Plays_StepOpen';
import LABEL_STEP_OVERDUE from '@salesforce/label/c.Plays_StepOverdue';
import LABEL_CLOSED from '@salesforce/label/c.Plays_Closed';
import LABEL_NO_CLOSED from '@salesforce/label/c.Plays_NoClosed';
import LABEL_OUTCOME from '@salesforce/label/c.Plays_Outcome';
import LABEL_CLOSED_ON from '@salesforce/label/c.Plays_ClosedOn';
import LABEL_CLEARED_IN from '@salesforce/label/c.Plays_ClearedIn';
import LABEL_CLOSED_AFTER from '@salesforce/label/c.Plays_ClosedAfter';
import LABEL_START from '@salesforce/label/c.Plays_Start';
import LABEL_PLAYBOOK from '@salesforce/label/c.Plays_Playbook';
import LABEL_START_CONFIRM from '@salesforce/label/c.Plays_StartConfirm';
import LABEL_START_STEPS from '@salesforce/label/c.Plays_StartSteps';
import LABEL_CANCEL from '@salesforce/label/c.Plays_Cancel';
import LABEL_STARTED_TOAST from '@salesforce/label/c.Plays_StartedToast';
import LABEL_START_FAILED from '@salesforce/label/c.Plays_StartFailed';
import LABEL_CLOSE from '@salesforce/label/c.Plays_Close';
import LABEL_OUTCOME_LABEL from '@salesforce/label/c.Plays_OutcomeLabel';
import LABEL_COMMENT from '@salesforce/label/c.Plays_Comment';
import LABEL_CLOSE_CONFIRM from '@salesforce/label/c.Plays_CloseConfirm';
import LABEL_CLOSED_TOAST from '@salesforce/label/c.Plays_ClosedToast';
import LABEL_CLOSE_FAILED from '@salesforce/label/c.Plays_CloseFailed';
import LABEL_OUTCOME_RESOLVED from '@salesforce/label/c.Plays_Outcome_Resolved';
import LABEL_OUTCOME_NOT_RESOLVED from '@salesforce/label/c.Plays_Outcome_NotResolved';
import LABEL_OUTCOME_NO_LONGER_RELEVANT from '@salesforce/label/c.Plays_Outcome_NoLongerRelevant';
import LABEL_OUTCOME_TRIGGER_CLEARED from '@salesforce/label/c.Plays_Outcome_TriggerCleared';

interface WiredPlays {
  data?: PlaysViewModel;
  error?: unknown;
}

interface ObjectInfosResult {
  data?: {
    results?: Array<{ statusCode: number; result?: { apiName?: string; createable?: boolean; updateable?: boolean } }>;
  };
}

interface FormControl extends HTMLElement {
  value: string;
}

const OUTCOME_LABELS: Record<string, string> = {
  Resolved: LABEL_OUTCOME_RESOLVED,
  'Not Resolved': LABEL_OUTCOME_NOT_RESOLVED,
  'No Longer Relevant': LABEL_OUTCOME_NO_LONGER_RELEVANT,
  'Trigger Cleared': LABEL_OUTCOME_TRIGGER_CLEARED
};

function outcomeLabel(outcome: string | null | undefined): string {
  return outcome ? (OUTCOME_LABELS[outcome] ?? outcome) : '';
}

const BADGE = 'slds-badge';

function stepView(standing: PlayStanding<PanelPlay, PlayStep>['steps'][number], index: number) {
  const { task } = standing;
  const owner = task.Owner?.Name;
  return {
    key: String(task.Id ?? index),
    subject: task.Subject ?? '',
    ownerText: owner ? formatLabel(LABEL_STEP_OWNER, owner) : LABEL_STEP_NO_OWNER,
    dueText: task.ActivityDate ? formatLabel(LABEL_STEP_DUE, formatDate(task.ActivityDate)) : LABEL_STEP_NO_DUE,
    stateText: standing.done
      ? LABEL_STEP_DONE
      : standing.overdue
        ? formatLabel(LABEL_STEP_OVERDUE, formatDays(standing.daysOverdue))
        : LABEL_STEP_OPEN,
    stateClass: standing.done
      ? `${BADGE} step-state slds-theme_success`
      : standing.overdue
        ? `${BADGE} step-state slds-theme_error`
        : `${BADGE} step-state`,
    itemClass: standing.overdue ? 'step slds-p-vertical_xx-small step_overdue' : 'step slds-p-vertical_xx-small',
    done: standing.done,
    overdue: standing.overdue
  };
}

/** The playbook's label, else the play's own name (a playbook since removed from the configuration). */
function playName(play: PanelPlay, playbookNames: Map<string, string>): string {
  return playbookNames.get(play.Playbook__c ?? '') ?? play.Name ?? '';
}

function openPlayView(standing: PlayStanding<PanelPlay, PlayStep>, playbookNames: Map<string, string>) {
  const { play } = standing;
  // Apex returns the Id of every record it queries.
  const id = String(play.Id);
  const name = playName(play, playbookNames);
  const facts = (play.Trigger_Facts__c ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((text, index) => ({ key: `fact-${index}`, text }));
  return {
    id,
    key: id,
    name,
    headingId: `play-${id}`,
    sourceText: play.Source__c === 'Manual' ? LABEL_SOURCE_MANUAL : LABEL_SOURCE_TRIGGER,
    outcomeId: `outcome-${id}`,
    commentId: `comment-${id}`,
    datesText:
      standing.daysOpen === null
        ? formatLabel(LABEL_STARTED, formatDate(play.Opened_On__c))
        : formatLabel(LABEL_DAYS_OPEN, formatDate(play.Opened_On__c), formatDays(standing.daysOpen)),
    facts,
    hasFacts: facts.length > 0,
    steps: standing.steps.map(stepView),
    hasSteps: standing.steps.length > 0,
    stepsDoneText: formatLabel(
      LABEL_STEPS_DONE,
      formatNumber(standing.stepsDone, 0),
      formatNumber(standing.steps.length, 0)
    )
  };
}

function closedPlayView(standing: PlayStanding<PanelPlay, PlayStep>, playbookNames: Map<string, string>) {
  const { play } = standing;
  const name = playName(play, playbookNames);
  const cleared = play.Days_To_Clear__c;
  return {
    key: String(play.Id),
    name,
    outcomeText: formatLabel(LABEL_OUTCOME, outcomeLabel(play.Outcome__c)),
    closedText: formatLabel(LABEL_CLOSED_ON, formatDate(play.Closed_On__c)),
    // Days to clear are the trigger's (the scoring run's); a play a person closed says how long it was open.
    daysText:
      typeof cleared === 'number'
        ? formatLabel(LABEL_CLEARED_IN, formatDays(cleared))
        : standing.daysOpen === null
          ? ''
          : formatLabel(LABEL_CLOSED_AFTER, formatDays(standing.daysOpen)),
    comment: play.Outcome_Comment__c ?? ''
  };
}

/**
 * The account's plays on the success panel: open plays with why they opened and their steps (the Tasks: owner, due
 * date, done, overdue), recently closed plays with their outcome and days to clear. A user who may create plays and
 * tasks starts a playbook by hand; one who may update plays closes a play with an outcome. Writes go through
 * Lightning Data Service; successModel plans the play's steps and the fields of a close; this component only shows
 * and sends them.
 */
export default class AccountPlays extends LightningElement {
  @api recordId: string | undefined;
  /** The panel's "today": steps overdue, days open, and the start date of a play started now. */
  @api today: IsoDate | undefined;

  data: PlaysViewModel | undefined;
  error: unknown;
  actionError: unknown;
  actionErrorMessage = '';
  playAccess: ObjectAccess = NO_ACCESS;
  taskAccess: ObjectAccess = NO_ACCESS;
  starting = false;
  /** The Id of the play whose close form is open. */
  closingId: string | undefined;
  selectedPlaybook = '';
  selectedOutcome: string = PLAY_CLOSE_OUTCOMES[0];
  saving = false;
  private wiredResult: WiredPlays | undefined;

  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    loadFailed: LABEL_LOAD_FAILED,
    open: LABEL_OPEN,
    noOpen: LABEL_NO_OPEN,
    noOpenHint: LABEL_NO_OPEN_HINT,
    whyOpened: LABEL_WHY_OPENED,
    steps: LABEL_STEPS,
    noSteps: LABEL_NO_STEPS,
    closed: LABEL_CLOSED,
    noClosed: LABEL_NO_CLOSED,
    start: LABEL_START,
    playbook: LABEL_PLAYBOOK,
    startConfirm: LABEL_START_CONFIRM,
    cancel: LABEL_CANCEL,
    close: LABEL_CLOSE,
    outcome: LABEL_OUTCOME_LABEL,
    comment: LABEL_COMMENT,
    closeConfirm: LABEL_CLOSE_CONFIRM
  };

  @wire(getPlays, { accountId: '$recordId' })
  wiredPlays(result: WiredPlays): void {
    this.wiredResult = result;
    if (result.data) {
      this.data = result.data;
      this.error = undefined;
    } else if (result.error) {
      this.error = result.error;
      this.data = undefined;
    }
  }

  @wire(getObjectInfos, { objectApiNames: [PLAY_OBJECT, TASK_OBJECT] })
  wiredObjectInfos(result: ObjectInfosResult): void {
    const access = objectAccessByName(result.data);
    this.playAccess = access.get('Success_Play__c') ?? NO_ACCESS;
    this.taskAccess = access.get('Task') ?? NO_ACCESS;
  }

  get isLoading(): boolean {
    return (!this.data || !this.today) && !this.error;
  }

  /** The view-model, in the getters the template reads only once it has loaded. */
  private get loaded(): PlaysViewModel {
    return this.data as PlaysViewModel;
  }

  private get playbookNames(): Map<string, string> {
    return new Map(
      this.loaded.config.playbooks.map((p): [string, string] => [p.DeveloperName, p.MasterLabel ?? p.DeveloperName])
    );
  }

  get openPlays() {
    const names = this.playbookNames;
    const { openPlays, steps } = this.loaded;
    return playStandings(openPlays, steps, this.today as IsoDate).map((standing) => {
      const view = openPlayView(standing, names);
      return { ...view, closing: this.closingId === view.id, canClose: this.canClose && this.closingId !== view.id };
    });
  }

  get hasOpenPlays(): boolean {
    return this.loaded.openPlays.length > 0;
  }

  get closedPlays() {
    const names = this.playbookNames;
    return playStandings(this.loaded.closedPlays, [], this.today as IsoDate).map((standing) =>
      closedPlayView(standing, names)
    );
  }

  get hasClosedPlays(): boolean {
    return this.loaded.closedPlays.length > 0;
  }

  get openCutText(): string {
    return cutText(LABEL_OPEN_CUT, this.loaded.openPlays.length, this.loaded.openPlayCount);
  }

  get stepsCutText(): string {
    return cutText(LABEL_STEPS_CUT, this.loaded.steps.length, this.loaded.stepCount);
  }

  get closedCutText(): string {
    return cutText(LABEL_CLOSED_CUT, this.loaded.closedPlays.length, this.loaded.closedPlayCount);
  }

  private get startable(): PlaybookOption[] {
    return this.data ? startablePlaybooks(this.data.config.playbooks, this.data.openPlays) : [];
  }

  /** The user may create plays and their Tasks, and some active playbook has no open play here. */
  get canStart(): boolean {
    return this.playAccess.createable && this.taskAccess.createable && this.startable.length > 0 && !this.starting;
  }

  get canClose(): boolean {
    return this.playAccess.updateable;
  }

  get playbookOptions() {
    return this.startable.map((p) => ({
      value: p.DeveloperName,
      label: p.MasterLabel ?? p.DeveloperName,
      selected: p.DeveloperName === this.selectedPlaybook
    }));
  }

  get outcomeOptions() {
    return PLAY_CLOSE_OUTCOMES.map((value) => ({
      value,
      label: outcomeLabel(value),
      selected: value === this.selectedOutcome
    }));
  }

  private get chosenPlaybook(): PlaybookOption | undefined {
    return this.startable.find((p) => p.DeveloperName === this.selectedPlaybook);
  }

  get chosenDescription(): string {
    return this.chosenPlaybook?.Description__c ?? '';
  }

  get chosenStepsText(): string {
    const playbook = this.chosenPlaybook;
    if (!playbook) return '';
    const count = this.loaded.config.steps.filter((step) => step.Playbook__c === playbook.DeveloperName).length;
    return formatLabel(LABEL_START_STEPS, formatNumber(count, 0));
  }

  handleStartOpen(): void {
    this.clearActionError();
    this.selectedPlaybook = this.startable[0]?.DeveloperName ?? '';
    this.starting = true;
  }

  handleCancel(): void {
    this.starting = false;
    this.closingId = undefined;
  }

  handlePlaybookChange(event: Event): void {
    this.selectedPlaybook = (event.target as FormControl).value;
  }

  handleOutcomeChange(event: Event): void {
    this.selectedOutcome = (event.target as FormControl).value;
  }

  handleCloseOpen(event: Event): void {
    this.clearActionError();
    this.closingId = (event.currentTarget as HTMLElement).dataset.id;
    this.selectedOutcome = PLAY_CLOSE_OUTCOMES[0];
  }

  async handleStartConfirm(): Promise<void> {
    const playbook = this.chosenPlaybook;
    if (!playbook) return;
    // The form shows only once the view-model has loaded, for the record on the page and the panel's today.
    const { config, account, roles } = this.loaded;
    const planned = manualPlay(account.Id, playbook, config.steps, account, roles, this.today as IsoDate);
    await this.write(LABEL_START_FAILED, async (written) => {
      const created = await createRecord({ apiName: 'Success_Play__c', fields: planned.play });
      // From here the play exists: the panel reloads even if a step fails, so it is never offered twice.
      written(created.id);
      this.starting = false;
      // The play's steps, each pointing at the play, sent in their order.
      await Promise.all(
        planned.tasks.map((task) => createRecord({ apiName: 'Task', fields: { ...task, WhatId: created.id } }))
      );
      this.toast(formatLabel(LABEL_STARTED_TOAST, planned.play.Name));
    });
  }

  async handleCloseConfirm(): Promise<void> {
    // The form belongs to an open play of the loaded view-model.
    const play = this.loaded.openPlays.find((p) => p.Id === this.closingId) as PanelPlay;
    const comment = (this.template!.querySelector('textarea.outcome-comment') as FormControl).value;
    const fields = closePlayFields(String(play.Id), this.selectedOutcome, comment, this.today as IsoDate);
    const name = playName(play, this.playbookNames);
    await this.write(LABEL_CLOSE_FAILED, async (written) => {
      await updateRecord({ fields });
      written(String(play.Id));
      this.closingId = undefined;
      this.toast(formatLabel(LABEL_CLOSED_TOAST, name));
    });
  }

  private clearActionError(): void {
    this.actionError = undefined;
    this.actionErrorMessage = '';
  }

  private toast(title: string): void {
    this.dispatchEvent(new ShowToastEvent({ title, variant: 'success' }));
  }

  /**
   * Sends the writes of one action; once a record was written (`written`), reloads the view-model and tells LDS the
   * play and the account changed, even when a later write of the action failed.
   */
  private async write(failed: string, send: (written: (id: string) => void) => Promise<void>): Promise<void> {
    this.saving = true;
    this.clearActionError();
    let playId: string | undefined;
    try {
      await send((id) => {
        playId = id;
      });
    } catch (error) {
      this.actionError = error;
      this.actionErrorMessage = failed;
    }
    try {
      if (playId) {
        await refreshApex(this.wiredResult);
        await notifyRecordUpdateAvailable([{ recordId: playId }, { recordId: this.recordId as string }]);
      }
    } catch (error) {
      // The write's own failure, when there is one, says more than the reload's.
      if (!this.actionError) {
        this.actionError = error;
        this.actionErrorMessage = LABEL_REFRESH_FAILED;
      }
    } finally {
      this.saving = false;
    }
  }
}
