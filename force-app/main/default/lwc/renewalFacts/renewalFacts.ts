import { LightningElement, api } from 'lwc';
import type { GoalSummary, RevenueFacts } from 'c/successModel';
import { NOT_AVAILABLE, formatCurrency, formatDate, formatDays, formatLabel } from 'c/figureFormat';
import LABEL_REVENUE from '@salesforce/label/c.Panel_Revenue';
import LABEL_ARR from '@salesforce/label/c.Panel_Arr';
import LABEL_RENEWAL from '@salesforce/label/c.Panel_RenewalDate';
import LABEL_RENEWS_IN from '@salesforce/label/c.Panel_RenewsIn';
import LABEL_RENEWAL_PASSED from '@salesforce/label/c.Panel_RenewalPassed';
import LABEL_RENEWS_TODAY from '@salesforce/label/c.Panel_RenewsToday';
import LABEL_PIPELINE from '@salesforce/label/c.Panel_Pipeline';
import LABEL_PIPELINE_COUNT from '@salesforce/label/c.Panel_PipelineCount';
import LABEL_WON from '@salesforce/label/c.Panel_Won';
import LABEL_WON_COUNT from '@salesforce/label/c.Panel_WonCount';
import LABEL_AFTER_GOAL from '@salesforce/label/c.Panel_AfterGoal';
import LABEL_VALUE_REALIZED from '@salesforce/label/c.Panel_TotalValueRealized';
import LABEL_FIRST_VALUE from '@salesforce/label/c.Panel_DaysToFirstValue';

interface FactView {
  key: string;
  label: string;
  value: string;
  detail: string;
}

/** An amount of CS-sourced revenue and how many opportunities make it up ("$120,000 (2 won)"). */
function amountFact(
  key: string,
  label: string,
  amount: number | undefined,
  countLabel: string,
  count: number | undefined
): FactView {
  return { key, label, value: formatCurrency(amount ?? 0), detail: formatLabel(countLabel, count ?? 0) };
}

/**
 * ARR and renewal, CS-sourced revenue (won, open, and won after an achieved goal), the value the customer has
 * realized and how fast the first value came. Every figure is written by c/figureFormat.
 */
export default class RenewalFacts extends LightningElement {
  @api revenue: RevenueFacts | undefined;
  @api goalSummary: GoalSummary | undefined;

  labels = { revenue: LABEL_REVENUE };

  get renewalHint(): string {
    const days = this.revenue?.daysToRenewal;
    if (typeof days !== 'number') return '';
    if (days === 0) return LABEL_RENEWS_TODAY;
    return days > 0
      ? formatLabel(LABEL_RENEWS_IN, formatDays(days))
      : formatLabel(LABEL_RENEWAL_PASSED, formatDays(-days));
  }

  get facts(): FactView[] {
    const revenue = this.revenue;
    const summary = this.goalSummary;
    const hasRenewal = Boolean(revenue?.renewalDate);
    return [
      { key: 'arr', label: LABEL_ARR, value: formatCurrency(revenue?.arr), detail: '' },
      {
        key: 'renewal',
        label: LABEL_RENEWAL,
        value: hasRenewal ? formatDate(revenue?.renewalDate) : NOT_AVAILABLE,
        detail: hasRenewal ? this.renewalHint : ''
      },
      amountFact('won', LABEL_WON, revenue?.wonAmount, LABEL_WON_COUNT, revenue?.wonCount),
      amountFact('pipeline', LABEL_PIPELINE, revenue?.pipelineAmount, LABEL_PIPELINE_COUNT, revenue?.pipelineCount),
      amountFact('after-goal', LABEL_AFTER_GOAL, revenue?.afterGoalAmount, LABEL_WON_COUNT, revenue?.afterGoalCount),
      {
        key: 'value-realized',
        label: LABEL_VALUE_REALIZED,
        value: formatCurrency(summary?.valueRealized ?? 0),
        detail: ''
      },
      { key: 'first-value', label: LABEL_FIRST_VALUE, value: formatDays(summary?.daysToFirstValue), detail: '' }
    ];
  }
}
