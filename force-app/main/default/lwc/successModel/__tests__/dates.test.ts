import {
  civilFromDay,
  dayFromCivil,
  daysBetween,
  daysInMonth,
  formatDay,
  isLeapYear,
  monthIndexOfDay,
  monthKey,
  parseDay,
  requireDay
} from 'c/successModel';

describe('dates', () => {
  it('parses ISO dates to UTC day numbers, matching Date.UTC', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 86400000);
    expect(parseDay('1969-12-31')).toBe(-1);
    expect(parseDay('2000-03-01')).toBe(Date.UTC(2000, 2, 1) / 86400000);
  });

  it('reads the date part of a datetime string', () => {
    expect(parseDay('2025-06-30T23:59:59.000Z')).toBe(parseDay('2025-06-30'));
  });

  it('gives NaN for blanks and for strings that are not real calendar dates', () => {
    for (const bad of [
      null,
      undefined,
      '',
      '2025-6-30',
      '2025/06/30',
      '2025-06-3x',
      '2025-13-01',
      '2025-00-10',
      '2025-02-29',
      '2025-04-31',
      'abcd-01-01',
      '2025-01-00'
    ]) {
      expect(parseDay(bad)).toBeNaN();
    }
    expect(parseDay('2024-02-29')).not.toBeNaN();
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2025].map(isLeapYear)).toEqual([false, true, true, false]);
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([
      29, 28, 30, 31
    ]);
  });

  it('round-trips day numbers through civil dates, including before 1970 and in far years', () => {
    for (const iso of ['0001-01-01', '1600-02-29', '1969-07-20', '2024-12-31', '2400-03-01', '9999-12-31']) {
      const day = parseDay(iso);
      expect(formatDay(day)).toBe(iso);
      const { year, month, day: d } = civilFromDay(day);
      expect(dayFromCivil(year, month, d)).toBe(day);
    }
  });

  it('counts whole days between dates, negative backwards, null with a blank', () => {
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
    expect(daysBetween(null, '2025-01-01')).toBeNull();
    expect(daysBetween('2025-01-01', undefined)).toBeNull();
  });

  it('gives month keys and month indexes', () => {
    expect(monthKey('2025-07-04')).toBe('2025-07');
    expect(monthKey(null)).toBeNull();
    expect(monthIndexOfDay(parseDay('2025-01-31')) + 1).toBe(monthIndexOfDay(parseDay('2025-02-01')));
    expect(monthIndexOfDay(parseDay('2025-01-15'))).toBe(2025 * 12);
  });

  it('insists on a real today', () => {
    expect(requireDay('2025-06-30')).toBe(parseDay('2025-06-30'));
    expect(() => requireDay('yesterday')).toThrow("today must be an ISO date 'YYYY-MM-DD', got yesterday");
    expect(() => requireDay('2025-02-30', 'from')).toThrow(/^from must be/);
  });
});
