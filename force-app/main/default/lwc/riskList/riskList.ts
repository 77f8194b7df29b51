import { LightningElement, api } from 'lwc';
import type { RiskStanding } from 'c/successModel';
import { formatLabel } from 'c/panelFormat';
import type { PanelRisk } from '../accountSuccessPanel/panelTypes';
import LABEL_RISKS from '@salesforce/label/c.Panel_Risks';
import LABEL_NO_RISKS from '@salesforce/label/c.Panel_NoRisks';
import LABEL_SCORE from '@salesforce/label/c.Panel_RiskScore';
import LABEL_UNSCORED from '@salesforce/label/c.Panel_RiskUnscored';
import LABEL_MITIGATION from '@salesforce/label/c.Panel_RiskMitigation';
import LABEL_OWNER from '@salesforce/label/c.Panel_RiskOwner';
import LABEL_NONE from '@salesforce/label/c.Panel_None';

const RATING_CLASS: Record<string, string> = {
  Critical: 'slds-theme_error',
  High: 'slds-theme_warning',
  Medium: 'slds-theme_info',
  Low: 'slds-theme_success'
};

interface RiskView {
  key: string;
  title: string;
  category: string | null;
  scoreText: string;
  badgeClass: string;
  mitigation: string;
  owner: string;
}

/** Open risks in the order successModel gives them (highest score first). */
export default class RiskList extends LightningElement {
  @api risks: RiskStanding<PanelRisk>[] = [];

  labels = { risks: LABEL_RISKS, noRisks: LABEL_NO_RISKS, mitigation: LABEL_MITIGATION, owner: LABEL_OWNER };

  get hasRisks(): boolean {
    return (this.risks ?? []).length > 0;
  }

  get rows(): RiskView[] {
    return (this.risks ?? []).map(({ risk, score, rating }, index) => ({
      key: risk.Id ?? `risk-${index}`,
      title: risk.Name ?? risk.Charter_Risk__r?.Name ?? '',
      category: risk.Charter_Risk__r?.Category__c ?? null,
      scoreText: score === null ? LABEL_UNSCORED : formatLabel(LABEL_SCORE, { value: score, name: rating }),
      badgeClass: `score ${RATING_CLASS[rating ?? ''] ?? ''}`.trim(),
      mitigation: risk.Mitigation__c || LABEL_NONE,
      owner: risk.Owner__r?.Name || LABEL_NONE
    }));
  }
}
