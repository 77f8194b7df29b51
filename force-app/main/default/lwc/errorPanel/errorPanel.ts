import { LightningElement, api } from 'lwc';
import { reduceErrors, type ErrorLike } from 'c/ldsUtils';
import LABEL_DEFAULT_MESSAGE from '@salesforce/label/c.ErrorPanel_DefaultMessage';
import LABEL_SHOW_DETAILS from '@salesforce/label/c.ErrorPanel_ShowDetails';
import LABEL_HIDE_DETAILS from '@salesforce/label/c.ErrorPanel_HideDetails';

/**
 * Shows an error the same way everywhere: a friendly message, and the platform's own
 * messages one click away. `variant="inline"` sits inside a card; `variant="page"` fills an
 * empty region with an illustration.
 */
export default class ErrorPanel extends LightningElement {
  /** Anything a wire, LDS call or Apex call rejected with, or a list of them. */
  @api errors: ErrorLike | ErrorLike[] = undefined;
  /** What the user should understand; defaults to a generic label. */
  @api friendlyMessage: string | undefined;
  /** inline | page */
  @api variant: 'inline' | 'page' = 'inline';

  detailsVisible = false;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasDetails(): boolean {
    return this.messages.length > 0;
  }

  get summary(): string {
    return this.friendlyMessage || LABEL_DEFAULT_MESSAGE;
  }

  get containerClass(): string {
    return this.isPage ? 'slds-text-align_center slds-p-around_medium' : 'slds-p-around_x-small';
  }

  get isPage(): boolean {
    return this.variant === 'page';
  }

  get toggleLabel(): string {
    return this.detailsVisible ? LABEL_HIDE_DETAILS : LABEL_SHOW_DETAILS;
  }

  get ariaExpanded(): string {
    return String(this.detailsVisible);
  }

  get messageItems(): Array<{ key: string; text: string }> {
    return this.messages.map((text, index) => ({ key: `${index}`, text }));
  }

  handleToggleDetails(): void {
    this.detailsVisible = !this.detailsVisible;
  }
}
