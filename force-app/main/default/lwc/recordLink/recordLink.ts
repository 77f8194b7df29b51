import { LightningElement, api } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';

interface Navigator {
  [NavigationMixin.Navigate](pageReference: PageReference): void;
  [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
}

/**
 * A record's name as a link to its record page (standard__recordPage, view): the href is the platform's own URL for
 * it, so open-in-new-tab works, and a plain click navigates inside Lightning Experience.
 */
export default class RecordLink extends NavigationMixin(LightningElement) {
  /** What the link reads: the record's name. */
  @api label: string | undefined;
  @api objectApiName = 'Account';
  url: string | undefined;
  private recordIdValue: string | undefined;

  @api
  get recordId(): string | undefined {
    return this.recordIdValue;
  }
  set recordId(value: string | undefined) {
    this.recordIdValue = value;
    this.url = undefined;
    if (value) {
      const requested = value;
      const generateUrl = this.navigator()[NavigationMixin.GenerateUrl];
      generateUrl.call(this.navigator(), this.pageReference()).then((url) => {
        if (this.recordIdValue === requested) this.url = url;
      });
    }
  }

  private pageReference(): PageReference {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: this.recordIdValue, objectApiName: this.objectApiName, actionName: 'view' }
    };
  }

  private navigator(): Navigator {
    return this as unknown as Navigator;
  }

  handleClick(event: MouseEvent): void {
    // A modified click (new tab, new window) is the browser's: only a plain click navigates in place.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.navigator()[NavigationMixin.Navigate](this.pageReference());
  }
}
