import { LightningElement, api } from 'lwc';
import { heatMapCell, type HeatMap } from 'c/successModel';
import { formatLabel, formatNumber } from 'c/figureFormat';
import LABEL_LIKELIHOOD from '@salesforce/label/c.Workspace_Likelihood';
import LABEL_IMPACT from '@salesforce/label/c.Workspace_Impact';
import LABEL_CELL_LABEL from '@salesforce/label/c.Workspace_CellLabel';
import LABEL_UNPLACED from '@salesforce/label/c.Workspace_Unplaced';
import LABEL_HEAT_MAP from '@salesforce/label/c.Workspace_HeatMap';

export interface CellSelection {
  row: number;
  column: number;
}

const RATING_CLASS: Record<string, string> = {
  Low: 'rating-low',
  Medium: 'rating-medium',
  High: 'rating-high',
  Critical: 'rating-critical'
};

/** The 5x5 likelihood x impact grid of threats; each cell is a toggle button that filters the register. */
export default class CharterRiskHeatMap extends LightningElement {
  @api heatMap: HeatMap | undefined;
  @api selected: CellSelection | null = null;
  labels = {
    heatMap: LABEL_HEAT_MAP,
    likelihood: LABEL_LIKELIHOOD,
    impact: LABEL_IMPACT
  };

  /** Likelihood 1 to 5, left to right: the heading above says Likelihood once, each column only its level. */
  get columns() {
    return [1, 2, 3, 4, 5].map((level) => ({
      key: `likelihood-${level}`,
      assistive: `${LABEL_LIKELIHOOD} `,
      level: formatNumber(level, 0)
    }));
  }

  get rows() {
    const cells = this.heatMap?.cells ?? [];
    return [0, 1, 2, 3, 4].map((row) => {
      const impact = 5 - row;
      return {
        key: `row-${row}`,
        impact,
        impactText: `${LABEL_IMPACT} ${formatNumber(impact, 0)}`,
        cells: [0, 1, 2, 3, 4].map((column) => {
          const likelihood = column + 1;
          const count = cells[row]?.[column]?.length ?? 0;
          const pressed = this.selected?.row === row && this.selected?.column === column;
          const rating = heatMapCell(likelihood, impact)?.rating ?? 'Low';
          return {
            key: `cell-${row}-${column}`,
            row,
            column,
            count,
            pressed: String(pressed),
            label: formatLabel(LABEL_CELL_LABEL, likelihood, impact, count),
            className: `slds-button cell ${RATING_CLASS[rating]}${pressed ? ' pressed' : ''}`
          };
        })
      };
    });
  }

  get unplacedText(): string {
    return formatLabel(LABEL_UNPLACED, this.heatMap?.unplaced ?? 0);
  }

  get hasUnplaced(): boolean {
    return (this.heatMap?.unplaced ?? 0) > 0;
  }

  handleCell(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    const row = Number(target.dataset.row);
    const column = Number(target.dataset.column);
    const same = this.selected?.row === row && this.selected?.column === column;
    this.dispatchEvent(new CustomEvent('cellselect', { detail: same ? null : { row, column } }));
  }
}
