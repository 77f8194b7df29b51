import { LightningElement, api } from 'lwc';
import type { CriterionResult, FitResult } from 'c/successModel';
import { formatLabel, formatNumber, formatPercent } from 'c/figureFormat';
import LABEL_RULE_EQUALS from '@salesforce/label/c.Panel_FitRuleEquals';
import LABEL_RULE_IN from '@salesforce/label/c.Panel_FitRuleIn';
import LABEL_RULE_BETWEEN from '@salesforce/label/c.Panel_FitRuleBetween';
import LABEL_RULE_AT_LEAST from '@salesforce/label/c.Panel_FitRuleAtLeast';
import LABEL_RULE_AT_MOST from '@salesforce/label/c.Panel_FitRuleAtMost';
import LABEL_RULE_CONTAINS from '@salesforce/label/c.Panel_FitRuleContains';
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

/** A criterion value as people write it: numbers grouped in the locale, text as typed. */
function valueText(raw: string): string {
  const trimmed = raw.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? formatNumber(Number(trimmed), 2) : trimmed;
}

/** "Company Size: 200 to 10,000", "Annual Revenue: at least 10,000,000", "Target Industry: Technology, Healthcare". */
function describe(result: CriterionResult): CriterionView {
  const label = result.label;
  let text: string;
  switch (result.operator) {
    case 'in':
      text = formatLabel(
        LABEL_RULE_IN,
        label,
        result.value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
          .join(', ')
      );
      break;
    case 'between': {
      const [min, max] = result.value.split('..');
      text = formatLabel(LABEL_RULE_BETWEEN, label, valueText(min), valueText(max));
      break;
    }
    case 'at least':
      text = formatLabel(LABEL_RULE_AT_LEAST, label, valueText(result.value));
      break;
    case 'at most':
      text = formatLabel(LABEL_RULE_AT_MOST, label, valueText(result.value));
      break;
    case 'contains':
      text = formatLabel(LABEL_RULE_CONTAINS, label, result.value.trim());
      break;
    default:
      text = formatLabel(LABEL_RULE_EQUALS, label, valueText(result.value));
  }
  return { key: result.criterion, text };
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
    return formatLabel(LABEL_FIT_SCORE, this.fit?.tier, formatPercent(this.fit?.score));
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
