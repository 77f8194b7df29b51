import LightningModal from 'lightning/modal';

/**
 * The save cycle every record-form modal shares: `saving` (the submit button's disabled state) from submit until the
 * form answers, the save error shown while the modal stays open, and the close result the subclass names.
 */
export class RecordFormModal extends LightningModal {
  saving = false;
  saveError: unknown;

  /** What the modal closes with once the record is saved: by default its Id, as { id }. */
  savedResult(record: { id: string }): unknown {
    return { id: record.id };
  }

  /** What the modal closes with when the user cancels: by default nothing. */
  cancelledResult(): unknown {
    return undefined;
  }

  handleSubmit(): void {
    this.saving = true;
    this.saveError = undefined;
  }

  handleSuccess(event: CustomEvent<{ id: string }>): void {
    this.saving = false;
    this.close(this.savedResult(event.detail));
  }

  handleError(event: CustomEvent<unknown>): void {
    this.saving = false;
    this.saveError = event.detail;
  }

  handleCancel(): void {
    this.close(this.cancelledResult());
  }
}
