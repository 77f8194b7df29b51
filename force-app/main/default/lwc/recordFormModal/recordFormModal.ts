import type { LightningElement } from 'lwc';
import LightningModal from 'lightning/modal';

// A mixin takes any constructor signature (TypeScript asks for any[] here).
type Constructor<T> = new (...args: any[]) => T;

/**
 * The save cycle of a lightning-record-edit-form, for a component or a modal: `saving` (the submit button's disabled
 * state) from submit until the form answers, the save error shown while the form stays, and `saved` once it is saved.
 */
export function RecordSaveCycle<T extends Constructor<LightningElement>>(Base: T) {
  return class extends Base {
    saving = false;
    saveError: unknown;

    /** What follows a save: the component leaves edit mode, the modal closes. */
    saved(_record: { id: string }): void {
      // nothing by default
    }

    handleSubmit(): void {
      this.saving = true;
      this.saveError = undefined;
    }

    handleSuccess(event: CustomEvent<{ id: string }>): void {
      this.saving = false;
      this.saved(event.detail);
    }

    handleError(event: CustomEvent<unknown>): void {
      this.saving = false;
      this.saveError = event.detail;
    }
  };
}

/** A modal around one lightning-record-edit-form: the save cycle, then it closes with the result the subclass names. */
export class RecordFormModal extends RecordSaveCycle(LightningModal) {
  /** What the modal closes with once the record is saved: by default its Id, as { id }. */
  savedResult(record: { id: string }): unknown {
    return { id: record.id };
  }

  /** What the modal closes with when the user cancels: by default nothing. */
  cancelledResult(): unknown {
    return undefined;
  }

  override saved(record: { id: string }): void {
    this.close(this.savedResult(record));
  }

  handleCancel(): void {
    this.close(this.cancelledResult());
  }
}
