// The histories below are written out by hand (docs/metrics.md, "Health over time on the panel"): positions follow
// x = 4 + days in / span x 92 and y = 8 + (100 - score) / 100 x 84.
import HealthTrend from 'c/healthTrend';
import type { HealthBand, HealthHistory, HealthSince, TrendPoint } from 'c/successModel';
import { mountRendered, one, shadow, tableRows } from 'jest-helpers/dom';
import { band } from '../../successModel/__tests__/data/health';

jest.mock(
  '@salesforce/label/c.Health_TrendSummary',
  () => ({
    default: 'Health score over the last {0} snapshots, from {1} on {2} to {3} on {4}'
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Health_TrendSummaryUnscored',
  () => ({ default: 'Stored snapshots: {0}; none has enough data to score' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Health_TrendSummaryOne',
  () => ({ default: 'Health score {0} on {1}, the only snapshot stored' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Health_TrendSince', () => ({ default: 'Since {0}: {1} → {2}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Health_TrendNowScored',
  () => ({ default: 'Not enough data to score on {0}; {2} today' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Health_TrendNoLongerScored',
  () => ({ default: '{1} on {0}; not enough data to score today' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Health_TrendStillUnscored',
  () => ({ default: 'Not enough data to score on {0} or today' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Health_TrendModelChanged', () => ({ default: 'The scoring model changed since then' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Health_TrendMoved', () => ({ default: '{0} {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Health_TrendPoint', () => ({ default: '{0}: {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Health_TrendNoMove', () => ({ default: 'No dimension moved' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.Health_TrendUnreadable',
  () => ({ default: 'The breakdown stored on {0} cannot be read' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Panel_HealthNoScore', () => ({ default: 'Not enough data to score' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_Fact_GoalsOverdue', () => ({ default: '{0} of {1} goals overdue' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Panel_Fact_GoalsOnSchedule',
  () => ({ default: '{0} of {1} goals achieved or on schedule' }),
  { virtual: true }
);

const HEALTHY = band('Healthy', 'success');
const WATCH = band('Watch', 'warning');
const point = (date: string, score: number | null, x: number, y: number | null, b: HealthBand | null): TrendPoint => ({
  date,
  score,
  band: b,
  x,
  y
});

// 15 April 61 (Watch), 15 May not enough data, 15 June 83 (Healthy): 61 days in all, 15 May is 30 days in, so
// x = 4, 4 + 30 / 61 x 92 = 49.2, 96; y: 61 -> 8 + 0.39 x 84 = 40.8, 83 -> 8 + 0.17 x 84 = 22.3.
const SEVERAL = [
  point('2026-04-15', 61, 4, 40.8, WATCH),
  point('2026-05-15', null, 49.2, null, null),
  point('2026-06-15', 83, 96, 22.3, HEALTHY)
];

// Alder Analytics of docs/metrics.md: 83 on 15 June, 81 live after a goal went overdue.
const EXPLAINED: HealthSince = {
  kind: 'explained',
  since: '2026-06-15',
  scoreBefore: 83,
  scoreAfter: 81,
  delta: -2,
  bandBefore: HEALTHY,
  bandAfter: HEALTHY,
  moved: [
    {
      key: 'Goal_Timeliness',
      label: 'Goal Timeliness',
      delta: -6.7,
      pointsBefore: 20,
      pointsAfter: 13.3,
      facts: [
        { code: 'goalsOnSchedule', count: 2, of: 3, text: '2 of 3 goals achieved or on schedule' },
        { code: 'goalsOverdue', count: 1, of: 3, text: '1 of 3 goals overdue' }
      ]
    },
    { key: 'Goal_Attainment', label: 'Goal Attainment', delta: 5, pointsBefore: 25, pointsAfter: 30, facts: [] }
  ],
  breakdownUnreadable: false
};

const history = (
  points: TrendPoint[],
  change: HealthSince | null,
  segments: HealthHistory['trend']['segments'] = []
) => {
  const scored = points.filter((p) => p.score !== null);
  return {
    trend: { points, segments, firstScored: scored[0] ?? null, lastScored: scored[scored.length - 1] ?? null },
    change
  } satisfies HealthHistory;
};

function render(value: HealthHistory | undefined) {
  return mountRendered('c-health-trend', HealthTrend, { healthHistory: value });
}
const text = (element: Element, selector: string) => (one(element, selector)?.textContent ?? '').trim();

describe('c-health-trend', () => {
  it('says there is no history yet, with no chart and no change, when nothing is stored', async () => {
    const element = await render(history([], null));
    expect(one(element, '.no-history')).not.toBeNull();
    expect(one(element, 'svg')).toBeNull();
    expect(one(element, '.since')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('without a history (none passed in) says there is none rather than drawing an empty chart', async () => {
    const element = await render(undefined);
    expect(one(element, '.no-history')).not.toBeNull();
    expect(one(element, 'svg')).toBeNull();
    expect(one(element, '.since')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('charts one snapshot in the middle and says nothing moved when the score is the same', async () => {
    const explainedSame: HealthSince = { ...EXPLAINED, scoreAfter: 83, delta: 0, moved: [] };
    const element = await render(history([point('2026-06-15', 83, 50, 22.3, HEALTHY)], explainedSame));
    const svg = one(element, 'svg') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Health score 83 on Jun 15, 2026, the only snapshot stored');
    const dots = [...shadow(element).querySelectorAll('circle')];
    expect(dots.map((dot) => [dot.getAttribute('cx'), dot.getAttribute('cy'), dot.getAttribute('class')])).toEqual([
      ['50%', '22.3%', 'dot dot_success']
    ]);
    expect(shadow(element).querySelectorAll('line')).toHaveLength(0);
    expect(tableRows(element)).toEqual([['Jun 15, 2026', '83', 'Healthy']]);
    expect(text(element, '.since')).toBe('Since Jun 15, 2026: 83 → 83');
    expect(text(element, '.no-move')).toBe('No dimension moved');
    await expect(element).toBeAccessible();
  });

  it('charts several snapshots, breaks the line at an unscored one, and explains the move with its facts', async () => {
    const element = await render(history(SEVERAL, EXPLAINED, [{ x1: 4, y1: 40.8, x2: 49.2, y2: 40.8 }]));
    expect((one(element, 'svg') as SVGElement).getAttribute('aria-label')).toBe(
      'Health score over the last 3 snapshots, from 61 on Apr 15, 2026 to 83 on Jun 15, 2026'
    );
    // The unscored snapshot has no dot; its row says so, never 0.
    const dots = [...shadow(element).querySelectorAll('circle')];
    expect(dots.map((dot) => [dot.getAttribute('cx'), dot.getAttribute('class')])).toEqual([
      ['4%', 'dot dot_warning'],
      ['96%', 'dot dot_success']
    ]);
    expect(dots.map((dot) => dot.querySelector('title')?.textContent)).toEqual([
      'Apr 15, 2026: 61',
      'Jun 15, 2026: 83'
    ]);
    const line = one(element, 'line') as SVGLineElement;
    expect(['x1', 'y1', 'x2', 'y2'].map((a) => line.getAttribute(a))).toEqual(['4%', '40.8%', '49.2%', '40.8%']);
    expect(tableRows(element)).toEqual([
      ['Apr 15, 2026', '61', 'Watch'],
      ['May 15, 2026', 'Not enough data to score', ''],
      ['Jun 15, 2026', '83', 'Healthy']
    ]);
    expect(text(element, '.since')).toBe('Since Jun 15, 2026: 83 → 81');
    const moved = [...shadow(element).querySelectorAll('.moved li')].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim()
    );
    expect(moved).toEqual([
      'Goal Timeliness -6.7: 2 of 3 goals achieved or on schedule; 1 of 3 goals overdue',
      'Goal Attainment +5'
    ]);
    expect(one(element, '.model-changed')).toBeNull();
    expect(one(element, '.no-move')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says the scoring model changed instead of listing the customer dimensions', async () => {
    const element = await render(history(SEVERAL, { ...EXPLAINED, kind: 'modelChanged', moved: [] }));
    expect(text(element, '.since')).toBe('Since Jun 15, 2026: 83 → 81');
    expect(text(element, '.model-changed')).toBe('The scoring model changed since then');
    expect(one(element, '.moved')).toBeNull();
    expect(one(element, '.no-move')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it.each([
    ['nowScored', null, 71, 'Not enough data to score on Jun 15, 2026; 71 today'],
    ['noLongerScored', 83, null, '83 on Jun 15, 2026; not enough data to score today'],
    ['stillUnscored', null, null, 'Not enough data to score on Jun 15, 2026 or today']
  ] as Array<[HealthSince['kind'], number | null, number | null, string]>)(
    'says when there was not enough data to score (%s), without a difference',
    async (kind, scoreBefore, scoreAfter, expected) => {
      const unscored = [point('2026-06-15', null, 50, null, null)];
      const element = await render(
        history(unscored, { ...EXPLAINED, kind, scoreBefore, scoreAfter, delta: null, moved: [] })
      );
      expect(text(element, '.since')).toBe(expected);
      expect((one(element, 'svg') as SVGElement).getAttribute('aria-label')).toBe(
        'Stored snapshots: 1; none has enough data to score'
      );
      expect(one(element, '.moved, .no-move')).toBeNull();
      await expect(element).toBeAccessible();
    }
  );

  it('says the stored breakdown cannot be read instead of inventing a breakdown (error state)', async () => {
    const element = await render(history(SEVERAL, { ...EXPLAINED, moved: [], breakdownUnreadable: true }));
    expect(text(element, '.since')).toBe('Since Jun 15, 2026: 83 → 81');
    expect(text(element, '.breakdown-unreadable')).toBe('The breakdown stored on Jun 15, 2026 cannot be read');
    expect(one(element, '.moved, .no-move')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
