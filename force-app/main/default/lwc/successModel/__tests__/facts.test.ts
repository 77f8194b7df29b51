import { FACT_CODES, fact, round1 } from 'c/successModel';

describe('facts', () => {
  it('writes plain English with the numbers and keeps them on the record', () => {
    expect(fact('goalsOverdue', { count: 2, of: 5 })).toEqual({
      code: 'goalsOverdue',
      count: 2,
      of: 5,
      text: '2 of 5 goals overdue'
    });
    expect(fact('goalsOverdue', { count: 1, of: 1 }).text).toBe('1 of 1 goal overdue');
    expect(fact('goalsProgressUnknown', { count: 1 }).text).toBe('1 goal has no measurable progress');
    expect(fact('goalsProgressUnknown', { count: 3 }).text).toBe('3 goals have no measurable progress');
    expect(fact('fitScore', { name: 'Good', value: 65, count: 3, of: 5 }).text).toBe(
      'Good fit 65%: 3 of 5 criteria met'
    );
    expect(fact('dimensionLowered', { name: 'Goal Timeliness', value: 1 }).text).toBe(
      'Goal Timeliness lowered the score by 1 point'
    );
  });

  it('writes every code without crashing when a number or name is left out', () => {
    expect(fact('goalsOverdue').text).toBe('0 of 0 goals overdue');
    expect(fact('fieldMissing').text).toBe(' is blank');
    expect(fact('noData').text).toMatch(/weight goes to the other dimensions/);
  });

  it('has a sentence for every code, using every number and name it is given', () => {
    expect(FACT_CODES.length).toBeGreaterThan(20);
    for (const code of FACT_CODES) {
      const { text } = fact(code, { count: 2, of: 3, value: 4, name: 'X' });
      expect(text).not.toMatch(/undefined|NaN/);
      expect(text.length).toBeGreaterThan(5);
    }
  });

  it('rounds to one decimal', () => {
    expect(round1(66.666)).toBe(66.7);
    expect(round1(0.04)).toBe(0);
  });
});
