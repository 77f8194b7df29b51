import {
  NOT_AVAILABLE,
  formatCurrency,
  formatDate,
  formatDays,
  formatLabel,
  formatMeasure,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSignedNumber
} from 'c/figureFormat';

jest.mock('@salesforce/label/c.Format_Day', () => ({ default: '{0} day' }), { virtual: true });
jest.mock('@salesforce/label/c.Format_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Format_NotAvailable', () => ({ default: 'Not available' }), { virtual: true });

// sfdx-lwc-jest's @salesforce/i18n defaults: locale en-US, currency USD.
describe('figureFormat', () => {
  it('fills positional placeholders in a label, in any order and more than once', () => {
    expect(formatLabel('Likelihood {0}, impact {1}: {2} risks', 4, 5, 1)).toBe('Likelihood 4, impact 5: 1 risks');
    expect(formatLabel('{1} of {0}; {1} again', 'ten', 'two')).toBe('two of ten; two again');
    expect(formatLabel('No placeholders')).toBe('No placeholders');
  });

  it('blanks a value given as null or undefined, and leaves a placeholder with no value passed in place', () => {
    expect(formatLabel('{0} fit {1}%', null, undefined)).toBe(' fit %');
    expect(formatLabel('Based on {0} of {1}', 200)).toBe('Based on 200 of {1}');
    expect(formatLabel('{0} risks', 0)).toBe('0 risks');
  });

  it('writes numbers grouped, to one decimal unless asked', () => {
    expect(formatNumber(4285000)).toBe('4,285,000');
    expect(formatNumber(23.14)).toBe('23.1');
    expect(formatNumber(2.345, 2)).toBe('2.35');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes a change with its sign, zero without one', () => {
    expect(formatSignedNumber(5)).toBe('+5');
    expect(formatSignedNumber(-6.67)).toBe('-6.7');
    expect(formatSignedNumber(0)).toBe('0');
    expect(formatSignedNumber(-1234.5, 0)).toBe('-1,235');
    expect(formatSignedNumber(null)).toBe('Not available');
  });

  it('writes money in the user currency, cents only when there are some', () => {
    expect(formatCurrency(134000)).toBe('$134,000');
    expect(formatCurrency(1200.5)).toBe('$1,200.50');
    expect(formatCurrency(0)).toBe('$0');
  });

  it("writes successModel's 0-100 percentages with the sign", () => {
    expect(formatPercent(23.1)).toBe('23.1%');
    expect(formatPercent(50)).toBe('50%');
    expect(formatPercent(100)).toBe('100%');
  });

  it('writes dates and months as words, in UTC so a date never moves a day', () => {
    expect(formatDate('2027-01-27')).toBe('Jan 27, 2027');
    expect(formatDate('2027-01-01T23:59:00Z')).toBe('Jan 1, 2027');
    expect(formatMonth('2026-07')).toBe('July 2026');
  });

  it('writes day counts with their unit', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(36)).toBe('36 days');
    expect(formatDays(62.5)).toBe('62.5 days');
  });

  it('writes a measure in its unit', () => {
    expect(formatMeasure(69.7, '%')).toBe('69.7%');
    expect(formatMeasure(250000, 'USD')).toBe('$250,000');
    expect(formatMeasure(62, 'days')).toBe('62 days');
    expect(formatMeasure(160, 'hours/month')).toBe('160 hours/month');
    expect(formatMeasure(2.5, null)).toBe('2.5');
  });

  it('writes one of a unit in the singular and any other number in the plural (en-US)', () => {
    expect(formatMeasure(1, 'clinics')).toBe('1 clinic');
    expect(formatMeasure(0, 'clinics')).toBe('0 clinics');
    expect(formatMeasure(2, 'clinics')).toBe('2 clinics');
    expect(formatMeasure(1.5, 'clinics')).toBe('1.5 clinics');
    // shown as 1, so read as one
    expect(formatMeasure(1.001, 'clinics')).toBe('1 clinic');
    expect(formatMeasure(1, 'hours/month')).toBe('1 hour/month');
    expect(formatMeasure(1, 'users per week')).toBe('1 user per week');
    expect(formatMeasure(1, 'deliveries')).toBe('1 delivery');
    expect(formatMeasure(1, 'day')).toBe('1 day');
    // not a plain English plural: as written
    expect(formatMeasure(1, 'kWh')).toBe('1 kWh');
    expect(formatMeasure(1, 'pass')).toBe('1 pass');
    expect(formatMeasure(1, 'bonus')).toBe('1 bonus');
    expect(formatMeasure(1, 'NPS')).toBe('1 NPS');
  });

  it('never writes a blank as 0', () => {
    for (const blank of [null, undefined, Number.NaN]) {
      expect(formatNumber(blank)).toBe(NOT_AVAILABLE);
      expect(formatCurrency(blank)).toBe(NOT_AVAILABLE);
      expect(formatPercent(blank)).toBe(NOT_AVAILABLE);
      expect(formatDays(blank)).toBe(NOT_AVAILABLE);
      expect(formatMeasure(blank, '%')).toBe(NOT_AVAILABLE);
    }
    expect(formatDate(null)).toBe(NOT_AVAILABLE);
    expect(formatDate('soon')).toBe(NOT_AVAILABLE);
    expect(formatMonth('2026-7')).toBe(NOT_AVAILABLE);
    expect(NOT_AVAILABLE).toBe('Not available');
  });
});
