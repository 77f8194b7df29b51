import { factText } from 'c/panelFormat';
import { fact } from 'c/successModel';

describe('panelFormat', () => {
  it('shows a fact through its label, or the model English when it has none', () => {
    expect(factText(fact('goalsOverdue', { count: 1, of: 3 }))).toBe('c.Panel_Fact_GoalsOverdue');
    expect(factText(fact('noRisks'))).toBe('No risks or enablers recorded yet');
  });
});

describe('facts with numbers', () => {
  it('picks the one-thing wording when the number it turns on is 1, and the many wording otherwise', () => {
    expect(factText(fact('openRisks', { count: 1, value: 40 }))).toBe('c.Panel_Fact_OpenRisks_One');
    expect(factText(fact('openRisks', { count: 2, value: 52 }))).toBe('c.Panel_Fact_OpenRisks');
    expect(factText(fact('goalsOverdue', { count: 1, of: 1 }))).toBe('c.Panel_Fact_GoalsOverdue_One');
    expect(factText(fact('goalsOverdue', { count: 1, of: 4 }))).toBe('c.Panel_Fact_GoalsOverdue');
  });
});
