// SOQL date literals as half-open UTC day ranges [start, end). Fiscal periods follow the calendar year (the
// default fiscal year starting in January); weeks start on Sunday (en_US).

export interface DayRange {
  start: string;
  end: string;
}

const DAY = 86_400_000;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function utcMidnight(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function monthStart(year: number, month: number): number {
  return Date.UTC(year, month, 1);
}

function range(start: number, end: number): DayRange {
  return { start: day(start), end: day(end) };
}

/** Calendar periods a date literal counts in; weeks start on Sunday, quarters and years on the calendar's. */
type Period = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
const STEP: Record<string, number> = { THIS: 0, LAST: -1, NEXT: 1 };

/** The range of a date literal such as TODAY, LAST_N_DAYS:30 or NEXT_QUARTER; undefined when unknown. */
export function dateLiteralRange(literal: string, n: number | undefined, now: Date = new Date()): DayRange | undefined {
  const today = utcMidnight(now);
  const weekStart = today - new Date(today).getUTCDay() * DAY;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const quarter = Math.floor(month / 3) * 3;
  /** The start of the period `k` periods from the one that holds today (k = 0). */
  const start = (period: Period, k: number): number => {
    if (period === 'DAY') return today + k * DAY;
    if (period === 'WEEK') return weekStart + 7 * k * DAY;
    if (period === 'MONTH') return monthStart(year, month + k);
    if (period === 'QUARTER') return monthStart(year, quarter + 3 * k);
    return monthStart(year + k, 0);
  };
  const name = literal.toUpperCase().replace(/:.*$/, '').replace('_FISCAL_', '_');
  const count = n ?? 0;
  switch (name) {
    case 'TODAY':
      return range(start('DAY', 0), start('DAY', 1));
    case 'YESTERDAY':
      return range(start('DAY', -1), start('DAY', 0));
    case 'TOMORROW':
      return range(start('DAY', 1), start('DAY', 2));
    // The last days run up to and including today; the next ones start tomorrow.
    case 'LAST_90_DAYS':
      return range(start('DAY', -90), start('DAY', 1));
    case 'NEXT_90_DAYS':
      return range(start('DAY', 1), start('DAY', 91));
  }
  // THIS_, LAST_ and NEXT_ a week, month, quarter or year: the period holding today, the one before, the one after.
  const one = /^(THIS|LAST|NEXT)_(WEEK|MONTH|QUARTER|YEAR)$/.exec(name);
  if (one) {
    const k = STEP[one[1]];
    return range(start(one[2] as Period, k), start(one[2] as Period, k + 1));
  }
  // LAST_N_ and NEXT_N_ periods: the n whole periods before the current one (for days, up to and including today),
  // or after it.
  const several = /^(LAST|NEXT)_N_(DAY|WEEK|MONTH|QUARTER|YEAR)S$/.exec(name);
  if (several) {
    const period = several[2] as Period;
    if (several[1] === 'NEXT') return range(start(period, 1), start(period, 1 + count));
    return range(start(period, -count), start(period, period === 'DAY' ? 1 : 0));
  }
  // N_ periods _AGO: the one period n before the current one.
  const ago = /^N_(DAY|WEEK|MONTH|QUARTER|YEAR)S_AGO$/.exec(name);
  if (ago) return range(start(ago[1] as Period, -count), start(ago[1] as Period, 1 - count));
  return undefined;
}
