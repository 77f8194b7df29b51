import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import SENTIMENT_FIELD from '@salesforce/schema/Account.CSM_Sentiment__c';
import COMMENT_FIELD from '@salesforce/schema/Account.CSM_Sentiment_Comment__c';
import DATE_FIELD from '@salesforce/schema/Account.CSM_Sentiment_Date__c';
import { fieldsUpdateable, saveWithState } from 'c/ldsUtils';
import {
  SENTIMENT_FRESH_DAYS,
  SENTIMENTS,
  sentimentInput,
  sentimentStanding,
  type HealthBand,
  type IsoDate,
  type Sentiment,
  type SentimentDisagreement,
  type SentimentRecord,
  type SentimentStanding
} from 'c/successModel';
import { formatDate, formatDays, formatLabel } from 'c/figureFormat';
import LABEL_TITLE from '@salesforce/label/c.Sentiment_Title';
import LABEL_GREEN from '@salesforce/label/c.Sentiment_Green';
import LABEL_YELLOW from '@salesforce/label/c.Sentiment_Yellow';
import LABEL_RED from '@salesforce/label/c.Sentiment_Red';
import LABEL_NONE from '@salesforce/label/c.Sentiment_None';
import LABEL_RECORDED from '@salesforce/label/c.Sentiment_Recorded';
import LABEL_STALE from '@salesforce/label/c.Sentiment_Stale';
import LABEL_UNDATED from '@salesforce/label/c.Sentiment_Undated';
import LABEL_RED_AGAINST_SUCCESS from '@salesforce/label/c.Sentiment_RedAgainstSuccess';
import LABEL_GREEN_AGAINST_ERROR from '@salesforce/label/c.Sentiment_GreenAgainstError';
import LABEL_RECORD from '@salesforce/label/c.Sentiment_Record';
import LABEL_CHOICE from '@salesforce/label/c.Sentiment_Choice';
import LABEL_COMMENT from '@salesforce/label/c.Sentiment_Comment';
import LABEL_DATE from '@salesforce/label/c.Sentiment_Date';
import LABEL_SAVE from '@salesforce/label/c.Sentiment_Save';
import LABEL_CANCEL from '@salesforce/label/c.Sentiment_Cancel';
import LABEL_SAVED from '@salesforce/label/c.Sentiment_Saved';
import LABEL_SAVE_FAILED from '@salesforce/label/c.Sentiment_SaveFailed';

interface FormInput extends HTMLElement {
  value: string;
  reportValidity(): boolean;
}

const NAMES: Record<Sentiment, string> = { Green: LABEL_GREEN, Yellow: LABEL_YELLOW, Red: LABEL_RED };
const BADGE = 'slds-badge sentiment-badge';
const BADGE_CLASS: Record<Sentiment, string> = {
  Green: `${BADGE} slds-theme_success`,
  Yellow: `${BADGE} slds-theme_warning`,
  Red: `${BADGE} slds-theme_error`
};
const DISAGREEMENT: Record<SentimentDisagreement, string> = {
  redAgainstSuccess: LABEL_RED_AGAINST_SUCCESS,
  greenAgainstError: LABEL_GREEN_AGAINST_ERROR
};

/** What the section shows, built once per input: the template reads plain values. */
function sentimentView(standing: SentimentStanding, band: HealthBand | null) {
  const sentiment = standing.sentiment;
  return {
    hasSentiment: sentiment !== null,
    name: sentiment ? NAMES[sentiment] : '',
    badgeClass: sentiment ? BADGE_CLASS[sentiment] : BADGE,
    recordedText: standing.date ? formatLabel(LABEL_RECORDED, formatDate(standing.date)) : '',
    comment: standing.comment,
    staleText: standing.stale
      ? standing.date
        ? formatLabel(LABEL_STALE, formatDays(SENTIMENT_FRESH_DAYS))
        : LABEL_UNDATED
      : '',
    disagreementText: standing.disagreement ? formatLabel(DISAGREEMENT[standing.disagreement], band?.label ?? '') : ''
  };
}

