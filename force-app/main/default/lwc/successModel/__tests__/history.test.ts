// Figures worked out by hand from docs/metrics.md ("Health over time on the panel"); the stored snapshots are
// written out below as the scoring run stores them, never produced by the model.
import {
  TREND_SNAPSHOTS,
  healthHistory,
  healthModelFingerprint,
  healthScore,
  type HealthSnapshotRecord
} from 'c/successModel';
import { HEALTH_CONFIG } from './data/config';
import { healthExample } from './data/health';

const TODAY = '2025-06-30';
const config = HEALTH_CONFIG;
const MODEL = healthModelFingerprint(config);

// Scored live today: docs/metrics.md's health example, 61 (Watch).
const live = () => healthScore(healthExample(), config, TODAY);
const unscored = () => healthScore({ account: {}, goals: [], risks: [] }, config, TODAY);

const f = (code: string, text: string, rest: Record<string, unknown> = {}) => ({ code, text, ...rest });
const dimension = (key: string, label: string, score: number | null, points: number, facts: object[]) => ({
  key,
  label,
  score,
  evidence: score !== null,
  weight: 0,
  share: 0,
  points,
  facts
});

// On 30 May: 4 of 5 goals on schedule (80, 16 points), no open risk (100, 20 points), 70 of 100 seats (70, 14
// points), attainment and fit as today: 17 + 16 + 20 + 14 + 8 = 75, Healthy.
const MAY_DIMENSIONS = [
  dimension('Goal_Attainment', 'Goal Attainment', 56.7, 17, [
    f('goalsAttainment', 'Average progress 56.7% across 3 goals'),
    f('goalsLate', '2 goals are overdue or missed: Goal Timeliness counts them')
  ]),
  dimension('Goal_Timeliness', 'Goal Timeliness', 80, 16, [
    f('goalsOnSchedule', '4 of 5 goals achieved or on schedule'),
    f('goalsOverdue', '1 of 5 goals overdue')
  ]),
  dimension('Risk_Exposure', 'Risk Exposure', 100, 20, [f('noOpenRisks', 'No open risks')]),
  dimension('Product_Adoption', 'Product Adoption', 70, 14, [f('seatsActive', '70 of 100 seats active')]),
  dimension('Ideal_Customer_Fit', 'Ideal Customer Fit', 80, 8, [f('fitScore', 'Ideal fit 80%: 4 of 5 criteria met')])
];

const snapshot = (date: string, score: number | null, rest: HealthSnapshotRecord = {}): HealthSnapshotRecord => ({
  Snapshot_Date__c: date,
  Health_Score__c: score,
  Health_Band__c: score === null ? null : score >= 70 ? 'Healthy' : score >= 40 ? 'Watch' : 'At_Risk',
  Health_Model__c: MODEL,
  Dimensions__c: JSON.stringify(MAY_DIMENSIONS),
  ...rest
});

describe('healthHistory: the trend', () => {
  it('charts the snapshots oldest to newest, placed by date, and breaks the line at an unscored one', () => {
    // Given newest first, as the controller returns them. 1 March to 30 May is 90 days: 31 March is 30 days in,
    // x = 4 + 30 / 90 x 92 = 34.7; 30 April 60 days in, 4 + 60 / 90 x 92 = 65.3. y = 8 + (100 - score) / 100 x 84:
    // 50 -> 50, 80 -> 24.8, 75 -> 29.
    const { trend } = healthHistory(
      [
        snapshot('2025-05-30', 75),
        snapshot('2025-04-30', null),
        snapshot('2025-03-31', 80),
        snapshot('2025-03-01', 50)
      ],
      live(),
      config
    );
    expect(trend.points.map((p) => [p.date, p.score, p.band?.label ?? null, p.x, p.y])).toEqual([
      ['2025-03-01', 50, 'Watch', 4, 50],
      ['2025-03-31', 80, 'Healthy', 34.7, 24.8],
      ['2025-04-30', null, null, 65.3, null],
      ['2025-05-30', 75, 'Healthy', 96, 29]
    ]);
    expect(trend.points[3].band).toEqual({
      key: 'Healthy',
      label: 'Healthy',
      minimum: 70,
      variant: 'success',
      meaning: 'On course'
    });
    // Only 1 March to 31 March joins two scored points.
    expect(trend.segments).toEqual([{ x1: 4, y1: 50, x2: 34.7, y2: 24.8 }]);
    expect([trend.firstScored?.date, trend.lastScored?.date]).toEqual(['2025-03-01', '2025-05-30']);
  });

  it(`keeps the latest ${TREND_SNAPSHOTS} dated snapshots and puts a single one in the middle`, () => {
    const days = Array.from({ length: 14 }, (_, i) => `2025-05-${String(i + 1).padStart(2, '0')}`);
    const many = healthHistory(
      [...days.map((day) => snapshot(day, 60)), snapshot('', 10), { Health_Score__c: 20 }],
      live(),
      config
    );
    expect(many.trend.points.map((p) => p.date)).toEqual(days.slice(2));
    expect(many.change?.since).toBe('2025-05-14');
    const one = healthHistory([snapshot('2025-05-30', 75)], live(), config);
    expect(one.trend.points.map((p) => [p.x, p.y])).toEqual([[50, 29]]);
    expect(one.trend.segments).toEqual([]);
  });

  it('has no points, no scored point and no change without snapshots: unknown, not 0', () => {
    expect(healthHistory([], live(), config)).toEqual({
      trend: { points: [], segments: [], firstScored: null, lastScored: null },
      change: null
    });
    const none = healthHistory([snapshot('2025-05-01', null), snapshot('2025-05-30', null)], unscored(), config);
    expect([none.trend.firstScored, none.trend.lastScored, none.trend.segments]).toEqual([null, null, []]);
  });

  it('names a band the configuration no longer has by its developer name, and has none when none was stored', () => {
    const { trend } = healthHistory(
      [
        snapshot('2025-05-29', 75, { Health_Band__c: null }),
        snapshot('2025-05-30', 75, { Health_Band__c: 'Very_Good' })
      ],
      live(),
      config
    );
    expect(trend.points[0].band).toBeNull();
    expect(trend.points[1].band).toEqual({
      key: 'Very_Good',
      label: 'Very Good',
      minimum: 0,
      variant: null,
      meaning: null
    });
  });
});

