import { HEALTH_MODEL_VERSION, healthModelFingerprint, type HealthConfig } from 'c/successModel';
import { BANDS, CRITERIA, DIMENSIONS } from './data/config';

const config = (): HealthConfig => ({
  dimensions: DIMENSIONS.map((d) => ({ ...d })),
  bands: BANDS.map((b) => ({ ...b })),
  criteria: CRITERIA.map((c) => ({ ...c }))
});

describe('health model fingerprint', () => {
  it('names the model version and 16 hex digits, the same every time', () => {
    const fingerprint = healthModelFingerprint(config());
    expect(fingerprint).toMatch(new RegExp(`^m${HEALTH_MODEL_VERSION}-[0-9a-f]{16}$`));
    expect(healthModelFingerprint(config())).toBe(fingerprint);
  });

  it('ignores record order, labels, descriptions, sort orders and inactive records', () => {
    const base = healthModelFingerprint(config());
    const shuffled = config();
    shuffled.dimensions = [...shuffled.dimensions].reverse().map((d) => ({
      ...d,
      MasterLabel: `${d.MasterLabel ?? ''} renamed`,
      Description__c: 'new words',
      Sort_Order__c: 99
    }));
    shuffled.bands = [...shuffled.bands].reverse().map((b) => ({ ...b, MasterLabel: 'x', Meaning__c: 'y' }));
    shuffled.criteria = [
      ...(shuffled.criteria ?? []),
      { DeveloperName: 'Switched_Off', Field__c: 'Type', Operator__c: 'equals', Value__c: 'x', Active__c: false }
    ];
    expect(healthModelFingerprint(shuffled)).toBe(base);
  });

  it('changes when a weight, a band minimum, a criterion or the set of active dimensions changes', () => {
    const base = healthModelFingerprint(config());
    const weight = config();
    weight.dimensions = weight.dimensions.map((d, i) => (i === 0 ? { ...d, Weight__c: (d.Weight__c ?? 0) + 1 } : d));
    const band = config();
    band.bands = band.bands.map((b, i) => (i === 0 ? { ...b, Minimum_Score__c: (b.Minimum_Score__c ?? 0) + 5 } : b));
    const criterion = config();
    criterion.criteria = (criterion.criteria ?? []).map((c, i) => (i === 0 ? { ...c, Value__c: 'Other' } : c));
    const inactive = config();
    inactive.dimensions = inactive.dimensions.map((d, i) => (i === 0 ? { ...d, Active__c: false } : d));
    const seen = [base, ...[weight, band, criterion, inactive].map(healthModelFingerprint)];
    expect(new Set(seen).size).toBe(5);
  });

  it('counts active key features and their weights, and reads blanks as their defaults', () => {
    const withFeatures = (features: HealthConfig['keyFeatures']): string =>
      healthModelFingerprint({ ...config(), keyFeatures: features });
    const base = withFeatures([
      { DeveloperName: 'Reports', Weight__c: 25 },
      { DeveloperName: 'Dashboards', Weight__c: 25 }
    ]);
    // Order and an inactive feature change nothing; a weight or a newly active feature does.
    expect(
      withFeatures([
        { DeveloperName: 'Dashboards', Weight__c: 25 },
        { DeveloperName: 'Reports', Weight__c: 25, Active__c: true },
        { DeveloperName: 'Old', Weight__c: 10, Active__c: false }
      ])
    ).toBe(base);
    expect(
      withFeatures([
        { DeveloperName: 'Reports', Weight__c: 30 },
        { DeveloperName: 'Dashboards', Weight__c: 25 }
      ])
    ).not.toBe(base);
    expect(withFeatures([{ DeveloperName: 'Reports' }, { DeveloperName: 'Dashboards', Weight__c: 25 }])).not.toBe(base);
    // Blank weights, minimums and criterion parts: a dimension without weight drops out, a criterion's weight is 1.
    const blanks = healthModelFingerprint({
      dimensions: [{ DeveloperName: 'A', Weight__c: 10 }, { DeveloperName: 'Unweighted' }],
      bands: [{ DeveloperName: 'Low' }, { DeveloperName: 'High', Minimum_Score__c: 50 }],
      criteria: [{ DeveloperName: 'C' }, { DeveloperName: 'B', Weight__c: 0 }]
    });
    expect(
      healthModelFingerprint({
        dimensions: [{ DeveloperName: 'A', Weight__c: 10 }],
        bands: [
          { DeveloperName: 'High', Minimum_Score__c: 50 },
          { DeveloperName: 'Low', Minimum_Score__c: 0 }
        ],
        criteria: [{ DeveloperName: 'C', Weight__c: 1 }]
      })
    ).toBe(blanks);
  });

  it('needs no criteria or key features, and keeps records of the same name side by side', () => {
    const bare = { dimensions: [{ DeveloperName: 'A', Weight__c: 10 }], bands: [] };
    expect(healthModelFingerprint(bare)).toBe(healthModelFingerprint({ ...bare, criteria: [], keyFeatures: [] }));
    const twice = { ...bare, dimensions: [...bare.dimensions, { DeveloperName: 'A', Weight__c: 10 }] };
    expect(healthModelFingerprint(twice)).not.toBe(healthModelFingerprint(bare));
  });
});
