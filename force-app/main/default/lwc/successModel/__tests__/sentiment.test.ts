// CSM sentiment against the health band, worked by hand from docs/metrics.md ("CSM sentiment"). Today is
// 2026-12-01 throughout. Back from 1 December: 1 November is 30 days, 1 October 61, 1 September 91, so 90 days
// before today is 2 September.
import {
  SENTIMENT_FRESH_DAYS,
  sentimentDisagreementRows,
  sentimentFreshSince,
  sentimentInput,
  sentimentStanding,
  toSentiment,
  type HealthBand
} from 'c/successModel';
import { band } from './data/health';

const TODAY = '2026-12-01';
const HEALTHY = { Variant__c: 'success' as const };
const WATCH = { Variant__c: 'warning' as const };
const AT_RISK = { Variant__c: 'error' as const };
const live = (variant: HealthBand['variant']): HealthBand => band('Band', variant);

describe('sentimentStanding', () => {
  it('flags a fresh Red against the success band, with the comment and its age', () => {
    const standing = sentimentStanding(
      { CSM_Sentiment__c: 'Red', CSM_Sentiment_Comment__c: '  Sponsor left  ', CSM_Sentiment_Date__c: '2026-11-21' },
      HEALTHY,
      TODAY
    );
    expect(standing).toEqual({
      sentiment: 'Red',
      comment: 'Sponsor left',
      date: '2026-11-21',
      ageDays: 10,
      stale: false,
      disagreement: 'redAgainstSuccess'
    });
  });

  it('flags a fresh Green against the error band, read from a live band as well', () => {
    const record = { CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: TODAY };
    expect(sentimentStanding(record, AT_RISK, TODAY).disagreement).toBe('greenAgainstError');
    expect(sentimentStanding(record, live('error'), TODAY).disagreement).toBe('greenAgainstError');
    expect(sentimentStanding(record, live('success'), TODAY).disagreement).toBeNull();
  });

  it('never flags Yellow, nor a sentiment next to the band (Red or Green against Watch)', () => {
    const unflagged = [
      ['Yellow', HEALTHY],
      ['Yellow', WATCH],
      ['Yellow', AT_RISK],
      ['Red', WATCH],
      ['Green', WATCH],
      ['Red', AT_RISK]
    ] as const;
    for (const [sentiment, against] of unflagged) {
      expect(
        sentimentStanding({ CSM_Sentiment__c: sentiment, CSM_Sentiment_Date__c: TODAY }, against, TODAY).disagreement
      ).toBeNull();
    }
  });

  it('counts a sentiment 90 days old and not one 91 days old', () => {
    expect(SENTIMENT_FRESH_DAYS).toBe(90);
    const at90 = sentimentStanding({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2026-09-02' }, HEALTHY, TODAY);
    expect([at90.ageDays, at90.stale, at90.disagreement]).toEqual([90, false, 'redAgainstSuccess']);
    const at91 = sentimentStanding({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2026-09-01' }, HEALTHY, TODAY);
    expect([at91.ageDays, at91.stale, at91.disagreement]).toEqual([91, true, null]);
  });

  it('treats a sentiment without a day as stale, and an unknown band as proving nothing', () => {
    const undated = sentimentStanding({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: 'not a day' }, HEALTHY, TODAY);
    expect(undated).toMatchObject({ sentiment: 'Red', date: null, ageDays: null, stale: true, disagreement: null });
    const unknownBand = sentimentStanding({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY }, null, TODAY);
    expect(unknownBand).toMatchObject({ stale: false, disagreement: null });
    expect(
      sentimentStanding({ CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: TODAY }, {}, TODAY).disagreement
    ).toBeNull();
  });

  it('reads nothing recorded as no sentiment, never stale, never flagged', () => {
    expect(sentimentStanding(undefined, HEALTHY, TODAY)).toEqual({
      sentiment: null,
      comment: null,
      date: null,
      ageDays: null,
      stale: false,
      disagreement: null
    });
    expect(
      sentimentStanding({ CSM_Sentiment__c: 'Purple', CSM_Sentiment_Date__c: TODAY }, HEALTHY, TODAY)
    ).toMatchObject({ sentiment: null, date: TODAY, stale: false, disagreement: null });
  });

  it('rejects a malformed today', () => {
    expect(() => sentimentStanding({}, HEALTHY, '2026-13-01')).toThrow(RangeError);
  });
});

describe('sentimentFreshSince', () => {
  it('is today minus 90 days, across months and a year end', () => {
    expect(sentimentFreshSince(TODAY)).toBe('2026-09-02');
    // Back from 15 January: 15 December is 31 days, 15 November 61, 15 October 92, so 90 days is 17 October.
    expect(sentimentFreshSince('2027-01-15')).toBe('2026-10-17');
  });
});

describe('sentimentInput', () => {
  it('keeps the sentiment, the trimmed comment and the day', () => {
    expect(sentimentInput('Red', '  Champion left ', '2026-12-01')).toEqual({
      sentiment: 'Red',
      comment: 'Champion left',
      date: '2026-12-01'
    });
  });

  it('reads a blank comment as none and cuts a long one at the field length of 1,000', () => {
    expect(sentimentInput('Green', '   ', TODAY).comment).toBeNull();
    expect(sentimentInput('Green', undefined, TODAY).comment).toBeNull();
    expect(sentimentInput('Yellow', 'x'.repeat(1200), TODAY).comment).toHaveLength(1000);
  });

  it('refuses a value that is not Green, Yellow or Red, and a bad day', () => {
    expect(() => sentimentInput('Blue', null, TODAY)).toThrow('"Blue" is not one of Green, Yellow, Red');
    expect(() => sentimentInput('Red', null, '')).toThrow(RangeError);
  });
});

describe('sentimentDisagreementRows', () => {
  const BANDS = [
    { DeveloperName: 'Healthy', MasterLabel: 'Healthy', Minimum_Score__c: 70, Variant__c: 'success' as const },
    { DeveloperName: 'Watch', MasterLabel: 'Watch', Minimum_Score__c: 40, Variant__c: 'warning' as const },
    { DeveloperName: 'At_Risk', Minimum_Score__c: 0, Variant__c: 'error' as const }
  ];

  it('keeps the accounts that disagree by the rule, in order, with the reason and the band as configured', () => {
    const rows = sentimentDisagreementRows(
      [
        { Id: 'a', Health_Band__c: 'Healthy', CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2026-11-30' },
        { Id: 'b', Health_Band__c: 'At_Risk', CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: '2026-10-01' },
        // Next to its band, Yellow, stale (91 days), a band Setup no longer has, no band: none of these disagree.
        { Id: 'c', Health_Band__c: 'Watch', CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY },
        { Id: 'd', Health_Band__c: 'Healthy', CSM_Sentiment__c: 'Yellow', CSM_Sentiment_Date__c: TODAY },
        { Id: 'e', Health_Band__c: 'Healthy', CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2026-09-01' },
        { Id: 'f', Health_Band__c: 'Thriving', CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY },
        { Id: 'g', CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: TODAY }
      ],
      BANDS,
      TODAY
    );
    expect(rows.map((row) => [row.account.Id, row.sentiment, row.band, row.disagreement, row.date])).toEqual([
      ['a', 'Red', { key: 'Healthy', label: 'Healthy' }, 'redAgainstSuccess', '2026-11-30'],
      // No MasterLabel: the developer name stands in.
      ['b', 'Green', { key: 'At_Risk', label: 'At_Risk' }, 'greenAgainstError', '2026-10-01']
    ]);
  });
});

describe('toSentiment', () => {
  it('keeps the three values and nothing else', () => {
    expect(['Green', 'Yellow', 'Red', 'red', null].map(toSentiment)).toEqual(['Green', 'Yellow', 'Red', null, null]);
  });
});
