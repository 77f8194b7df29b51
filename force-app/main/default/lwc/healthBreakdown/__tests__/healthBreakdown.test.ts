import HealthBreakdown from 'c/healthBreakdown';
import { fact, type DimensionResult } from 'c/successModel';
import { mountRendered, shadow } from 'jest-helpers/dom';

const DIMENSIONS: DimensionResult[] = [
  {
    key: 'Goal_Timeliness',
    label: 'Goal Timeliness',
    score: 50,
    evidence: true,
    weight: 20,
    share: 40,
    points: 20,
    facts: [fact('goalsOnSchedule', { count: 1, of: 2 }), fact('goalsOverdue', { count: 1, of: 2 })]
  },
  {
    key: 'Custom',
    label: 'Custom',
    score: null,
    evidence: false,
    weight: 5,
    share: 0,
    points: 0,
    facts: [fact('noRisks')]
  }
];

describe('c-health-breakdown', () => {
  it('lists each dimension with its points, weight and facts in labels', async () => {
    const element = await mountRendered('c-health-breakdown', HealthBreakdown, { dimensions: DIMENSIONS });
    const root = shadow(element);
    expect(root.querySelectorAll('li.dimension')).toHaveLength(2);
    expect(root.querySelector('.points')?.textContent).toBe('c.Panel_DimensionPoints');
    expect(root.querySelector('.weight')?.textContent).toBe('c.Panel_DimensionWeight');
    const facts = [...root.querySelectorAll('li.fact')].map((li) => li.textContent);
    // Facts without a panel label fall back to the model's English text.
    expect(facts).toEqual([
      'c.Panel_Fact_GoalsOnSchedule',
      'c.Panel_Fact_GoalsOverdue',
      'No risks or enablers recorded yet'
    ]);
    await expect(element).toBeAccessible();
  });

  it('says when no dimension is configured', async () => {
    const element = await mountRendered('c-health-breakdown', HealthBreakdown, { dimensions: [] });
    expect(shadow(element).querySelector('.empty')?.textContent).toBe('c.Panel_NoDimensions');
    await expect(element).toBeAccessible();
  });
});
