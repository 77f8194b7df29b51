import { LightningElement, api } from 'lwc';
import type { RecordRequest } from 'c/charterWorkspace';

/**
 * What every charter part with Add and Edit shares (objectives, roles, roadmap, risks): the two write permissions
 * and the `recordrequest` event the workspace answers by opening charterRecordModal for the part's object.
 */
export abstract class CharterPart extends LightningElement {
  /** The user may create these records (the object's createable, from getObjectInfo): Add is shown only then. */
  @api canCreate = false;
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  /** The object the part's records are, named in every request it sends. */
  protected abstract readonly objectApiName: RecordRequest['objectApiName'];

  handleAdd(): void {
    this.requestRecord(undefined);
  }

  /** An Edit button carries the record's Id in `data-id`. */
  handleEdit(event: Event): void {
    this.requestRecord((event.currentTarget as HTMLElement).dataset.id);
  }

  protected requestRecord(recordId: string | undefined): void {
    const detail: RecordRequest = { objectApiName: this.objectApiName, recordId };
    this.dispatchEvent(new CustomEvent('recordrequest', { detail }));
  }
}
