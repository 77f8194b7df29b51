// SOQL date functions (CALENDAR_MONTH(CloseDate) and the like) over date and datetime values, in UTC. Fiscal
// functions follow the calendar year, as the date literals do (the default fiscal year starting in January).
// Weeks: DAY_IN_WEEK is 1 for Sunday; WEEK_IN_YEAR and WEEK_IN_MONTH count 7-day blocks from the 1st, as Salesforce does.

type DateFunction = (date: Date) => number | string;

const DAY = 86_400_000;

const FUNCTIONS: Record<string, DateFunction> = {
  CALENDAR_YEAR: (d) => d.getUTCFullYear(),
  CALENDAR_QUARTER: (d) => Math.floor(d.getUTCMonth() / 3) + 1,
  CALENDAR_MONTH: (d) => d.getUTCMonth() + 1,
  FISCAL_YEAR: (d) => d.getUTCFullYear(),
  FISCAL_QUARTER: (d) => Math.floor(d.getUTCMonth() / 3) + 1,
  FISCAL_MONTH: (d) => d.getUTCMonth() + 1,
  DAY_IN_MONTH: (d) => d.getUTCDate(),
  DAY_IN_WEEK: (d) => d.getUTCDay() + 1,
  DAY_IN_YEAR: (d) => dayInYear(d),
  WEEK_IN_MONTH: (d) => Math.floor((d.getUTCDate() - 1) / 7) + 1,
  WEEK_IN_YEAR: (d) => Math.floor((dayInYear(d) - 1) / 7) + 1,
  HOUR_IN_DAY: (d) => d.getUTCHours(),
  DAY_ONLY: (d) => d.toISOString().slice(0, 10)
};

/** Functions that only take a datetime field. */
const DATETIME_ONLY = new Set(['HOUR_IN_DAY', 'DAY_ONLY']);

function dayInYear(d: Date): number {
  return (
    Math.floor(
      (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY
    ) + 1
  );
}

export function isDateFunction(name: string): boolean {
  return name.toUpperCase() in FUNCTIONS;
}

/** Whether the function accepts a field of this kind ('date' or 'datetime'). */
export function dateFunctionAccepts(name: string, kind: string): boolean {
  if (kind === 'datetime') return true;
  return kind === 'date' && !DATETIME_ONLY.has(name.toUpperCase());
}

/** The function applied to a stored value ('YYYY-MM-DD' or an ISO datetime); null stays null. */
export function applyDateFunction(name: string, value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T00:00:00Z`)
    : Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) return null;
  return FUNCTIONS[name.toUpperCase()](new Date(ms));
}
