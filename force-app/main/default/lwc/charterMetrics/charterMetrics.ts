import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import { formatCurrency, formatDate, formatLabel, formatMonth, formatNumber, formatPercent } from 'c/figureFormat';
import type { ProgramFigures, VelocityFigures } from 'c/successModel';

interface Row {
  key: string;
  segment: string;
  customers: number;
  accounts: number;
  achieved: number;
  rate: string;
  value: string;
  median: string;
}

const NONE = LABELS.NotAvailable;
/** Every figure through figureFormat (the user's locale and currency); no figure reads "No data" as a number. */
function orNone(format: (value: number) => string): (value: number | null | undefined) => string {
  return (value) => (typeof value === 'number' ? format(value) : NONE);
}
const days = orNone((value) => formatNumber(value));
const percent = orNone(formatPercent);
const money = orNone(formatCurrency);
const row = (key: string, segment: string, figures: VelocityFigures): Row => ({
  key,
  segment,
  customers: figures.customersAchieving,
  accounts: figures.accounts,
  achieved: figures.goalsAchieved,
  rate: percent(figures.achievementRatePercent),
  value: money(figures.valueRealized),
  median: days(figures.medianDaysToValue)
});

/**
 * Number, scale and speed of customers achieving their goals: overall, by stage, by tier, by month, as of the last
 * scoring run (the program snapshots), said on screen; before the first run it says there are no figures yet.
 */
export default class CharterMetrics extends LightningElement {
  @api program: ProgramFigures | null | undefined;
  labels = LABELS;

  get hasData(): boolean {
    return Boolean(this.program);
  }

  get period(): string {
    const program = this.program as ProgramFigures;
    return formatLabel(
      LABELS.ProgramAsOf,
      formatDate(program.periodStart),
      formatDate(program.periodEnd),
      formatDate(program.asOf)
    );
  }

  get tiles() {
    const velocity = (this.program as ProgramFigures).velocity;
    const overall = velocity.overall;
    return [
      {
        key: 'customers',
        label: LABELS.CustomersAchieving,
        value: `${overall.customersAchieving} / ${overall.accounts}`,
        detail: percent(overall.successfulCustomersPercent)
      },
      { key: 'achieved', label: LABELS.GoalsAchieved, value: String(overall.goalsAchieved), detail: '' },
      { key: 'rate', label: LABELS.AchievementRate, value: percent(overall.achievementRatePercent), detail: '' },
      { key: 'value', label: LABELS.ValueRealized, value: money(overall.valueRealized), detail: '' },
      { key: 'median', label: LABELS.MedianDays, value: days(overall.medianDaysToValue), detail: '' },
      { key: 'p75', label: LABELS.P75Days, value: days(overall.p75DaysToValue), detail: '' },
      { key: 'revenue', label: LABELS.CsRevenue, value: money(velocity.csSourcedRevenue), detail: '' }
    ];
  }

  get stageRows(): Row[] {
    const byStage = (this.program as ProgramFigures).velocity.byStage;
    return Object.entries(byStage).map(([stage, figures]) => row(stage, stage, figures));
  }

  get tierRows(): Row[] {
    return Object.entries((this.program as ProgramFigures).byTier).map(([tier, figures]) => row(tier, tier, figures));
  }

  /** The three segment tables share their columns; only the caption, first header and rows differ. */
  get segmentTables(): Array<{ key: string; className: string; caption: string; segmentHeader: string; rows: Row[] }> {
    return [
      { key: 'by-stage', caption: LABELS.ByStage, segmentHeader: LABELS.Stage, rows: this.stageRows },
      { key: 'by-tier', caption: LABELS.ByTier, segmentHeader: LABELS.Tier, rows: this.tierRows },
      { key: 'by-month', caption: LABELS.Trend, segmentHeader: LABELS.Month, rows: this.monthRows }
    ].map((table) => ({
      ...table,
      className: `slds-table slds-table_bordered slds-table_cell-buffer slds-m-bottom_medium ${table.key}`
    }));
  }

  get monthRows(): Row[] {
    return (this.program as ProgramFigures).trend.map((month) =>
      row(month.month, formatMonth(month.month), month.figures)
    );
  }
}
