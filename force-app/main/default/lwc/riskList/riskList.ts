import { LightningElement, api } from 'lwc';
import type { RiskStanding } from 'c/successModel';
import { cutText, firstRows } from 'c/showMore';
import type { PanelRisk } from '../accountSuccessPanel/panelTypes';
import LABEL_RISKS from '@salesforce/label/c.Panel_Risks';
import LABEL_NO_RISKS from '@salesforce/label/c.Panel_NoRisks';
import LABEL_SCORE from '@salesforce/label/c.Panel_RiskScore';
import LABEL_UNSCORED from '@salesforce/label/c.Panel_RiskUnscored';
import LABEL_MITIGATION from '@salesforce/label/c.Panel_RiskMitigation';
import LABEL_OWNER from '@salesforce/label/c.Panel_RiskOwner';
import LABEL_NONE from '@salesforce/label/c.Panel_None';
import LABEL_SHOW_ALL from '@salesforce/label/c.Panel_ShowAllRisks';
import LABEL_SHOW_FEWER from '@salesforce/label/c.Panel_ShowFewerRisks';
import LABEL_RISKS_CUT from '@salesforce/label/c.Panel_RisksCut';
import { formatLabel } from 'c/figureFormat';

/** How many risks show before "Show all": the highest scores, as many as the goal list shows goals. */
const VISIBLE_RISKS = 10;

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

const toView = ({ risk, score, rating }: RiskStanding<PanelRisk>, index: number): RiskView => ({
  key: risk.Id ?? `risk-${index}`,
  title: risk.Name ?? risk.Charter_Risk__r?.Name ?? '',
  category: risk.Charter_Risk__r?.Category__c ?? null,
  scoreText: score === null ? LABEL_UNSCORED : formatLabel(LABEL_SCORE, score, rating),
  badgeClass: `slds-badge score ${RATING_CLASS[rating ?? ''] ?? ''}`.trim(),
  mitigation: risk.Mitigation__c || LABEL_NONE,
  owner: risk.Owner__r?.Name || LABEL_NONE
});

/**
 * Open risks in the order successModel gives them (highest score first): the first ten, the rest behind "Show all".
 * Each row is plain SLDS markup (the score badge is an `slds-badge` span): a big account has dozens of risks, and a
 * base component per row costs more render time than it adds.
 */
export default class RiskList extends LightningElement {
  /** Every open risk of the account, when the view-model holds only the highest-scored of them. */
  @api total: number | undefined;
  expanded = false;
  labels = {
    risks: LABEL_RISKS,
    noRisks: LABEL_NO_RISKS,
    mitigation: LABEL_MITIGATION,
    owner: LABEL_OWNER,
    showFewer: LABEL_SHOW_FEWER
  };
  readonly visible = VISIBLE_RISKS;

  private allRows: RiskView[] = [];
  private risksValue: RiskStanding<PanelRisk>[] = [];

  /** Row views are built once per risks change, not on every render (the toggle re-renders the list). */
  @api
  get risks(): RiskStanding<PanelRisk>[] {
    return this.risksValue;
  }
  set risks(value: RiskStanding<PanelRisk>[]) {
    this.risksValue = value ?? [];
    this.allRows = this.risksValue.map(toView);
  }

  get hasRisks(): boolean {
    return this.allRows.length > 0;
  }

  get rows(): RiskView[] {
    return firstRows(this.allRows, this.limit);
  }

  get count(): number {
    return this.allRows.length;
  }

  /** Every risk once expanded, the first VISIBLE_RISKS before. */
  get limit(): number {
    return this.expanded ? this.count : VISIBLE_RISKS;
  }

  get showAllLabel(): string {
    return formatLabel(LABEL_SHOW_ALL, this.count);
  }

  /** "Showing the 50 highest-scored of 80 open risks": said, never silent, when the Apex cut the list. */
  get cutText(): string {
    return cutText(LABEL_RISKS_CUT, this.allRows.length, this.total);
  }

  handleMore(): void {
    this.expanded = true;
  }

  handleLess(): void {
    this.expanded = false;
  }
}
