import { LightningElement, api } from 'lwc';
import type { HealthResult } from 'c/successModel';
import { factText } from 'c/panelFormat';
import LABEL_HEALTH from '@salesforce/label/c.Panel_Health';
import LABEL_SCORE from '@salesforce/label/c.Panel_HealthScore';
import LABEL_NO_SCORE from '@salesforce/label/c.Panel_HealthNoScore';
import LABEL_MISSING from '@salesforce/label/c.Panel_HealthMissing';
import LABEL_SHOW from '@salesforce/label/c.Panel_ShowBreakdown';
import LABEL_HIDE from '@salesforce/label/c.Panel_HideBreakdown';
import { formatLabel } from 'c/figureFormat';

const BADGE_CLASS: Record<string, string> = {
  success: 'slds-theme_success',
  warning: 'slds-theme_warning',
  error: 'slds-theme_error'
};

/** Health score and band; the breakdown by dimension opens in place. */
export default class HealthSummary extends LightningElement {
  @api health: HealthResult | undefined;

  expanded = false;
  labels = { health: LABEL_HEALTH, noScore: LABEL_NO_SCORE, missing: LABEL_MISSING };

  get hasScore(): boolean {
    return typeof this.health?.score === 'number';
  }

  get scoreText(): string {
    return formatLabel(LABEL_SCORE, this.health?.score);
  }

  /** What is missing before the account can be scored, in the model's order. */
  get missing(): Array<{ key: string; text: string }> {
    return (this.health?.missing ?? []).map((fact, index) => ({ key: `${fact.code}-${index}`, text: factText(fact) }));
  }

  get hasMissing(): boolean {
    return this.missing.length > 0;
  }

  get band(): HealthResult['band'] {
    return this.health?.band ?? null;
  }

  get bandClass(): string {
    return `band ${BADGE_CLASS[this.band?.variant ?? ''] ?? ''}`.trim();
  }

  get dimensions(): HealthResult['dimensions'] {
    return this.health?.dimensions ?? [];
  }

  get toggleLabel(): string {
    return this.expanded ? LABEL_HIDE : LABEL_SHOW;
  }

  get ariaExpanded(): string {
    return String(this.expanded);
  }

  handleToggle(): void {
    this.expanded = !this.expanded;
  }
}
