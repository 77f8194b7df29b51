import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import type { WorkspaceCharter } from 'c/charterWorkspace';

const SECTIONS = [
  { field: 'Mission__c', label: LABELS.Mission },
  { field: 'Vision__c', label: LABELS.Vision },
  { field: 'Why_It_Matters__c', label: LABELS.WhyItMatters },
  { field: 'Problems_Solved__c', label: LABELS.Problems },
  { field: 'Opportunities__c', label: LABELS.Opportunities },
  { field: 'Cost_Of_Inaction__c', label: LABELS.CostOfInaction }
] as const;

/** The charter statement; Edit swaps the text for a record edit form on the same place (LDS saves it). */
export default class CharterStatement extends LightningElement {
  @api charter: WorkspaceCharter | undefined;
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  labels = LABELS;
  editing = false;
  saveError: unknown;
  editFields = [...SECTIONS.map((section) => section.field), 'Executive_Sponsor__c', 'Status__c', 'Version__c'];

  get sections(): Array<{ field: string; label: string; text: string; blank: boolean }> {
    const charter = (this.charter ?? {}) as Record<string, unknown>;
    return SECTIONS.map((section) => {
      const value = charter[section.field];
      const text = typeof value === 'string' && value.trim() !== '' ? value : '';
      return { field: section.field, label: section.label, text: text || LABELS.Blank, blank: !text };
    });
  }

  get sponsor(): string {
    return this.charter?.Executive_Sponsor__r?.Name ?? LABELS.Blank;
  }

  get status(): string {
    return this.charter?.Status__c ?? LABELS.Blank;
  }

  get version(): string {
    const version = this.charter?.Version__c;
    return typeof version === 'number' ? String(version) : LABELS.Blank;
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

  handleSuccess(): void {
    this.editing = false;
    this.dispatchEvent(new CustomEvent('saved'));
  }

  handleError(event: CustomEvent): void {
    this.saveError = event.detail;
  }
}
