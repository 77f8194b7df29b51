import { LightningElement, api } from 'lwc';
import { RecordSaveCycle } from 'c/recordFormModal';
import type { WorkspaceCharter } from 'c/charterWorkspace';
import LABEL_MISSION from '@salesforce/label/c.Workspace_Mission';
import LABEL_VISION from '@salesforce/label/c.Workspace_Vision';
import LABEL_WHY_IT_MATTERS from '@salesforce/label/c.Workspace_WhyItMatters';
import LABEL_PROBLEMS from '@salesforce/label/c.Workspace_Problems';
import LABEL_OPPORTUNITIES from '@salesforce/label/c.Workspace_Opportunities';
import LABEL_COST_OF_INACTION from '@salesforce/label/c.Workspace_CostOfInaction';
import LABEL_BLANK from '@salesforce/label/c.Workspace_Blank';
import LABEL_PART_STATEMENT from '@salesforce/label/c.Workspace_PartStatement';
import LABEL_EDIT from '@salesforce/label/c.Workspace_Edit';
import LABEL_EDIT_STATEMENT from '@salesforce/label/c.Workspace_EditStatement';
import LABEL_SAVE_ERROR from '@salesforce/label/c.Workspace_SaveError';
import LABEL_CANCEL from '@salesforce/label/c.Workspace_Cancel';
import LABEL_SAVE from '@salesforce/label/c.Workspace_Save';
import LABEL_SPONSOR from '@salesforce/label/c.Workspace_Sponsor';
import LABEL_STATUS from '@salesforce/label/c.Workspace_Status';
import LABEL_VERSION from '@salesforce/label/c.Workspace_Version';

const SECTIONS = [
  { field: 'Mission__c', label: LABEL_MISSION },
  { field: 'Vision__c', label: LABEL_VISION },
  { field: 'Why_It_Matters__c', label: LABEL_WHY_IT_MATTERS },
  { field: 'Problems_Solved__c', label: LABEL_PROBLEMS },
  { field: 'Opportunities__c', label: LABEL_OPPORTUNITIES },
  { field: 'Cost_Of_Inaction__c', label: LABEL_COST_OF_INACTION }
] as const;

/**
 * The charter statement; Edit swaps the text for a record edit form on the same place (LDS saves it, Save disabled
 * while it does).
 */
export default class CharterStatement extends RecordSaveCycle(LightningElement) {
  @api charter: WorkspaceCharter | undefined;
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  labels = {
    partStatement: LABEL_PART_STATEMENT,
    edit: LABEL_EDIT,
    editStatement: LABEL_EDIT_STATEMENT,
    saveError: LABEL_SAVE_ERROR,
    cancel: LABEL_CANCEL,
    save: LABEL_SAVE,
    sponsor: LABEL_SPONSOR,
    status: LABEL_STATUS,
    version: LABEL_VERSION
  };
  editing = false;
  editFields = [...SECTIONS.map((section) => section.field), 'Executive_Sponsor__c', 'Status__c', 'Version__c'];

  get sections(): Array<{ field: string; label: string; text: string; blank: boolean }> {
    const charter = (this.charter ?? {}) as Record<string, unknown>;
    return SECTIONS.map((section) => {
      const value = charter[section.field];
      const text = typeof value === 'string' && value.trim() !== '' ? value : '';
      return { field: section.field, label: section.label, text: text || LABEL_BLANK, blank: !text };
    });
  }

  get sponsor(): string {
    return this.charter?.Executive_Sponsor__r?.Name ?? LABEL_BLANK;
  }

  get status(): string {
    return this.charter?.Status__c ?? LABEL_BLANK;
  }

  get version(): string {
    const version = this.charter?.Version__c;
    return typeof version === 'number' ? String(version) : LABEL_BLANK;
  }

  get showEdit(): boolean {
    return this.canEdit && !this.editing;
  }

  get recordId(): string | undefined {
    return this.charter?.Id;
  }

  handleEdit(): void {
    this.saveError = undefined;
    this.editing = true;
  }

  handleCancel(): void {
    this.editing = false;
  }

  override saved(): void {
    this.editing = false;
    this.dispatchEvent(new CustomEvent('saved'));
  }
}
