import { LightningElement, api } from 'lwc';
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
import LABEL_NO_GOALS_DUE from '@salesforce/label/c.Workspace_NoGoalsDue';
import LABEL_HEALTH_AS_OF from '@salesforce/label/c.Workspace_HealthAsOf';
import LABEL_ATTENTION_OF from '@salesforce/label/c.Workspace_AttentionOf';
import LABEL_UNKNOWN_HEALTH from '@salesforce/label/c.Workspace_UnknownHealth';
import LABEL_STAGE from '@salesforce/label/c.Workspace_Stage';
import LABEL_TIER from '@salesforce/label/c.Workspace_Tier';
import LABEL_SENTIMENT_OF from '@salesforce/label/c.Workspace_SentimentOf';
import LABEL_SENTIMENT_RED from '@salesforce/label/c.Workspace_SentimentRed';
import LABEL_SENTIMENT_GREEN from '@salesforce/label/c.Workspace_SentimentGreen';
import LABEL_SENTIMENT_RED_AGAINST_SUCCESS from '@salesforce/label/c.Workspace_SentimentRedAgainstSuccess';
import LABEL_SENTIMENT_GREEN_AGAINST_ERROR from '@salesforce/label/c.Workspace_SentimentGreenAgainstError';
import LABEL_TIER_BAND from '@salesforce/label/c.Workspace_TierBand';
import LABEL_TOTAL from '@salesforce/label/c.Workspace_Total';
import LABEL_ACHIEVEMENT_RATE from '@salesforce/label/c.Workspace_AchievementRate';
import LABEL_ADOPTION_BY_SEGMENT from '@salesforce/label/c.Workspace_AdoptionBySegment';
import LABEL_ADOPTION_NOTE from '@salesforce/label/c.Workspace_AdoptionNote';
import LABEL_SEGMENT from '@salesforce/label/c.Workspace_Segment';
import LABEL_ACCOUNTS from '@salesforce/label/c.Workspace_Accounts';
import LABEL_WITH_USAGE from '@salesforce/label/c.Workspace_WithUsage';
import LABEL_MEAN_UTILISATION from '@salesforce/label/c.Workspace_MeanUtilisation';
import LABEL_MEAN_FEATURE_ADOPTION from '@salesforce/label/c.Workspace_MeanFeatureAdoption';
import LABEL_FALLING from '@salesforce/label/c.Workspace_Falling';
import LABEL_ATTENTION from '@salesforce/label/c.Workspace_Attention';
import LABEL_ACCOUNT from '@salesforce/label/c.Workspace_Account';
import LABEL_HEALTH from '@salesforce/label/c.Workspace_Health';
import LABEL_HEALTH_BAND from '@salesforce/label/c.Workspace_HealthBand';
import LABEL_ARR from '@salesforce/label/c.Workspace_Arr';
import LABEL_NOT_SCORED from '@salesforce/label/c.Workspace_NotScored';
import LABEL_SENTIMENT_DISAGREEMENTS from '@salesforce/label/c.Workspace_SentimentDisagreements';
import LABEL_SENTIMENT from '@salesforce/label/c.Workspace_Sentiment';
import LABEL_SENTIMENT_REASON from '@salesforce/label/c.Workspace_SentimentReason';
import LABEL_SENTIMENT_DATE from '@salesforce/label/c.Workspace_SentimentDate';
import LABEL_SENTIMENT_NONE from '@salesforce/label/c.Workspace_SentimentNone';
import LABEL_NO_CUSTOMERS from '@salesforce/label/c.Workspace_NoCustomers';

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
  return figures.achievementRatePercent === null ? LABEL_NO_GOALS_DUE : formatPercent(figures.achievementRatePercent);
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
  labels = {
    tierBand: LABEL_TIER_BAND,
    tier: LABEL_TIER,
    total: LABEL_TOTAL,
    achievementRate: LABEL_ACHIEVEMENT_RATE,
    adoptionBySegment: LABEL_ADOPTION_BY_SEGMENT,
    adoptionNote: LABEL_ADOPTION_NOTE,
    segment: LABEL_SEGMENT,
    accounts: LABEL_ACCOUNTS,
    withUsage: LABEL_WITH_USAGE,
    meanUtilisation: LABEL_MEAN_UTILISATION,
    meanFeatureAdoption: LABEL_MEAN_FEATURE_ADOPTION,
    falling: LABEL_FALLING,
    attention: LABEL_ATTENTION,
    account: LABEL_ACCOUNT,
    health: LABEL_HEALTH,
    healthBand: LABEL_HEALTH_BAND,
    stage: LABEL_STAGE,
    arr: LABEL_ARR,
    notScored: LABEL_NOT_SCORED,
    sentimentDisagreements: LABEL_SENTIMENT_DISAGREEMENTS,
    sentiment: LABEL_SENTIMENT,
    sentimentReason: LABEL_SENTIMENT_REASON,
    sentimentDate: LABEL_SENTIMENT_DATE,
    sentimentNone: LABEL_SENTIMENT_NONE,
    noCustomers: LABEL_NO_CUSTOMERS
  };

  get hasCustomers(): boolean {
    return (this.book?.total ?? 0) > 0;
  }

  get isScored(): boolean {
    return (this.book?.scored ?? 0) > 0 && Boolean(this.lastScoredAt);
  }

  get asOfText(): string {
    const when = this.lastScoredAt ? formatDate(this.lastScoredAt) : '';
    return formatLabel(LABEL_HEALTH_AS_OF, count(this.book?.total ?? 0), when);
  }

  get attentionCaption(): string {
    const book = this.book as CustomerBook;
    return formatLabel(LABEL_ATTENTION_OF, count(book.attention.length), count(book.scored));
  }

  /** Column headings in the grid's band order (the book orders its cells; blank band last). */
  get bandColumns() {
    const byKey = new Map(this.bands.map((band) => [band.DeveloperName, band.MasterLabel ?? band.DeveloperName]));
    const first = this.book?.grid[0]?.cells ?? [];
    return first.map((cell) => ({
      key: cell.band ?? 'unknown',
      label: cell.band === null ? LABEL_UNKNOWN_HEALTH : (byKey.get(cell.band) ?? cell.band)
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
      { key: 'stage', label: LABEL_STAGE, rows: rows('stage', adoption.byStage) },
      { key: 'tier', label: LABEL_TIER, rows: rows('tier', adoption.byTier) }
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
      band: row.band?.label ?? LABEL_UNKNOWN_HEALTH,
      arr: money(row.account.ARR__c)
    }));
  }

  get hasDisagreements(): boolean {
    return (this.sentiment?.rows.length ?? 0) > 0;
  }

  get disagreementCaption(): string {
    const sentiment = this.sentiment as { rows: SentimentDisagreementRow<AccountRecord>[]; total: number };
    return formatLabel(LABEL_SENTIMENT_OF, formatNumber(sentiment.rows.length, 0), formatNumber(sentiment.total, 0));
  }

  /** Each account with its sentiment, the stored band, why they disagree and the day it was recorded. */
  get disagreements() {
    return (this.sentiment?.rows ?? []).map((row, index) => ({
      key: row.account.Id ?? String(index),
      id: row.account.Id,
      name: row.account.Name ?? '',
      sentiment: row.sentiment === 'Red' ? LABEL_SENTIMENT_RED : LABEL_SENTIMENT_GREEN,
      band: row.band.label,
      reason: formatLabel(
        row.disagreement === 'redAgainstSuccess'
          ? LABEL_SENTIMENT_RED_AGAINST_SUCCESS
          : LABEL_SENTIMENT_GREEN_AGAINST_ERROR,
        row.band.label
      ),
      date: formatDate(row.date),
      arr: money(row.account.ARR__c)
    }));
  }
}
