import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/charterLabels';
import type { CustomerBook, HealthBandConfig } from 'c/successModel';

const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const format = (value: number | null | undefined): string => (typeof value === 'number' ? NUMBER.format(value) : '');

/** How many accounts the attention list shows. */
const ATTENTION_ROWS = 10;

/** Customers by ideal-customer tier and health band, goal achievement by tier, and who needs attention first. */
export default class CharterCustomers extends LightningElement {
  @api book: CustomerBook | undefined;
  @api bands: HealthBandConfig[] = [];
  labels = LABELS;

  get hasCustomers(): boolean {
    return (this.book?.sampled ?? 0) > 0;
  }

  get sampleText(): string {
    return formatLabel(LABELS.Sample, this.book?.sampled ?? 0, this.book?.total ?? 0);
  }

  /** Column headings in the grid's band order (the book orders its cells; blank band last). */
  get bandColumns() {
    const byKey = new Map(this.bands.map((band) => [band.DeveloperName, band.MasterLabel ?? band.DeveloperName]));
    const first = this.book?.grid[0]?.cells ?? [];
    return first.map((cell) => ({
      key: cell.band ?? 'unknown',
      label: cell.band === null ? LABELS.UnknownHealth : (byKey.get(cell.band) ?? cell.band)
    }));
  }

  get tierRows() {
    const book = this.book as CustomerBook;
    return book.grid.map((row) => ({
      key: row.tier,
      tier: row.tier,
      accounts: row.accounts,
      rate: format(book.byTier[row.tier].achievementRatePercent),
      cells: row.cells.map((cell) => ({ key: `${row.tier}-${cell.band ?? 'unknown'}`, accounts: cell.accounts }))
    }));
  }

  get attention() {
    return (this.book as CustomerBook).rows.slice(0, ATTENTION_ROWS).map((row, index) => ({
      key: row.account.Id ?? String(index),
      name: row.account.Name ?? '',
      stage: row.account.Lifecycle_Stage__c ?? '',
      tier: row.tier ?? LABELS.NotAvailable,
      score: row.health.score,
      band: row.health.band?.label ?? LABELS.UnknownHealth,
      arr: format(row.account.ARR__c)
    }));
  }
}
