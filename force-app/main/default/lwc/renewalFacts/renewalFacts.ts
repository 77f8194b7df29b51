import { LightningElement, api } from 'lwc';
import type { GoalSummary, RevenueFacts } from 'c/successModel';
import { formatLabel } from 'c/panelFormat';
import LABEL_REVENUE from '@salesforce/label/c.Panel_Revenue';
import LABEL_ARR from '@salesforce/label/c.Panel_Arr';
import LABEL_RENEWAL from '@salesforce/label/c.Panel_RenewalDate';
import LABEL_RENEWS_IN from '@salesforce/label/c.Panel_RenewsIn';
import LABEL_RENEWAL_PASSED from '@salesforce/label/c.Panel_RenewalPassed';
import LABEL_PIPELINE from '@salesforce/label/c.Panel_Pipeline';
import LABEL_PIPELINE_COUNT from '@salesforce/label/c.Panel_PipelineCount';
import LABEL_VALUE_REALIZED from '@salesforce/label/c.Panel_TotalValueRealized';
import LABEL_FIRST_VALUE from '@salesforce/label/c.Panel_DaysToFirstValue';
import LABEL_NONE from '@salesforce/label/c.Panel_None';

/** ARR, renewal date and CS-sourced pipeline, plus the value the customer has realized so far. */
export default class RenewalFacts extends LightningElement {
  @api revenue: RevenueFacts | undefined;
  @api goalSummary: GoalSummary | undefined;

  labels = {
    revenue: LABEL_REVENUE,
    arr: LABEL_ARR,
    renewal: LABEL_RENEWAL,
    pipeline: LABEL_PIPELINE,
    valueRealized: LABEL_VALUE_REALIZED,
    firstValue: LABEL_FIRST_VALUE,
    none: LABEL_NONE
  };

  get hasArr(): boolean {
    return typeof this.revenue?.arr === 'number';
  }

  get renewalDate(): string | null {
    return this.revenue?.renewalDate ?? null;
  }

  get renewalHint(): string | undefined {
    const days = this.revenue?.daysToRenewal;
    if (typeof days !== 'number') return undefined;
    return days >= 0
      ? formatLabel(LABEL_RENEWS_IN, { count: days })
      : formatLabel(LABEL_RENEWAL_PASSED, { count: -days });
  }

  get pipelineCountText(): string {
    return formatLabel(LABEL_PIPELINE_COUNT, { count: this.revenue?.pipelineCount ?? 0 });
  }

  get pipelineAmount(): number {
    return this.revenue?.pipelineAmount ?? 0;
  }

  get valueRealized(): number {
    return this.goalSummary?.valueRealized ?? 0;
  }

  get firstValueText(): string {
    const days = this.goalSummary?.daysToFirstValue;
    return typeof days === 'number' ? String(days) : LABEL_NONE;
  }
}
