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
});
