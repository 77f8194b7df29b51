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

/** The range of a date literal such as TODAY, LAST_N_DAYS:30 or NEXT_QUARTER; undefined when unknown. */
export function dateLiteralRange(literal: string, n: number | undefined, now: Date = new Date()): DayRange | undefined {
  const today = utcMidnight(now);
  const weekStart = today - new Date(today).getUTCDay() * DAY;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const quarter = Math.floor(month / 3) * 3;
  const name = literal.toUpperCase().replace(/:.*$/, '').replace('_FISCAL_', '_');
  const count = n ?? 0;
  switch (name) {
    case 'TODAY':
      return range(today, today + DAY);
    case 'YESTERDAY':
      return range(today - DAY, today);
    case 'TOMORROW':
      return range(today + DAY, today + 2 * DAY);
    case 'THIS_WEEK':
      return range(weekStart, weekStart + 7 * DAY);
    case 'LAST_WEEK':
      return range(weekStart - 7 * DAY, weekStart);
    case 'NEXT_WEEK':
      return range(weekStart + 7 * DAY, weekStart + 14 * DAY);
    case 'THIS_MONTH':
      return range(monthStart(year, month), monthStart(year, month + 1));
    case 'LAST_MONTH':
      return range(monthStart(year, month - 1), monthStart(year, month));
    case 'NEXT_MONTH':
      return range(monthStart(year, month + 1), monthStart(year, month + 2));
    case 'THIS_QUARTER':
      return range(monthStart(year, quarter), monthStart(year, quarter + 3));
    case 'LAST_QUARTER':
      return range(monthStart(year, quarter - 3), monthStart(year, quarter));
    case 'NEXT_QUARTER':
      return range(monthStart(year, quarter + 3), monthStart(year, quarter + 6));
    case 'THIS_YEAR':
      return range(monthStart(year, 0), monthStart(year + 1, 0));
    case 'LAST_YEAR':
      return range(monthStart(year - 1, 0), monthStart(year, 0));
    case 'NEXT_YEAR':
      return range(monthStart(year + 1, 0), monthStart(year + 2, 0));
    case 'LAST_90_DAYS':
      return range(today - 90 * DAY, today + DAY);
    case 'NEXT_90_DAYS':
      return range(today + DAY, today + 91 * DAY);
    case 'LAST_N_DAYS':
      return range(today - count * DAY, today + DAY);
    case 'NEXT_N_DAYS':
      return range(today + DAY, today + (count + 1) * DAY);
    case 'N_DAYS_AGO':
      return range(today - count * DAY, today - (count - 1) * DAY);
    case 'LAST_N_WEEKS':
      return range(weekStart - 7 * count * DAY, weekStart);
    case 'NEXT_N_WEEKS':
      return range(weekStart + 7 * DAY, weekStart + 7 * (count + 1) * DAY);
    case 'N_WEEKS_AGO':
      return range(weekStart - 7 * count * DAY, weekStart - 7 * (count - 1) * DAY);
    case 'LAST_N_MONTHS':
      return range(monthStart(year, month - count), monthStart(year, month));
    case 'NEXT_N_MONTHS':
      return range(monthStart(year, month + 1), monthStart(year, month + 1 + count));
    case 'N_MONTHS_AGO':
      return range(monthStart(year, month - count), monthStart(year, month - count + 1));
    case 'LAST_N_QUARTERS':
      return range(monthStart(year, quarter - 3 * count), monthStart(year, quarter));
    case 'NEXT_N_QUARTERS':
      return range(monthStart(year, quarter + 3), monthStart(year, quarter + 3 + 3 * count));
    case 'N_QUARTERS_AGO':
      return range(monthStart(year, quarter - 3 * count), monthStart(year, quarter - 3 * count + 3));
    case 'LAST_N_YEARS':
      return range(monthStart(year - count, 0), monthStart(year, 0));
    case 'NEXT_N_YEARS':
      return range(monthStart(year + 1, 0), monthStart(year + 1 + count, 0));
    case 'N_YEARS_AGO':
      return range(monthStart(year - count, 0), monthStart(year - count + 1, 0));
    default:
      return undefined;
  }
}
