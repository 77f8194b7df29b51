import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/charterLabels';
import { residualScore, riskRating, scoreOf } from 'c/successModel';
import type { RiskAccount, RiskAccountCount, WorkspaceRisk } from 'c/charterWorkspace';

/** Threats by score, highest first, with assessment, corrective action, residual score, owner and accounts. */
export default class CharterRiskRegister extends LightningElement {
  @api risks: WorkspaceRisk[] = [];
  @api riskAccounts: RiskAccount[] = [];
  @api riskAccountCounts: RiskAccountCount[] = [];
  labels = LABELS;
  expandedId: string | null = null;

  get hasRisks(): boolean {
    return this.risks.length > 0;
  }

  get rows() {
    const counts = new Map(this.riskAccountCounts.map((count) => [count.riskId, count.accounts]));
    const names = new Map<string, string[]>();
    for (const link of this.riskAccounts) {
      const id = link.Charter_Risk__c ?? '';
      const list = names.get(id) ?? [];
      list.push(link.Account__r?.Name ?? link.Account__c ?? '');
      names.set(id, list);
    }
    return this.risks
      .map((risk, index) => ({ risk, index, score: scoreOf(risk) }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.index - b.index)
      .map(({ risk, index, score }) => {
        const id = risk.Id ?? String(index);
        const residual = residualScore(risk);
        const expanded = this.expandedId === id;
        const name = risk.Name ?? '';
        return {
          key: id,
          id: risk.Id,
          name,
          category: risk.Category__c ?? '',
          score,
          rating: riskRating(score) ?? '',
          residual,
          residualRating: riskRating(residual) ?? '',
          assessment: risk.Assessment__c ?? '',
          correctiveAction: risk.Corrective_Action__c ?? '',
          owner: risk.Owner__r?.Name ?? '',
          reviewDate: risk.Review_Date__c ?? '',
          status: risk.Status__c ?? '',
          accountCount: counts.get(risk.Id ?? '') ?? 0,
          accounts: (names.get(risk.Id ?? '') ?? []).map((account, i) => ({ key: `${id}-${i}`, name: account })),
          expanded,
          ariaExpanded: String(expanded),
          listId: `accounts-${id}`,
          editLabel: formatLabel(LABELS.EditRecord, name)
        };
      });
  }

  handleToggle(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
    this.expandedId = this.expandedId === id ? null : id;
  }

  handleEdit(event: Event): void {
    const recordId = (event.currentTarget as HTMLElement).dataset.id;
    this.dispatchEvent(new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Risk__c', recordId } }));
  }
}
