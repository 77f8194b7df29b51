// Relative dates keep demo data fresh: "-90d", "+2w", "+3m", "-1y" or "today" resolve against the day of the run.
// The run's day is recorded in the journal so a --resume resolves the same dates the first run sent.

const RELATIVE = /^(?:today|([+-])(\d{1,5})([dwmy]))$/;

/** The dates a Salesforce Date or Date/Time field stores. */
export const DATE_MIN = '1700-01-01';
export const DATE_MAX = '4000-12-31';

/** Whether a YYYY-MM-DD day is one the platform stores (ISO strings of one format compare in date order). */
export function dateInRange(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= DATE_MIN && day <= DATE_MAX;
}

export function isRelativeDate(value: unknown): value is string {
  return typeof value === 'string' && RELATIVE.test(value.trim());
}

/** Today's date in UTC as YYYY-MM-DD: the platform stores Date fields without a zone. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Resolves a relative date against `today` (YYYY-MM-DD); absolute YYYY-MM-DD passes through. Anything else, and any
 * day outside DATE_MIN..DATE_MAX, is undefined.
 */
export function resolveDate(value: string, today: string): string | undefined {
  const day = resolveDay(value, today);
  return day !== undefined && dateInRange(day) ? day : undefined;
}

function resolveDay(value: string, today: string): string | undefined {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const parsed = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) || isoDay(parsed) !== text ? undefined : text;
  }
  const match = RELATIVE.exec(text);
  if (!match) return undefined;
  const base = new Date(`${today}T00:00:00Z`);
  if (!match[1]) return isoDay(base);
  const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
  switch (match[3]) {
    case 'd':
      base.setUTCDate(base.getUTCDate() + amount);
      break;
    case 'w':
      base.setUTCDate(base.getUTCDate() + amount * 7);
      break;
    case 'm':
      return addMonths(base, amount);
    case 'y':
      return addMonths(base, amount * 12);
  }
  return isoDay(base);
}

/** Month arithmetic clamps to the month's last day (Jan 31 + 1m = Feb 28), as people expect. */
function addMonths(base: Date, months: number): string {
  const day = base.getUTCDate();
  const target = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return isoDay(target);
}
