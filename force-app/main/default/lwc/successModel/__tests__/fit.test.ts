import { evaluateFit, fitTier, type AccountRecord, type IcpCriterionConfig } from 'c/successModel';
import { CRITERIA } from './data/config';

// The product adoption criterion reads utilisation over the last four weeks of usage (at least 50).
const AT_64 = { 'Usage.Utilisation': 64, 'Usage.Feature_Adoption': null };

const criterion = (DeveloperName: string, rest: Partial<IcpCriterionConfig>): IcpCriterionConfig => ({
  DeveloperName,
  Weight__c: 1,
  Active__c: true,
  ...rest
});

describe('ideal-customer fit', () => {
  const ideal: AccountRecord = {
    Industry: 'technology ',
    NumberOfEmployees: 1200,
    AnnualRevenue: 25_000_000,
    BillingCountry: 'Germany'
  };

  it('scores matched weight over total weight and lists matched and missed criteria', () => {
    const fit = evaluateFit({ ...ideal, BillingCountry: 'Brazil', NumberOfEmployees: 150 }, CRITERIA, AT_64);
    // matched: revenue 15 + adoption 15 + industry 30 = 60 of 100
    expect(fit.score).toBe(60);
    expect(fit.tier).toBe('Good');
    expect(fit.matched.map((m) => m.criterion)).toEqual(['Annual_Revenue', 'Product_Adoption', 'Target_Industry']);
    expect(fit.missed.map((m) => [m.criterion, m.outcome])).toEqual([
      ['Company_Size', 'different'],
      ['Served_Country', 'different']
    ]);
    expect(fit.unknown).toEqual([]);
    expect(fit.invalid).toEqual([]);
  });

  it('is unknown, not Poor, while a criterion field is blank, and names the blank criteria', () => {
    const fit = evaluateFit({ ...ideal, BillingCountry: 'Brazil', NumberOfEmployees: null }, CRITERIA, AT_64);
    expect(fit).toMatchObject({ score: null, tier: null });
    expect(fit.unknown.map((m) => [m.criterion, m.field, m.outcome])).toEqual([
      ['Company_Size', 'NumberOfEmployees', 'noValue']
    ]);
    expect(fit.missed.map((m) => m.criterion)).toEqual(['Served_Country']);
    // an account nobody has described: every criterion unknown
    expect(evaluateFit({}, CRITERIA).unknown).toHaveLength(5);
    expect(evaluateFit({}, CRITERIA).tier).toBeNull();
  });

  it('reads usage measures for criteria on Usage.*, and is unknown without usage, never a miss', () => {
    // Same account, no usage: the adoption criterion has no value, so the fit is unknown and names it.
    const noUsage = evaluateFit(ideal, CRITERIA);
    expect(noUsage).toMatchObject({ score: null, tier: null });
    expect(noUsage.unknown.map((m) => [m.criterion, m.field])).toEqual([['Product_Adoption', 'Usage.Utilisation']]);
    expect(evaluateFit(ideal, CRITERIA, { 'Usage.Utilisation': null, 'Usage.Feature_Adoption': 80 }).score).toBeNull();
    // Utilisation 49 misses "at least 50": 85 of 100.
    const low = evaluateFit(ideal, CRITERIA, { 'Usage.Utilisation': 49, 'Usage.Feature_Adoption': null });
    expect(low.missed.map((m) => m.criterion)).toEqual(['Product_Adoption']);
    expect(low.score).toBe(85);
    const features = [criterion('f', { Field__c: 'Usage.Feature_Adoption', Operator__c: 'at least', Value__c: '60' })];
    expect(evaluateFit({}, features, { 'Usage.Utilisation': null, 'Usage.Feature_Adoption': 60 }).score).toBe(100);
  });

  it('tiers Ideal from 75, Good from 50, Poor below', () => {
    expect(evaluateFit(ideal, CRITERIA, AT_64)).toMatchObject({ score: 100, tier: 'Ideal' });
    expect([75, 74.9, 50, 49.9, 0, null].map(fitTier)).toEqual(['Ideal', 'Good', 'Good', 'Poor', 'Poor', null]);
  });

  it('evaluates equals on text (ignoring case and spaces), numbers and checkboxes', () => {
    const rules = [
      criterion('type', { Field__c: 'Type', Operator__c: 'equals', Value__c: ' Customer - Direct' }),
      criterion('size', { Field__c: 'NumberOfEmployees', Operator__c: 'equals', Value__c: '500' }),
      criterion('flag', { Field__c: 'CS_Sourced__c', Operator__c: 'equals', Value__c: 'TRUE' })
    ];
    const account = { Type: 'customer - direct', NumberOfEmployees: 500, CS_Sourced__c: true } as AccountRecord;
    expect(evaluateFit(account, rules).score).toBe(100);
    expect(evaluateFit({ Type: 'Partner', NumberOfEmployees: 501 }, rules).matched).toEqual([]);
  });

  it('evaluates in, between (inclusive), at least, at most and contains', () => {
    const check = (rule: Partial<IcpCriterionConfig>, account: AccountRecord): boolean =>
      evaluateFit(account, [criterion('x', rule)]).score === 100;
    expect(
      check({ Field__c: 'Industry', Operator__c: 'in', Value__c: 'Retail, Healthcare' }, { Industry: 'Healthcare' })
    ).toBe(true);
    expect(
      check({ Field__c: 'Industry', Operator__c: 'in', Value__c: 'Retail, Healthcare' }, { Industry: 'Health' })
    ).toBe(false);
    const between = { Field__c: 'NumberOfEmployees', Operator__c: 'between', Value__c: '200..10000' } as const;
    expect([199, 200, 10000, 10001].map((n) => check(between, { NumberOfEmployees: n }))).toEqual([
      false,
      true,
      true,
      false
    ]);
    expect(check(between, { NumberOfEmployees: '300' as unknown as number })).toBe(true);
    const atLeast = { Field__c: 'AnnualRevenue', Operator__c: 'at least', Value__c: '1000' } as const;
    expect([999, 1000].map((n) => check(atLeast, { AnnualRevenue: n }))).toEqual([false, true]);
    const atMost = { Field__c: 'Product_Adoption__c', Operator__c: 'at most', Value__c: '20' } as const;
    expect([20, 21].map((n) => check(atMost, { Product_Adoption__c: n }))).toEqual([true, false]);
    expect(check(atMost, { Product_Adoption__c: 'n/a' as unknown as number })).toBe(false);
    const contains = { Field__c: 'Name', Operator__c: 'contains', Value__c: 'Bank' } as const;
    expect(check(contains, { Name: 'First National BANK plc' })).toBe(true);
    expect(check(contains, { Name: 'Acme' })).toBe(false);
  });

  it('treats a blank field as unknown, never as missed', () => {
    const fit = evaluateFit({ Industry: '' }, [
      criterion('i', { Field__c: 'Industry', Operator__c: 'contains', Value__c: 'x' })
    ]);
    expect(fit.unknown[0].outcome).toBe('noValue');
    expect(fit.missed).toEqual([]);
    expect(fit.score).toBeNull();
  });

  it('skips inactive and zero-weight criteria, and weighs a blank weight as 1', () => {
    const rules = [
      criterion('off', { Field__c: 'Industry', Operator__c: 'equals', Value__c: 'Retail', Active__c: false }),
      criterion('zero', { Field__c: 'Industry', Operator__c: 'equals', Value__c: 'Retail', Weight__c: 0 }),
      criterion('blank', { Field__c: 'Industry', Operator__c: 'equals', Value__c: 'Tech', Weight__c: null }),
      criterion('three', { Field__c: 'Type', Operator__c: 'equals', Value__c: 'Customer', Weight__c: 3 })
    ];
    const fit = evaluateFit({ Industry: 'Tech', Type: 'Prospect' }, rules);
    expect(fit.score).toBe(25);
    expect(fit.matched[0].weight).toBe(1);
    expect(fit.missed.map((m) => m.criterion)).toEqual(['three']);
  });

  it('lists criteria it cannot evaluate instead of scoring them', () => {
    const broken = [
      criterion('noField', { Operator__c: 'equals', Value__c: 'x' }),
      criterion('badOperator', { Field__c: 'Industry', Operator__c: 'like' as never, Value__c: 'x' }),
      criterion('emptyIn', { Field__c: 'Industry', Operator__c: 'in', Value__c: ' , ' }),
      criterion('oneEnded', { Field__c: 'AnnualRevenue', Operator__c: 'between', Value__c: '10..' }),
      criterion('reversed', { Field__c: 'AnnualRevenue', Operator__c: 'between', Value__c: '10..1' }),
      criterion('threeParts', { Field__c: 'AnnualRevenue', Operator__c: 'between', Value__c: '1..2..3' }),
      criterion('wordMin', { Field__c: 'AnnualRevenue', Operator__c: 'between', Value__c: 'low..9' }),
      criterion('noNumber', { Field__c: 'AnnualRevenue', Operator__c: 'at least' }),
      criterion('emptyContains', { Field__c: 'Name', Operator__c: 'contains', Value__c: '  ' })
    ];
    const fit = evaluateFit({ Industry: 'x', AnnualRevenue: 5, Name: 'n' }, broken);
    expect(fit.invalid).toEqual(broken.map((b) => b.DeveloperName));
    expect(fit).toMatchObject({ score: null, tier: null, matched: [], missed: [], unknown: [] });
  });
});

describe('criterion labels', () => {
  it('names each criterion by its label, falling back to its developer name', () => {
    const fit = evaluateFit({ Industry: 'Technology', NumberOfEmployees: 10 }, [
      {
        DeveloperName: 'Target_Industry',
        MasterLabel: 'Target industry',
        Field__c: 'Industry',
        Operator__c: 'equals',
        Value__c: 'Technology'
      },
      { DeveloperName: 'Company_Size', Field__c: 'NumberOfEmployees', Operator__c: 'at least', Value__c: '500' }
    ]);
    expect(fit.matched.map((c) => c.label)).toEqual(['Target industry']);
    expect(fit.missed.map((c) => c.label)).toEqual(['Company_Size']);
  });
});
