import HealthSummary from 'c/healthSummary';
import { fact, type HealthResult } from 'c/successModel';
import { flushPromises, mountRendered, one, shadow } from 'jest-helpers/dom';

const HEALTH: HealthResult = {
  score: 72,
  band: { key: 'Healthy', label: 'Healthy', minimum: 70, variant: 'success', meaning: 'On course' },
  dimensions: [
    {
      key: 'Product_Adoption',
      label: 'Product Adoption',
      score: 80,
      evidence: true,
      weight: 20,
      share: 50,
      points: 40,
      facts: [fact('productAdoption', { value: 80 })]
    }
  ],
  evidencePercent: 100,
  enoughEvidence: true,
  missing: []
};

describe('c-health-summary', () => {
  it('shows score and band, and opens the breakdown with aria-expanded', async () => {
    const element = await mountRendered('c-health-summary', HealthSummary, { health: HEALTH });
    expect(one(element, '.score')?.textContent).toBe('c.Panel_HealthScore');
    const badge = one(element, 'lightning-badge') as HTMLElement & { label: string };
    expect(badge.label).toBe('Healthy');
    expect(badge.className).toContain('slds-theme_success');
    expect(one(element, '.meaning')?.textContent).toBe('On course');
    const toggle = one(element, 'button.breakdown-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(one(element, 'c-health-breakdown')).toBeNull();
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('c.Panel_HideBreakdown');
    const breakdown = one(element, 'c-health-breakdown') as HTMLElement & { dimensions: unknown[] };
    expect(breakdown.dimensions).toEqual(HEALTH.dimensions);
    await expect(element).toBeAccessible();
  });

  it('says there is not enough data to score, and what is missing, instead of a number', async () => {
    const health: HealthResult = {
      score: null,
      band: null,
      dimensions: [],
      evidencePercent: 0,
      enoughEvidence: false,
      missing: [fact('noGoals'), fact('fieldMissing', { name: 'Product Adoption' })]
    };
    const element = await mountRendered('c-health-summary', HealthSummary, { health });
    expect(one(element, '.no-score')?.textContent).toBe('c.Panel_HealthNoScore');
    expect(one(element, '.score')).toBeNull();
    expect([...shadow(element).querySelectorAll('.missing li')].map((li) => li.textContent)).toEqual([
      'c.Panel_Fact_NoGoals',
      'c.Panel_Fact_FieldMissing'
    ]);
    expect(one(element, 'lightning-badge')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows a score without a band when no band matches', async () => {
    const element = await mountRendered('c-health-summary', HealthSummary, { health: { ...HEALTH, band: null } });
    expect(one(element, '.score')).not.toBeNull();
    expect(one(element, 'lightning-badge')).toBeNull();
  });
});
