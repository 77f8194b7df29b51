import { api } from 'lwc';
import { CharterPart } from 'c/charterPart';
import type { HeatMap } from 'c/successModel';
import type { RiskAccount, RiskAccountCount, WorkspaceRisk } from 'c/charterWorkspace';
import type { CellSelection } from 'c/charterRiskHeatMap';
import { formatLabel } from 'c/figureFormat';
import LABEL_EDIT_RECORD from '@salesforce/label/c.Workspace_EditRecord';
import LABEL_SHOW_ALL from '@salesforce/label/c.Workspace_ShowAll';
import LABEL_ADD_RISK from '@salesforce/label/c.Workspace_AddRisk';
import LABEL_ENABLERS from '@salesforce/label/c.Workspace_Enablers';
import LABEL_EDIT from '@salesforce/label/c.Workspace_Edit';
import LABEL_NO_ENABLERS from '@salesforce/label/c.Workspace_NoEnablers';

/** The risks tab: the heat map filters the register by cell; enablers are listed apart. */
export default class CharterRisks extends CharterPart {
  @api threats: WorkspaceRisk[] = [];
  @api enablers: WorkspaceRisk[] = [];
  @api heatMap: HeatMap | undefined;
  @api riskAccounts: RiskAccount[] = [];
  @api riskAccountCounts: RiskAccountCount[] = [];
  protected readonly objectApiName = 'Charter_Risk__c';
  labels = {
    showAll: LABEL_SHOW_ALL,
    addRisk: LABEL_ADD_RISK,
    enablers: LABEL_ENABLERS,
    edit: LABEL_EDIT,
    noEnablers: LABEL_NO_ENABLERS
  };
  selected: CellSelection | null = null;

  get isFiltered(): boolean {
    return this.selected !== null;
  }

  /** Threats in the selected cell (the heat map lists risk ids, or the index for a risk without one). */
  get visibleThreats(): WorkspaceRisk[] {
    const selected = this.selected;
    if (!selected || !this.heatMap) return this.threats;
    const inCell = new Set(this.heatMap.cells[selected.row][selected.column]);
    return this.threats.filter((risk, index) => inCell.has(risk.Id ?? String(index)));
  }

  get hasEnablers(): boolean {
    return this.enablers.length > 0;
  }

  get enablerRows() {
    return this.enablers.map((risk, index) => ({
      key: risk.Id ?? String(index),
      id: risk.Id,
      name: risk.Name ?? '',
      assessment: risk.Assessment__c ?? '',
      owner: risk.Owner__r?.Name ?? '',
      editLabel: formatLabel(LABEL_EDIT_RECORD, risk.Name ?? '')
    }));
  }

  handleCellSelect(event: CustomEvent<CellSelection | null>): void {
    this.selected = event.detail;
  }

  handleShowAll(): void {
    this.selected = null;
  }

  handleRegisterRequest(event: CustomEvent): void {
    this.requestRecord(event.detail.recordId);
  }
}
