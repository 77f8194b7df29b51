// Every figure on screen is written here, once: in the user's locale (@salesforce/i18n/locale) and, for money, the
// user's currency (@salesforce/i18n/currency). successModel computes the numbers; components call these to show
// them, so "4,285,000", "$134,000.00" and "2026-07" cannot appear side by side again.
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import LABEL_DAY from '@salesforce/label/c.Format_Day';
import LABEL_DAYS from '@salesforce/label/c.Format_Days';
import LABEL_NOT_AVAILABLE from '@salesforce/label/c.Format_NotAvailable';

type Value = number | null | undefined;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, format);
  }
  return format;
}
function dateFormat(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', ...options });
    cache.set(key, format);
  }
  return format;
}

const isNumber = (value: Value): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Fills {0}, {1}... in a custom label with the values in that order, the way the platform's format helpers do (custom
 * labels carry positional placeholders so translators can move them). A value given as null or undefined reads as
 * blank rather than "undefined"; a placeholder with no value passed at all stays as written, so the gap shows.
 */
export function formatLabel(label: string, ...values: Array<string | number | null | undefined>): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    const position = Number(index);
    if (position >= values.length) return match;
    const value = values[position];
    return value === null || value === undefined ? '' : String(value);
  });
}

/** What a blank figure reads as: never 0. */
export const NOT_AVAILABLE = LABEL_NOT_AVAILABLE;

/** A count or measure, grouped, to at most `digits` decimals (one by default): 4,285,000 or 23.1. */
export function formatNumber(value: Value, digits = 1): string {
  return isNumber(value) ? numberFormat(`n${digits}`, { maximumFractionDigits: digits }).format(value) : NOT_AVAILABLE;
}

/** A change with its sign, to at most `digits` decimals (one by default): +5, -6.7, 0. */
export function formatSignedNumber(value: Value, digits = 1): string {
  return isNumber(value)
    ? numberFormat(`s${digits}`, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value)
    : NOT_AVAILABLE;
}

/** Money in the user's currency, whole units unless there are cents: $134,000 or $1,200.50. */
export function formatCurrency(value: Value): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  const whole = Number.isInteger(value);
  return numberFormat(`c${whole}`, {
    style: 'currency',
    currency: CURRENCY,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2
  }).format(value);
}

/** A 0-100 percentage (successModel's scale) to one decimal: 23.1%. */
export function formatPercent(value: Value): string {
  return isNumber(value)
    ? numberFormat('p', { style: 'unit', unit: 'percent', maximumFractionDigits: 1 }).format(value)
    : NOT_AVAILABLE;
}

/** An ISO date 'YYYY-MM-DD' as the user writes dates: Jan 27, 2027. */
export function formatDate(value: string | null | undefined): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return NOT_AVAILABLE;
  return dateFormat('d', { year: 'numeric', month: 'short', day: 'numeric' }).format(
    new Date(`${value.slice(0, 10)}T00:00:00Z`)
  );
}

/** A month key 'YYYY-MM' as a month name: July 2026. */
export function formatMonth(value: string | null | undefined): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}$/.test(value)) return NOT_AVAILABLE;
  return dateFormat('m', { year: 'numeric', month: 'long' }).format(new Date(`${value}-01T00:00:00Z`));
}

/** A number of days with its unit: 1 day, 36 days, 62.5 days. */
export function formatDays(value: Value): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  return formatLabel(value === 1 ? LABEL_DAY : LABEL_DAYS, formatNumber(value));
}

let pluralRules: Intl.PluralRules | undefined;

/**
 * A goal's unit as it reads after a value shown to two decimals. Units are written in the plural ("clinics",
 * "users/week", "hours/month"); where the user's language says the value takes the singular (English: exactly 1),
 * an English plural word drops its ending: 1 clinic, 1 user/week, 1 delivery. Units in other languages, and words
 * that are not a plain English plural ("kWh", "pass"), are shown as written.
 */
function unitFor(value: number, unit: string): string {
  pluralRules ??= new Intl.PluralRules(LOCALE, { maximumFractionDigits: 2 });
  if (pluralRules.select(value) !== 'one' || !/^en\b/i.test(LOCALE)) return unit;
  return unit.replace(/^([A-Za-z]*?[a-z])(ies|s)(?=$|[^A-Za-z])/, (word, stem: string, ending: string) => {
    if (ending === 'ies') return `${stem}y`;
    return /(ss|us|is)$/.test(word) ? word : stem;
  });
}

/** A measured value in its unit: "%" reads as a percentage, a currency code as money, anything else follows it. */
export function formatMeasure(value: Value, unit: string | null | undefined): string {
  if (!isNumber(value)) return NOT_AVAILABLE;
  const trimmed = (unit ?? '').trim();
  if (trimmed === '%') return formatPercent(value);
  if (trimmed === CURRENCY || trimmed === '$') return formatCurrency(value);
  if (/^days?$/i.test(trimmed)) return formatDays(value);
  return trimmed === '' ? formatNumber(value, 2) : `${formatNumber(value, 2)} ${unitFor(value, trimmed)}`;
}
