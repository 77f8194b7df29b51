import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import { LABELS } from 'c/charterLabels';
import type { RecordRequest } from 'c/charterWorkspace';

/** The fields people edit for each charter part, in form order (Charter__c is set, not shown). */
const FIELDS: Record<RecordRequest['objectApiName'], string[]> = {
  Charter_Objective__c: [
    'Name',
    'Description__c',
    'Metric_Type__c',
    'Baseline__c',
    'Current_Value__c',
    'Target__c',
    'Unit__c',
    'Direction__c',
    'Due_Date__c',
    'Owner__c'
  ],
  Charter_Role__c: ['Name', 'Lifecycle_Stage__c', 'RACI__c', 'Department__c', 'Person__c', 'Responsibilities__c'],
  Charter_Milestone__c: [
    'Name',
    'Type__c',
    'Status__c',
    'Start_Date__c',
    'Due_Date__c',
    'Audience__c',
    'Channel__c',
    'Message__c',
    'Owner__c'
  ],
  Charter_Risk__c: [
    'Name',
    'Type__c',
    'Category__c',
    'Status__c',
    'Likelihood__c',
    'Impact__c',
    'Assessment__c',
    'Corrective_Action__c',
    'Residual_Likelihood__c',
    'Residual_Impact__c',
    'Owner__c',
    'Review_Date__c'
  ]
};

/** Creates or edits one charter record with a record edit form (LDS); closes with 'saved' on success. */
export default class CharterRecordModal extends LightningModal {
  @api objectApiName: RecordRequest['objectApiName'] = 'Charter_Objective__c';
  @api recordId: string | undefined;
  @api charterId: string | undefined;
  @api override label = '';
  labels = LABELS;
  saveError: unknown;

  get fields(): string[] {
    return FIELDS[this.objectApiName];
  }

  /** New records are created under the charter; existing ones keep theirs. */
  get isNew(): boolean {
    return !this.recordId;
  }

  handleSuccess(): void {
    this.close('saved');
  }

  handleError(event: CustomEvent): void {
    this.saveError = event.detail;
  }

  handleCancel(): void {
    this.close('cancel');
  }
}
