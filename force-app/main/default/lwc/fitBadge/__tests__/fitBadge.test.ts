import FitBadge from 'c/fitBadge';
import { evaluateFit } from 'c/successModel';
import { mountRendered, shadow } from 'jest-helpers/dom';

jest.mock('@salesforce/label/c.Panel_FitRuleEquals', () => ({ default: '{0}: {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_FitRuleIn', () => ({ default: '{0}: {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Panel_FitRuleBetween', () => ({ default: '{0}: {1} to {2}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_FitRuleAtLeast', () => ({ default: '{0}: at least {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_FitRuleAtMost', () => ({ default: '{0}: at most {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_FitRuleContains', () => ({ default: '{0}: contains \u201c{1}\u201d' }), {
  virtual: true
});

const CRITERIA = [
  {
    DeveloperName: 'Industry',
    MasterLabel: 'Target industry',
    Field__c: 'Industry',
    Operator__c: 'in' as const,
    Value__c: 'Technology,Financial Services'
  },
  { DeveloperName: 'Country', Field__c: 'BillingCountry', Operator__c: 'equals' as const, Value__c: 'Germany' },
  { DeveloperName: 'Size', Field__c: 'NumberOfEmployees', Operator__c: 'at least' as const, Value__c: '500' }
];

describe('c-fit-badge', () => {
  it('shows the tier with matched and missed criteria', async () => {
    const fit = evaluateFit({ Industry: 'Technology', BillingCountry: 'France', NumberOfEmployees: 20 }, CRITERIA);
    const element = await mountRendered('c-fit-badge', FitBadge, { fit });
    const root = shadow(element);
    expect((root.querySelector('lightning-badge.tier') as HTMLElement & { label: string }).label).toBe(
      'c.Panel_FitScore'
    );
    expect([...root.querySelectorAll('.matched li')].map((li) => li.textContent)).toEqual([
      'Target industry: Technology, Financial Services'
    ]);
    expect([...root.querySelectorAll('.missed li')].map((li) => li.textContent)).toEqual([
      'Country: Germany',
      'Size: at least 500'
    ]);
    await expect(element).toBeAccessible();
  });

  it('says the fit is unknown and names the blank criteria, instead of scoring them as misses', async () => {
    const fit = evaluateFit({ Industry: 'Technology', BillingCountry: 'France' }, CRITERIA);
    const element = await mountRendered('c-fit-badge', FitBadge, { fit });
    const root = shadow(element);
    expect((root.querySelector('lightning-badge.tier') as HTMLElement & { label: string }).label).toBe(
      'c.Panel_FitUnknown'
    );
    expect([...root.querySelectorAll('.blank li')].map((li) => li.textContent)).toEqual(['Size: at least 500']);
    await expect(element).toBeAccessible();
  });

  it('writes every operator in words, numbers grouped', async () => {
    const rules = [
      { DeveloperName: 'Revenue', Field__c: 'AnnualRevenue', Operator__c: 'at least' as const, Value__c: '10000000' },
      { DeveloperName: 'Size', Field__c: 'NumberOfEmployees', Operator__c: 'between' as const, Value__c: '200..10000' },
      { DeveloperName: 'Adoption', Field__c: 'Product_Adoption__c', Operator__c: 'at most' as const, Value__c: '20' },
      { DeveloperName: 'Name', Field__c: 'Name', Operator__c: 'contains' as const, Value__c: ' Bank ' }
    ];
    const fit = evaluateFit(
      { AnnualRevenue: 25_000_000, NumberOfEmployees: 150, Product_Adoption__c: 10, Name: 'First Bank' },
      rules
    );
    const element = await mountRendered('c-fit-badge', FitBadge, { fit });
    const root = shadow(element);
    expect([...root.querySelectorAll('.matched li')].map((li) => li.textContent)).toEqual([
      'Revenue: at least 10,000,000',
      'Adoption: at most 20',
      'Name: contains \u201cBank\u201d'
    ]);
    expect([...root.querySelectorAll('.missed li')].map((li) => li.textContent)).toEqual(['Size: 200 to 10,000']);
    await expect(element).toBeAccessible();
  });

  it('says when no criteria apply', async () => {
    const element = await mountRendered('c-fit-badge', FitBadge, { fit: evaluateFit({}, []) });
    expect(shadow(element).querySelector('.no-fit')?.textContent).toBe('c.Panel_NoFit');
    await expect(element).toBeAccessible();
  });

  it('omits the matched list when nothing matches', async () => {
    const element = await mountRendered('c-fit-badge', FitBadge, {
      fit: evaluateFit({ Industry: 'Retail' }, CRITERIA.slice(0, 1))
    });
    expect(shadow(element).querySelector('.matched')).toBeNull();
    expect(shadow(element).querySelectorAll('.missed li')).toHaveLength(1);
  });
});
