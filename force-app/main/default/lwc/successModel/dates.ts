// Dates arrive as ISO 'YYYY-MM-DD' strings and "today" is always an argument, never the clock.
// A date becomes a UTC day number (days since 1970-01-01) with integer arithmetic only, so the
// velocity loop over a million goals allocates no Date objects.

import type { IsoDate } from './types';

const ZERO = 48;

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** Day number of a civil date (Howard Hinnant's days_from_civil), valid for any Gregorian year. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * UTC day number of 'YYYY-MM-DD' (a longer datetime string is read by its date part), or NaN when the value is
 * blank or not a real calendar date.
 */
export function parseDay(value: IsoDate | null | undefined): number {
  if (typeof value !== 'string' || value.length < 10) return NaN;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayFromCivil(year, month, day);
}

/** Like parseDay, but a missing or malformed "today" is a programming error, not data. */
export function requireDay(value: IsoDate, name = 'today'): number {
  const day = parseDay(value);
  if (Number.isNaN(day)) throw new RangeError(`${name} must be an ISO date 'YYYY-MM-DD', got ${String(value)}`);
  return day;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of dayFromCivil (Hinnant's civil_from_days). */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDay(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier), or null when either date is missing. */
export function daysBetween(from: IsoDate | null | undefined, to: IsoDate | null | undefined): number | null {
  const diff = parseDay(to) - parseDay(from);
  return Number.isNaN(diff) ? null : diff;
}

/** Months since year 0 for a day number: a cheap, sortable month key. */
export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = civilFromDay(dayNumber);
  return year * 12 + month - 1;
}

/** 'YYYY-MM' of a date, or null when it has none. */
export function monthKey(value: IsoDate | null | undefined): string | null {
  const day = parseDay(value);
  return Number.isNaN(day) ? null : formatDay(day).slice(0, 7);
}
