import { charterCompleteness, type CharterInput, type CharterRole, LIFECYCLE_STAGES } from 'c/successModel';

function completeCharter(): CharterInput {
  const roles: CharterRole[] = LIFECYCLE_STAGES.flatMap((stage) => [
    { Name: `${stage} lead`, Lifecycle_Stage__c: stage, RACI__c: 'Accountable', Person__c: 'u1' },
    { Name: `${stage} CSM`, Lifecycle_Stage__c: stage, RACI__c: 'Responsible', Person__c: 'u2' }
  ]);
  return {
    charter: {
      Mission__c: 'Every customer reaches the outcome they bought',
      Vision__c: 'Successful customers, not just buyers',
      Why_It_Matters__c: 'Renewals',
      Problems_Solved__c: 'Silos',
      Opportunities__c: 'Expansion',
      Cost_Of_Inaction__c: 'Churn',
      Executive_Sponsor__c: '005xx'
    },
    objectives: [{ Name: 'Faster value', Metric_Type__c: 'Median Days To Value', Target__c: 60 }],
    roles,
    milestones: [
      { Name: 'Launch', Type__c: 'Milestone' },
      { Name: 'Announce', Type__c: 'Communication', Audience__c: 'All staff', Channel__c: 'Town Hall' }
    ],
    risks: [
      { Name: 'Low adoption', Type__c: 'Threat', Corrective_Action__c: 'Adoption playbook' },
      { Name: 'Exec support', Type__c: 'Enabler' },
      { Name: 'Old', Status__c: 'Closed' }
    ]
  };
}

describe('charter completeness', () => {
  it('is 100% when all five parts are complete', () => {
    const result = charterCompleteness(completeCharter());
    expect(result.percent).toBe(100);
    expect(result.parts.map((p) => [p.part, p.complete])).toEqual([
      ['statement', true],
      ['objectives', true],
      ['roles', true],
      ['roadmap', true],
      ['risks', true]
    ]);
  });

  it('names the blank statement fields', () => {
    const input = completeCharter();
    input.charter = { ...input.charter, Vision__c: '  ', Cost_Of_Inaction__c: null };
    const result = charterCompleteness(input);
    expect(result.percent).toBe(80);
    expect(result.parts[0].missing.map((m) => m.name)).toEqual(['Vision__c', 'Cost_Of_Inaction__c']);
  });

  it('needs objectives, each with a metric type and a target', () => {
    const input = completeCharter();
    expect(charterCompleteness({ ...input, objectives: [] }).parts[1].missing.map((m) => m.code)).toEqual([
      'noObjectives'
    ]);
    const missing = charterCompleteness({
      ...input,
      objectives: [{ Name: 'Vague' }, { Id: 'a01', Metric_Type__c: 'Manual', Target__c: 5 }, {}]
    }).parts[1].missing;
    expect(missing.map((m) => m.text)).toEqual([
      'Objective "Vague" has no metric type',
      'Objective "Vague" has no target',
      'Objective "" has no metric type',
      'Objective "" has no target'
    ]);
  });

  it('needs an executive sponsor and roles whose RACI has no gaps or conflicts', () => {
    const input = completeCharter();
    const noRoles = charterCompleteness({
      ...input,
      charter: { ...input.charter, Executive_Sponsor__c: null },
      roles: []
    });
    expect(noRoles.parts[2].missing.map((m) => m.code)).toEqual(['fieldMissing', 'noRoles']);
    const roles = [
      ...input.roles.slice(1),
      { Name: 'Second', Lifecycle_Stage__c: 'Renewal' as const, RACI__c: 'Accountable' as const, Person__c: 'u3' }
    ];
    expect(charterCompleteness({ ...input, roles }).parts[2].missing.map((m) => m.code)).toEqual([
      'noAccountable',
      'multipleAccountable'
    ]);
  });

  it('needs roadmap items and communications with an audience and a channel', () => {
    const input = completeCharter();
    expect(charterCompleteness({ ...input, milestones: [] }).parts[3].missing.map((m) => m.code)).toEqual([
      'noRoadmapItems',
      'noCommunications'
    ]);
    const milestones = [
      { Name: 'Launch', Type__c: 'Milestone' as const },
      { Name: 'Cancelled memo', Type__c: 'Communication' as const, Status__c: 'Cancelled' as const },
      { Name: 'Memo', Type__c: 'Communication' as const, Channel__c: 'Email' },
      { Name: 'Chat', Type__c: 'Communication' as const, Audience__c: 'Sales' }
    ];
    expect(charterCompleteness({ ...input, milestones }).parts[3].missing.map((m) => m.text)).toEqual([
      'Communication "Memo" needs an audience and a channel',
      'Communication "Chat" needs an audience and a channel'
    ]);
    expect(
      charterCompleteness({ ...input, milestones: milestones.slice(0, 2) }).parts[3].missing.map((m) => m.code)
    ).toEqual(['noCommunications']);
  });

  it('needs risks, with a corrective action for every open threat (untyped risks count as threats)', () => {
    const input = completeCharter();
    expect(charterCompleteness({ ...input, risks: [] }).parts[4].missing.map((m) => m.code)).toEqual(['noRisks']);
    const risks = [
      ...input.risks,
      { Name: 'Data quality' },
      { Id: 'a0R', Type__c: 'Threat' as const, Corrective_Action__c: ' ' }
    ];
    const result = charterCompleteness({ ...input, risks });
    expect(result.parts[4].missing.map((m) => m.text)).toEqual([
      'Risk "Data quality" has no corrective action',
      'Risk "a0R" has no corrective action'
    ]);
    expect(result.percent).toBe(80);
  });
});
