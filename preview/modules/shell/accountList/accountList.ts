import { LightningElement } from 'lwc';

interface AccountRow {
  Id: string;
  Name: string;
  Industry?: string | null;
  Lifecycle_Stage__c?: string | null;
  ARR__c?: number | null;
  Renewal_Date__c?: string | null;
}

/** The Accounts tab: every account in the local org, each linking to its record page through c-record-link. */
export default class AccountList extends LightningElement {
  rows: AccountRow[] = [];
  loading = true;
  error: unknown;

  override async connectedCallback(): Promise<void> {
    try {
      const response = await fetch('/preview/api/accounts');
      const body = await response.json();
      if (!response.ok) throw Object.assign(new Error(body?.message ?? response.statusText), { body });
      this.rows = body as AccountRow[];
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }
}
