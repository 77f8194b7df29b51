import { LightningElement, api } from 'lwc';
import { formatCurrency, formatDate, formatLabel, formatMonth, formatNumber, formatPercent } from 'c/figureFormat';
import type { ProgramFigures, VelocityFigures } from 'c/successModel';
import LABEL_NOT_AVAILABLE from '@salesforce/label/c.Workspace_NotAvailable';
import LABEL_PROGRAM_AS_OF from '@salesforce/label/c.Workspace_ProgramAsOf';
import LABEL_CUSTOMERS_ACHIEVING from '@salesforce/label/c.Workspace_CustomersAchieving';
import LABEL_GOALS_ACHIEVED from '@salesforce/label/c.Workspace_GoalsAchieved';
import LABEL_ACHIEVEMENT_RATE from '@salesforce/label/c.Workspace_AchievementRate';
import LABEL_VALUE_REALIZED from '@salesforce/label/c.Workspace_ValueRealized';
import LABEL_MEDIAN_DAYS from '@salesforce/label/c.Workspace_MedianDays';
import LABEL_P75_DAYS from '@salesforce/label/c.Workspace_P75Days';
import LABEL_CS_REVENUE from '@salesforce/label/c.Workspace_CsRevenue';
import LABEL_BY_STAGE from '@salesforce/label/c.Workspace_ByStage';
import LABEL_STAGE from '@salesforce/label/c.Workspace_Stage';
import LABEL_BY_TIER from '@salesforce/label/c.Workspace_ByTier';
import LABEL_TIER from '@salesforce/label/c.Workspace_Tier';
import LABEL_TREND from '@salesforce/label/c.Workspace_Trend';
import LABEL_MONTH from '@salesforce/label/c.Workspace_Month';
import LABEL_PROGRAM_METRICS from '@salesforce/label/c.Workspace_ProgramMetrics';
import LABEL_NO_PROGRAM from '@salesforce/label/c.Workspace_NoProgram';

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

const NONE = LABEL_NOT_AVAILABLE;
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
  labels = {
    programMetrics: LABEL_PROGRAM_METRICS,
    customersAchieving: LABEL_CUSTOMERS_ACHIEVING,
    goalsAchieved: LABEL_GOALS_ACHIEVED,
    achievementRate: LABEL_ACHIEVEMENT_RATE,
    valueRealized: LABEL_VALUE_REALIZED,
    medianDays: LABEL_MEDIAN_DAYS,
    noProgram: LABEL_NO_PROGRAM
  };

  get hasData(): boolean {
    return Boolean(this.program);
  }

  get period(): string {
    const program = this.program as ProgramFigures;
    return formatLabel(
      LABEL_PROGRAM_AS_OF,
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
        label: LABEL_CUSTOMERS_ACHIEVING,
        value: `${overall.customersAchieving} / ${overall.accounts}`,
        detail: percent(overall.successfulCustomersPercent)
      },
      { key: 'achieved', label: LABEL_GOALS_ACHIEVED, value: String(overall.goalsAchieved), detail: '' },
      { key: 'rate', label: LABEL_ACHIEVEMENT_RATE, value: percent(overall.achievementRatePercent), detail: '' },
      { key: 'value', label: LABEL_VALUE_REALIZED, value: money(overall.valueRealized), detail: '' },
      { key: 'median', label: LABEL_MEDIAN_DAYS, value: days(overall.medianDaysToValue), detail: '' },
      { key: 'p75', label: LABEL_P75_DAYS, value: days(overall.p75DaysToValue), detail: '' },
      { key: 'revenue', label: LABEL_CS_REVENUE, value: money(velocity.csSourcedRevenue), detail: '' }
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
      { key: 'by-stage', caption: LABEL_BY_STAGE, segmentHeader: LABEL_STAGE, rows: this.stageRows },
      { key: 'by-tier', caption: LABEL_BY_TIER, segmentHeader: LABEL_TIER, rows: this.tierRows },
      { key: 'by-month', caption: LABEL_TREND, segmentHeader: LABEL_MONTH, rows: this.monthRows }
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
