import { LightningElement, api } from 'lwc';

/**
 * An Account record page as the Account_Success_Record_Page flexipage lays it out: the record's name in the page
 * header, as Lightning Experience heads every record page, then the success panel in the main region.
 */
export default class AccountPage extends LightningElement {
  name = '';
  private recordIdValue: string | undefined;

  @api
  get recordId(): string | undefined {
    return this.recordIdValue;
  }
  set recordId(value: string | undefined) {
    this.recordIdValue = value;
    this.name = '';
    if (value) this.loadName(value);
  }

  /** The name the running user may read, through the same UI API record read the platform bindings use. */
  private async loadName(recordId: string): Promise<void> {
    const response = await fetch(`/preview/api/ui/records/${encodeURIComponent(recordId)}?fields=Account.Name`);
    if (!response.ok || this.recordIdValue !== recordId) return;
    const body = (await response.json()) as { fields?: { Name?: { value?: string | null } } };
    this.name = body.fields?.Name?.value ?? '';
  }
}
