import { LightningElement, api } from 'lwc';
import type { LifecycleStep } from 'c/successModel';
import LABEL_LIFECYCLE from '@salesforce/label/c.Panel_Lifecycle';
import LABEL_NO_STAGE from '@salesforce/label/c.Panel_NoStage';

/** The configured lifecycle stages as a path, the account's stage current. */
export default class LifecyclePath extends LightningElement {
  @api steps: LifecycleStep[] = [];

  labels = { lifecycle: LABEL_LIFECYCLE, noStage: LABEL_NO_STAGE };

  get hasSteps(): boolean {
    return (this.steps ?? []).length > 0;
  }

  get currentStep(): string | undefined {
    return (this.steps ?? []).find((step) => step.state === 'current')?.key;
  }

  get noCurrent(): boolean {
    return this.currentStep === undefined;
  }
}
