import { LightningElement, api } from 'lwc';
import type { CriterionResult, FitResult } from 'c/successModel';
import { formatLabel } from 'c/panelFormat';
import LABEL_FIT from '@salesforce/label/c.Panel_Fit';
import LABEL_FIT_SCORE from '@salesforce/label/c.Panel_FitScore';
import LABEL_NO_FIT from '@salesforce/label/c.Panel_NoFit';
import LABEL_MATCHED from '@salesforce/label/c.Panel_FitMatched';
import LABEL_MISSED from '@salesforce/label/c.Panel_FitMissed';
import LABEL_UNKNOWN from '@salesforce/label/c.Panel_FitUnknown';
import LABEL_BLANK_FIELDS from '@salesforce/label/c.Panel_FitBlankFields';

interface CriterionView {
  key: string;
  text: string;
}

function describe(result: CriterionResult): CriterionView {
  // "Target Industry: in Technology, Financial Services" reads better than the raw rule on the field.
  const values = result.value
    .split(',')
    .map((v) => v.trim())
    .join(', ');
  const rule = `${result.label}: ${result.operator} ${values}`;
  return { key: result.criterion, text: rule };
}

/** Ideal-customer tier, with the criteria matched and missed. */
export default class FitBadge extends LightningElement {
  @api fit: FitResult | undefined;

  labels = {
    fit: LABEL_FIT,
    noFit: LABEL_NO_FIT,
    matched: LABEL_MATCHED,
    missed: LABEL_MISSED,
    unknown: LABEL_UNKNOWN,
    blankFields: LABEL_BLANK_FIELDS
  };

  get hasFit(): boolean {
    return typeof this.fit?.score === 'number';
  }

  /** Fit is unknown while criteria fields are blank: the blank criteria are named, not scored as misses. */
  get isUnknown(): boolean {
    return !this.hasFit && this.blank.length > 0;
  }

  get blank(): CriterionView[] {
    return (this.fit?.unknown ?? []).map(describe);
  }

  get showCriteria(): boolean {
    return this.hasFit || this.isUnknown;
  }

  get badgeLabel(): string {
    return formatLabel(LABEL_FIT_SCORE, { name: this.fit?.tier, value: this.fit?.score });
  }

  get matched(): CriterionView[] {
    return (this.fit?.matched ?? []).map(describe);
  }

  get missed(): CriterionView[] {
    return (this.fit?.missed ?? []).map(describe);
  }

  get hasMatched(): boolean {
    return this.matched.length > 0;
  }

  get hasMissed(): boolean {
    return this.missed.length > 0;
  }
}
