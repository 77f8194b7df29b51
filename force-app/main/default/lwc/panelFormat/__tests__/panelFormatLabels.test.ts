// The facts with the labels' real wording, so the numbers they carry are checked as a user reads them.
import { factText } from 'c/panelFormat';
import { fact } from 'c/successModel';

jest.mock('@salesforce/label/c.Panel_Fact_OpenRisks', () => ({ default: '{0} open risks, combined exposure {3}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_Fact_OpenRisks_One', () => ({ default: '1 open risk, exposure {3}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_Fact_RoleWithoutPerson', () => ({ default: '{5}: role "{4}" has no person' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Panel_Fact_FitScore', () => ({ default: '{4} fit {3}: {0} of {1} criteria met' }), {
  virtual: true
});

describe('fact labels', () => {
  it('write percentages in the locale and name the stage a role belongs to', () => {
    expect(factText(fact('openRisks', { count: 1, value: 40 }))).toBe('1 open risk, exposure 40%');
    expect(factText(fact('openRisks', { count: 3, value: 52.5 }))).toBe('3 open risks, combined exposure 52.5%');
    expect(factText(fact('roleWithoutPerson', { name: 'CSM', stage: 'Renewal' }))).toBe(
      'Renewal: role "CSM" has no person'
    );
    expect(factText(fact('fitScore', { name: 'Good', value: 55, count: 3, of: 5 }))).toBe(
      'Good fit 55%: 3 of 5 criteria met'
    );
  });
});