/**
 * The account manager's sentiment beside the computed health: the current one (badge, comment, day), a flag when
 * it disagrees with the band (successModel's rule), and, for a user who may edit the sentiment fields, a form to
 * record a new one. Saves through Lightning Data Service and tells the panel, which reloads.
 */
export default class CsmSentiment extends LightningElement {
  @api recordId: string | undefined;

  /** Whether this user may edit the three sentiment fields (getObjectInfo): no form until it says so. */
  canEdit = false;
  editing = false;
  saving = false;
  saveError: unknown;
  view = sentimentView(sentimentStanding(null, null, '1970-01-01'), null);
  labels = {
    title: LABEL_TITLE,
    none: LABEL_NONE,
    record: LABEL_RECORD,
    choice: LABEL_CHOICE,
    comment: LABEL_COMMENT,
    date: LABEL_DATE,
    save: LABEL_SAVE,
    cancel: LABEL_CANCEL,
    saveFailed: LABEL_SAVE_FAILED
  };
  options = SENTIMENTS.map((value) => ({ label: NAMES[value], value }));
  private accountValue: SentimentRecord | undefined;
  private bandValue: HealthBand | null = null;
  private todayValue: IsoDate | undefined;

  /** The panel's "today": what a sentiment's age is counted to, the day a new one defaults to and the latest allowed. */
  @api
  get today(): IsoDate | undefined {
    return this.todayValue;
  }
  set today(value: IsoDate | undefined) {
    this.todayValue = value;
    this.update();
  }

  /** The account as the panel loaded it (its CSM_Sentiment fields). */
  @api
  get account(): SentimentRecord | undefined {
    return this.accountValue;
  }
  set account(value: SentimentRecord | undefined) {
    this.accountValue = value;
    this.update();
  }

  /** The band the panel shows (null while health is unknown). */
  @api
  get band(): HealthBand | null {
    return this.bandValue;
  }
  set band(value: HealthBand | null) {
    this.bandValue = value ?? null;
    this.update();
  }

  @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
  wiredAccountInfo(result: { data?: Parameters<typeof fieldsUpdateable>[0] }): void {
    this.canEdit = fieldsUpdateable(result.data, [
      SENTIMENT_FIELD.fieldApiName,
      COMMENT_FIELD.fieldApiName,
      DATE_FIELD.fieldApiName
    ]);
  }

  get current(): string {
    return this.accountValue?.CSM_Sentiment__c ?? '';
  }

  get showRecord(): boolean {
    return this.canEdit && !this.editing;
  }

  get showForm(): boolean {
    return this.canEdit && this.editing;
  }

  private update(): void {
    if (!this.todayValue) return;
    this.view = sentimentView(sentimentStanding(this.accountValue, this.bandValue, this.todayValue), this.bandValue);
  }

  handleRecord(): void {
    this.saveError = undefined;
    this.editing = true;
  }

  handleCancel(): void {
    this.editing = false;
  }

  async handleSave(): Promise<void> {
    const choice = this.input('lightning-radio-group.sentiment-choice');
    const comment = this.input('lightning-textarea.sentiment-comment');
    const date = this.input('lightning-input.sentiment-date');
    if (!choice || !comment || !date) return;
    if (![choice, comment, date].every((input) => input.reportValidity())) return;
    const saved = await saveWithState(this, () => {
      const input = sentimentInput(choice.value, comment.value, date.value);
      return updateRecord({
        fields: {
          Id: this.recordId,
          [SENTIMENT_FIELD.fieldApiName]: input.sentiment,
          [COMMENT_FIELD.fieldApiName]: input.comment,
          [DATE_FIELD.fieldApiName]: input.date
        }
      });
    });
    if (!saved) return;
    this.editing = false;
    this.dispatchEvent(new ShowToastEvent({ title: LABEL_SAVED, variant: 'success' }));
    this.dispatchEvent(new CustomEvent('sentimentsaved', { detail: { recordId: this.recordId } }));
  }

  private input(selector: string): FormInput | null {
    return this.template!.querySelector(selector) as FormInput | null;
  }
}
