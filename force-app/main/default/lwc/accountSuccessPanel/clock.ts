// The one place the panel reads the clock. successModel takes "today" as an argument; tests mock this module.
import type { IsoDate } from 'c/successModel';

const pad = (value: number): string => String(value).padStart(2, '0');

/** The user's local calendar date as 'YYYY-MM-DD' (the browser's time zone). */
export function localToday(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