describe('healthHistory: what changed since the latest snapshot', () => {
  it('says 75 -> 61 since 30 May and which dimensions moved it, biggest first, with the facts behind each', () => {
    const { change } = healthHistory([snapshot('2025-04-30', 70), snapshot('2025-05-30', 75)], live(), config);
    expect(change).toMatchObject({
      kind: 'explained',
      since: '2025-05-30',
      scoreBefore: 75,
      scoreAfter: 61,
      delta: -14,
      breakdownUnreadable: false
    });
    expect([change?.bandBefore?.label, change?.bandAfter?.label]).toEqual(['Healthy', 'Watch']);
    // Risk 20 -> 12 (-8), timeliness 16 -> 12 (-4), adoption 14 -> 12 (-2); attainment and fit did not move.
    expect(change?.moved.map((m) => [m.key, m.label, m.delta, m.pointsBefore, m.pointsAfter])).toEqual([
      ['Risk_Exposure', 'Risk Exposure', -8, 20, 12],
      ['Goal_Timeliness', 'Goal Timeliness', -4, 16, 12],
      ['Product_Adoption', 'Product Adoption', -2, 14, 12]
    ]);
    // The facts today that 30 May did not have: "1 of 5 goals overdue" was already there.
    expect(change?.moved.map((m) => m.facts.map((fact) => fact.text))).toEqual([
      ['1 open risk, combined exposure 40%', '1 risk is rated High or Critical'],
      ['3 of 5 goals achieved or on schedule', '1 of 5 goals missed'],
      ['60 of 100 seats active']
    ]);
  });

  it('shows a dimension whose share moved with its facts today, and one the breakdown no longer has', () => {
    // Attainment had 15 points on the same facts it has today (the weights were shared differently that day);
    // a dimension of 5 points is in the stored breakdown only; its label and facts were not stored; fit (8 points
    // today) is missing from it.
    const stored = MAY_DIMENSIONS.filter((d) => d.key !== 'Ideal_Customer_Fit').map((d) => ({
      ...d,
      points: d.key === 'Goal_Attainment' ? 15 : d.points
    }));
    const { change } = healthHistory(
      [snapshot('2025-05-30', 75, { Dimensions__c: JSON.stringify([...stored, { key: 'Old_Signal', points: 5 }]) })],
      live(),
      config
    );
    const attainment = change?.moved.find((m) => m.key === 'Goal_Attainment');
    expect([attainment?.delta, attainment?.facts.map((fact) => fact.text)]).toEqual([
      2,
      ['Average progress 56.7% across 3 goals', '2 goals are overdue or missed: Goal Timeliness counts them']
    ]);
    const fit = change?.moved.find((m) => m.key === 'Ideal_Customer_Fit');
    expect([fit?.delta, fit?.facts.map((fact) => fact.text)]).toEqual([8, ['Ideal fit 80%: 4 of 5 criteria met']]);
    expect(change?.moved.find((m) => m.key === 'Old_Signal')).toEqual({
      key: 'Old_Signal',
      label: 'Old_Signal',
      delta: -5,
      pointsBefore: 5,
      pointsAfter: 0,
      facts: []
    });
  });

  it('says the scoring model changed instead of blaming the customer, also when the snapshot has no model', () => {
    for (const model of ['m1-0123456789abcdef', null]) {
      const { change } = healthHistory([snapshot('2025-05-30', 75, { Health_Model__c: model })], live(), config);
      expect(change).toMatchObject({ kind: 'modelChanged', scoreBefore: 75, scoreAfter: 61, delta: -14, moved: [] });
      expect(change?.breakdownUnreadable).toBe(false);
    }
  });

  it('handles "not enough data to score" on either side explicitly, with no difference and no attribution', () => {
    const kinds = [
      healthHistory([snapshot('2025-05-30', null)], live(), config).change,
      healthHistory([snapshot('2025-05-30', 75)], unscored(), config).change,
      healthHistory([snapshot('2025-05-30', null)], unscored(), config).change
    ].map((change) => [change?.kind, change?.scoreBefore, change?.scoreAfter, change?.delta, change?.moved]);
    expect(kinds).toEqual([
      ['nowScored', null, 61, null, []],
      ['noLongerScored', 75, null, null, []],
      ['stillUnscored', null, null, null, []]
    ]);
  });

  it('does not itemise the move when the stored breakdown cannot be read', () => {
    for (const json of ['not json', '{"key":"Goal_Attainment"}', '[{"key":"Goal_Attainment"}]', '[null]', null]) {
      const { change } = healthHistory([snapshot('2025-05-30', 75, { Dimensions__c: json })], live(), config);
      expect(change).toMatchObject({ kind: 'explained', delta: -14, moved: [], breakdownUnreadable: true });
    }
  });
});
