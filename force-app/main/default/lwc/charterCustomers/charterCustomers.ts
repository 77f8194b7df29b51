import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import { formatCurrency, formatDate, formatLabel, formatNumber, formatPercent } from 'c/figureFormat';
import type {
  AccountRecord,
  AdoptionSegment,
  CustomerBook,
  HealthBandConfig,
  ProgramAdoption,
  SentimentDisagreementRow,
  VelocityFigures,
  VelocityTier
} from 'c/successModel';

function blankOr(formatter: (value: number) => string): (value: number | null | undefined) => string {
  return (value) => (typeof value === 'number' ? formatter(value) : '');
}
const money = blankOr(formatCurrency);
const score = blankOr(formatNumber);
const count = (value: number): string => formatNumber(value, 0);

/**
 * A tier's goal achievement rate as of the last run. Without a run it is not available; with one, a tier with no goal
 * achieved, missed or overdue in the period (no account in it, or none with a goal due) has no rate, and says so.
 */
function achievementRate(figures: VelocityFigures | undefined): string {
  if (!figures) return formatPercent(undefined);
  return figures.achievementRatePercent === null ? LABELS.NoGoalsDue : formatPercent(figures.achievementRatePercent);
}

/**
 * Every customer by ideal-customer tier and health band, goal achievement by tier, and who needs attention first,
 * from the health the scoring run stored on each account: as of that run, and said so.
 */
export default class CharterCustomers extends LightningElement {
  @api book: CustomerBook | undefined;
  @api bands: HealthBandConfig[] = [];
  /** Goal velocity by tier as of the last run (program snapshots); rates are blank without one. */
  @api byTier: Record<VelocityTier, VelocityFigures> | undefined;
  /** Adoption by lifecycle stage and fit tier as of the last run (program snapshots); no table without a run. */
  @api adoption: ProgramAdoption | undefined;
  /** When the most recently scored account was scored. */
  @api lastScoredAt: string | null | undefined;
  /** Accounts whose sentiment disagrees with their stored band: the first listed, and how many in all. */
  @api sentiment: { rows: SentimentDisagreementRow<AccountRecord>[]; total: number } | undefined;
  labels = LABELS;

  get hasCustomers(): boolean {
    return (this.book?.total ?? 0) > 0;
  }

  get isScored(): boolean {
    return (this.book?.scored ?? 0) > 0 && Boolean(this.lastScoredAt);
  }

  get asOfText(): string {
    const when = this.lastScoredAt ? formatDate(this.lastScoredAt) : '';
    return formatLabel(LABELS.HealthAsOf, count(this.book?.total ?? 0), when);
  }

  get attentionCaption(): string {
    const book = this.book as CustomerBook;
    return formatLabel(LABELS.AttentionOf, count(book.attention.length), count(book.scored));
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
      accounts: count(row.accounts),
      rate: achievementRate(this.byTier?.[row.tier]),
      cells: row.cells.map((cell) => ({
        key: `${row.tier}-${cell.band ?? 'unknown'}`,
        accounts: count(cell.accounts)
      }))
    }));
  }

  get hasAdoption(): boolean {
    return Boolean(this.adoption);
  }

  /** Stages, then tiers, each a row group; an unknown mean reads as not available, never 0. */
  get adoptionGroups() {
    const adoption = this.adoption as ProgramAdoption;
    const rows = (kind: string, segments: AdoptionSegment[]) =>
      segments.map((s) => ({
        key: `${kind}-${s.segment}`,
        segment: s.segment,
        accounts: formatNumber(s.accounts, 0),
        withUsage: formatNumber(s.withUsage, 0),
        utilisation: formatPercent(s.utilisation),
        featureAdoption: formatPercent(s.featureAdoption),
        falling: formatNumber(s.falling, 0)
      }));
    return [
      { key: 'stage', label: LABELS.Stage, rows: rows('stage', adoption.byStage) },
      { key: 'tier', label: LABELS.Tier, rows: rows('tier', adoption.byTier) }
    ];
  }

  get attention() {
    return (this.book as CustomerBook).attention.map((row, index) => ({
      key: row.account.Id ?? String(index),
      id: row.account.Id,
      name: row.account.Name ?? '',
      stage: row.account.Lifecycle_Stage__c ?? '',
      // The tier as the tier table above names it: Unknown there is Unknown here.
      tier: row.tier,
      score: score(row.score),
      band: row.band?.label ?? LABELS.UnknownHealth,
      arr: money(row.account.ARR__c)
    }));
  }

  get hasDisagreements(): boolean {
    return (this.sentiment?.rows.length ?? 0) > 0;
  }

  get disagreementCaption(): string {
    const sentiment = this.sentiment as { rows: SentimentDisagreementRow<AccountRecord>[]; total: number };
    return formatLabel(LABELS.SentimentOf, formatNumber(sentiment.rows.length, 0), formatNumber(sentiment.total, 0));
  }

  /** Each account with its sentiment, the stored band, why they disagree and the day it was recorded. */
  get disagreements() {
    return (this.sentiment?.rows ?? []).map((row, index) => ({
      key: row.account.Id ?? String(index),
      id: row.account.Id,
      name: row.account.Name ?? '',
      sentiment: row.sentiment === 'Red' ? LABELS.SentimentRed : LABELS.SentimentGreen,
      band: row.band.label,
      reason: formatLabel(
        row.disagreement === 'redAgainstSuccess'
          ? LABELS.SentimentRedAgainstSuccess
          : LABELS.SentimentGreenAgainstError,
        row.band.label
      ),
      date: formatDate(row.date),
      arr: money(row.account.ARR__c)
    }));
  }
}
