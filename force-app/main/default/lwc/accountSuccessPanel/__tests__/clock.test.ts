import { localToday } from '../clock';

describe('localToday', () => {
  it('formats the local calendar date as an ISO day', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
    expect(localToday(new Date(2024, 11, 31, 0, 1))).toBe('2024-12-31');
  });

  it('reads the clock when no date is given', () => {
    expect(localToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
