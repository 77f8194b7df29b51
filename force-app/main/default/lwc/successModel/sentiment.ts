// CSM sentiment: the account manager's own judgement of the customer (Green, Yellow, Red, a comment, a day), set
// beside the computed health band. Where the two point opposite ways, each may have caught what the other missed,
// so the panel and the workspace flag it. The rule lives here once (docs/metrics.md, "CSM sentiment"); the
// workspace's Apex filter is the same rule over stored fields and names this file.

import { formatDay, parseDay, requireDay } from './dates';
import type { HealthBandConfig, IsoDate } from './types';

export const SENTIMENTS = ['Green', 'Yellow', 'Red'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** A sentiment recorded more than this many days ago is stale: it no longer counts against the band. */
export const SENTIMENT_FRESH_DAYS = 90;

/** The Account fields that hold the sentiment. */
export interface SentimentRecord {
  CSM_Sentiment__c?: string | null;
  CSM_Sentiment_Comment__c?: string | null;
  CSM_Sentiment_Date__c?: IsoDate | null;
}

/** The band the sentiment is set against: only its variant matters (success is the best band, error the worst). */
export type BandLike = Pick<HealthBandConfig, 'Variant__c'> | { variant: HealthBandConfig['Variant__c'] };

/** Red while the band is the success band; Green while the band is the error band. */
export type SentimentDisagreement = 'redAgainstSuccess' | 'greenAgainstError';

export interface SentimentStanding {
  /** Null when none is recorded (or the value is not Green, Yellow or Red). */
  sentiment: Sentiment | null;
  comment: string | null;
  date: IsoDate | null;
  /** Days from the recorded day to today; null without a (valid) day. */
  ageDays: number | null;
  /** Recorded, but without a day or more than SENTIMENT_FRESH_DAYS ago: shown, never flagged. */
  stale: boolean;
  /** Set when a fresh sentiment points the opposite way to a known band. */
  disagreement: SentimentDisagreement | null;
}

export function toSentiment(value: unknown): Sentiment | null {
  return (SENTIMENTS as readonly unknown[]).includes(value) ? (value as Sentiment) : null;
}

function variantOf(band: BandLike | null | undefined): HealthBandConfig['Variant__c'] {
  if (!band) return null;
  return 'variant' in band ? band.variant : (band.Variant__c ?? null);
}

/**
 * Where the account manager's sentiment stands against the health band on `today`. Disagreement: a fresh Red
 * against the success band, or a fresh Green against the error band. Yellow never disagrees (it says "watch",
 * which no band contradicts), a band next to the sentiment (Red against Watch) is not a contradiction, and an
 * unknown band or a stale sentiment proves nothing either way.
 */
export function sentimentStanding(
  record: SentimentRecord | null | undefined,
  band: BandLike | null | undefined,
  today: IsoDate
): SentimentStanding {
  const todayDay = requireDay(today);
  const sentiment = toSentiment(record?.CSM_Sentiment__c);
  const day = parseDay(record?.CSM_Sentiment_Date__c);
  const ageDays = Number.isNaN(day) ? null : todayDay - day;
  const stale = sentiment !== null && (ageDays === null || ageDays > SENTIMENT_FRESH_DAYS);
  const comment = (record?.CSM_Sentiment_Comment__c ?? '').trim();
  const variant = variantOf(band);
  let disagreement: SentimentDisagreement | null = null;
  if (sentiment !== null && !stale) {
    if (sentiment === 'Red' && variant === 'success') disagreement = 'redAgainstSuccess';
    if (sentiment === 'Green' && variant === 'error') disagreement = 'greenAgainstError';
  }
  return {
    sentiment,
    comment: comment === '' ? null : comment,
    date: ageDays === null ? null : (record?.CSM_Sentiment_Date__c as IsoDate).slice(0, 10),
    ageDays,
    stale,
    disagreement
  };
}

/** The first day a sentiment still counts on `today` (today minus SENTIMENT_FRESH_DAYS): the workspace's filter. */
export function sentimentFreshSince(today: IsoDate): IsoDate {
  return formatDay(requireDay(today) - SENTIMENT_FRESH_DAYS);
}

/** A new sentiment as it is saved: the value checked, the comment trimmed (blank is none) and cut to 1,000. */
export interface SentimentInput {
  sentiment: Sentiment;
  comment: string | null;
  date: IsoDate;
}

export function sentimentInput(sentiment: string, comment: string | null | undefined, date: IsoDate): SentimentInput {
  requireDay(date, 'date');
  const value = toSentiment(sentiment);
  if (value === null) throw new RangeError(`"${sentiment}" is not one of ${SENTIMENTS.join(', ')}`);
  const text = (comment ?? '').trim();
  return { sentiment: value, comment: text === '' ? null : text.slice(0, 1000), date };
}

/** An account of the workspace's list: its sentiment set against the band the scoring run stored. */
export interface SentimentDisagreementRow<A extends StoredSentiment = StoredSentiment> {
  account: A;
  sentiment: Sentiment;
  band: { key: string; label: string };
  disagreement: SentimentDisagreement;
  date: IsoDate;
}

type StoredSentiment = SentimentRecord & { Id?: string; Health_Band__c?: string | null };

/**
 * The accounts whose fresh sentiment disagrees with their stored band on `today`, each with the reason, in the order
 * given (the workspace's query selects exactly these by the same rule). A stored band the configuration no longer
 * has is unknown health, and an account that does not disagree by this rule is left out.
 */
export function sentimentDisagreementRows<A extends StoredSentiment>(
  accounts: readonly A[],
  bands: readonly HealthBandConfig[],
  today: IsoDate
): SentimentDisagreementRow<A>[] {
  const byKey = new Map(bands.map((band) => [band.DeveloperName, band]));
  const rows: SentimentDisagreementRow<A>[] = [];
  for (const account of accounts) {
    const band = byKey.get(account.Health_Band__c ?? '');
    const standing = sentimentStanding(account, band, today);
    if (!band || !standing.disagreement) continue;
    rows.push({
      account,
      sentiment: standing.sentiment as Sentiment,
      band: { key: band.DeveloperName, label: band.MasterLabel ?? band.DeveloperName },
      disagreement: standing.disagreement,
      date: standing.date as IsoDate
    });
  }
  return rows;
}
