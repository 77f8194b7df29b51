import {
  fact,
  LIFECYCLE_STAGES,
  raciMatrix,
  type CharterRole,
  type LifecycleStage,
  type RaciValue
} from 'c/successModel';

const role = (
  name: string,
  stage: LifecycleStage | null,
  raci: RaciValue | null,
  person: string | null = 'u1'
): CharterRole => ({
  Name: name,
  Lifecycle_Stage__c: stage,
  RACI__c: raci,
  Person__c: person
});

function fullMatrix(): CharterRole[] {
  return LIFECYCLE_STAGES.flatMap((stage) => [
    role(`${stage} lead`, stage, 'Accountable'),
    role(`${stage} CSM`, stage, 'Responsible')
  ]);
}

describe('RACI', () => {
  it('is complete with exactly one Accountable and at least one Responsible per stage', () => {
    const matrix = raciMatrix([
      ...fullMatrix(),
      role('Support', 'Adoption', 'Consulted'),
      role('Billing', 'Renewal', 'Informed')
    ]);
    expect(matrix.complete).toBe(true);
    expect(matrix.stages.map((s) => s.stage)).toEqual([...LIFECYCLE_STAGES]);
    const adoption = matrix.stages[1];
    expect(adoption.consulted.map((r) => r.Name)).toEqual(['Support']);
    expect(matrix.stages[4].informed.map((r) => r.Name)).toEqual(['Billing']);
  });

  it('lists the gaps: no Accountable, no Responsible, an A or R role with nobody in it', () => {
    const roles = fullMatrix().filter((r) => r.Name !== 'Onboarding lead' && r.Name !== 'Expansion CSM');
    roles.push(role('Renewal desk', 'Renewal', 'Responsible', null));
    const matrix = raciMatrix(roles);
    expect(matrix.complete).toBe(false);
    expect(matrix.stages[0].gaps.map((g) => g.text)).toEqual(['Onboarding has no Accountable role']);
    expect(matrix.stages[3].gaps.map((g) => g.code)).toEqual(['noResponsible']);
    expect(matrix.stages[4].gaps.map((g) => g.text)).toEqual(['Renewal: role "Renewal desk" has no person']);
    expect(raciMatrix([]).stages.every((s) => s.gaps.length === 2)).toBe(true);
  });

  it('lists more than one Accountable as a conflict', () => {
    const matrix = raciMatrix([...fullMatrix(), role('VP CS', 'Adoption', 'Accountable')]);
    expect(matrix.complete).toBe(false);
    expect(matrix.stages[1].conflicts).toEqual([
      {
        code: 'multipleAccountable',
        name: 'Adoption',
        count: 2,
        text: 'Adoption has 2 Accountable roles; there should be one'
      }
    ]);
    expect(matrix.stages[1].gaps).toEqual([]);
  });

  it('keeps roles without a stage or RACI letter aside, and names roles by key or id when unnamed', () => {
    const sponsor = role('Executive sponsor', null, 'Accountable');
    const noLetter = role('Observer', 'Onboarding', null);
    const matrix = raciMatrix([
      sponsor,
      noLetter,
      { Role_Key__c: 'K1', Lifecycle_Stage__c: 'Onboarding', RACI__c: 'Accountable' },
      { Id: 'a0X', Lifecycle_Stage__c: 'Adoption', RACI__c: 'Accountable' },
      { Lifecycle_Stage__c: 'Expansion', RACI__c: 'Accountable' }
    ]);
    expect(matrix.unstaged).toEqual([sponsor, noLetter]);
    expect(matrix.stages[0].gaps.map((g) => g.text)).toContain('Onboarding: role "K1" has no person');
    expect(matrix.stages[1].gaps.map((g) => g.text)).toContain('Adoption: role "a0X" has no person');
    expect(matrix.stages[3].gaps.map((g) => g.text)).toContain('Expansion: role "" has no person');
    // a fact about a role outside any stage still reads
    expect(fact('roleWithoutPerson', { name: 'Sponsor' }).text).toBe('Role "Sponsor" has no person');
  });
});
