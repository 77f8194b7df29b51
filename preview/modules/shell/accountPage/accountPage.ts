import { LightningElement, api } from 'lwc';

/**
 * An Account record page as the Account_Success_Record_Page flexipage lays it out: the
 * success panel in the wide main region, and the same panel in a narrow sidebar width.
 */
export default class AccountPage extends LightningElement {
  @api recordId: string | undefined;
}
