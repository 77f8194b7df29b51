// The panel's side of plays, worked by hand from docs/metrics.md ("Plays"): steps done and overdue, playbooks a person
// may start, a play started by hand and a play closed by hand. Today is 2026-12-01 throughout.
import {
  PLAY_CLOSE_OUTCOMES,
  PlaybookConfigError,
  closePlayFields,
  manualPlay,
  playStandings,
  startablePlaybooks,
  stepTaskFields,
  type CharterRole,
  type PlaybookConfig,
  type PlaybookStepConfig,
  type PlayRecord,
  type PlayTaskRecord
} from 'c/successModel';

const TODAY = '2026-12-01';

describe('play standings', () => {
  const open: PlayRecord = { Id: 'p1', Playbook__c: 'Health_At_Risk', Status__c: 'Open', Opened_On__c: '2026-11-21' };
  const closed: PlayRecord = {
    Id: 'p2',
    Playbook__c: 'Goal_Overdue',
    Status__c: 'Closed',
    Opened_On__c: '2026-10-01',
    Closed_On__c: '2026-10-15'
  };
  const tasks: PlayTaskRecord[] = [
    { Id: 't3', WhatId: 'p1', Subject: 'Agree a recovery plan', ActivityDate: '2026-12-05', Status: 'Not Started' },
    { Id: 't1', WhatId: 'p1', Subject: 'Call the customer', ActivityDate: '2026-11-21', Status: 'Completed' },
    { Id: 't2', WhatId: 'p1', Subject: 'Review health', ActivityDate: '2026-11-28', IsClosed: false },
    { Id: 't4', WhatId: 'p1', Subject: 'Undated', ActivityDate: null },
    { Id: 't5', WhatId: 'p1', Subject: 'Due today', ActivityDate: TODAY, IsClosed: true },
    { Id: 't6', WhatId: 'other', Subject: 'Not this play', ActivityDate: '2026-11-01' },
    { Id: 't7', Subject: 'No play', ActivityDate: '2026-11-01' }
  ];

  it('orders steps by due date (undated last), marks done and overdue, counts days open', () => {
    const [standing] = playStandings([open], tasks, TODAY);
    expect(standing.steps.map((step) => step.task.Id)).toEqual(['t1', 't2', 't5', 't3', 't4']);
    expect(standing.steps.map((step) => [step.done, step.overdue, step.daysOverdue])).toEqual([
      [true, false, 0],
      // Due Nov 28, open on Dec 1: 3 days overdue.
      [false, true, 3],
      [true, false, 0],
      [false, false, 0],
      [false, false, 0]
    ]);
    expect(standing.stepsDone).toBe(2);
    expect(standing.overdueSteps).toBe(1);
    // Nov 21 to Dec 1.
    expect(standing.daysOpen).toBe(10);
  });

  it('a closed play counts its days to the close; a play without a start or an Id has no days and no steps', () => {
    const [done, blank] = playStandings([closed, { Status__c: 'Closed', Closed_On__c: '2026-11-01' }], tasks, TODAY);
    expect(done.daysOpen).toBe(14);
    expect(done.steps).toEqual([]);
    expect(blank.daysOpen).toBeNull();
    expect(blank.steps).toEqual([]);
    const [closedNoDate] = playStandings([{ ...closed, Closed_On__c: null }], [], TODAY);
    // No close date: counted to today (Oct 1 to Dec 1).
    expect(closedNoDate.daysOpen).toBe(61);
    const [same] = playStandings(
      [open],
      [
        { WhatId: 'p1', Subject: 'B', ActivityDate: '2026-12-02' },
        { WhatId: 'p1', ActivityDate: '2026-12-02' },
        { WhatId: 'p1', Subject: 'A', ActivityDate: '2026-12-02' }
      ],
      TODAY
    );
    expect(same.steps.map((step) => step.task.Subject ?? '')).toEqual(['', 'A', 'B']);
  });

  it('refuses a bad today', () => {
    expect(() => playStandings([], [], 'soon')).toThrow();
  });
});

describe('playbooks a person may start', () => {
  const playbooks: PlaybookConfig[] = [
    { DeveloperName: 'Renewal', Sort_Order__c: 5 },
    { DeveloperName: 'Health', Sort_Order__c: 1 },
    { DeveloperName: 'Retired', Sort_Order__c: 2, Active__c: false },
    { DeveloperName: 'Risk' },
    { DeveloperName: 'Goal', Sort_Order__c: 3 }
  ];

  it('active ones in sort order, leaving out any with an open play on the account', () => {
    const plays: PlayRecord[] = [
      { Playbook__c: 'Goal', Status__c: 'Open' },
      { Playbook__c: 'Health', Status__c: 'Closed' }
    ];
    expect(startablePlaybooks(playbooks, plays).map((p) => p.DeveloperName)).toEqual(['Risk', 'Health', 'Renewal']);
  });
});

describe('a play started by hand', () => {
  const playbook: PlaybookConfig = { DeveloperName: 'Health_At_Risk', MasterLabel: 'Health at risk' };
  const steps: PlaybookStepConfig[] = [
    {
      DeveloperName: 'H2',
      Playbook__c: 'Health_At_Risk',
      Step_Number__c: 2,
      Subject__c: 'Agree a plan',
      Days_After_Start__c: 7,
      Owner_Role__c: 'Accountable'
    },
    {
      DeveloperName: 'H1',
      Playbook__c: 'Health_At_Risk',
      Step_Number__c: 1,
      Subject__c: 'Call',
      Days_After_Start__c: 0
    },
    { DeveloperName: 'X1', Playbook__c: 'Other', Step_Number__c: 1, Subject__c: 'Not mine' }
  ];
  const roles: CharterRole[] = [
    { Name: 'CSM', Lifecycle_Stage__c: 'Adoption', RACI__c: 'Responsible', Person__c: 'u-csm' }
  ];
  const account = { Name: 'Acme', Lifecycle_Stage__c: 'Adoption' as const, OwnerId: 'u-owner' };

  it('opens a Manual play keyed by account, playbook and day, with its steps due and owned as planned', () => {
    const started = manualPlay('001A', playbook, steps, account, roles, TODAY);
    expect(started.play).toEqual({
      Name: 'Health at risk',
      Account__c: '001A',
      Playbook__c: 'Health_At_Risk',
      Play_Key__c: '001A:Health_At_Risk:2026-12-01',
      Status__c: 'Open',
      Source__c: 'Manual',
      Opened_On__c: '2026-12-01'
    });
    expect(started.tasks).toEqual([
      { Subject: 'Call', ActivityDate: '2026-12-01', Status: 'Not Started', Priority: 'Normal', OwnerId: 'u-csm' },
      {
        Subject: 'Agree a plan',
        // Dec 1 + 7 days.
        ActivityDate: '2026-12-08',
        Status: 'Not Started',
        Priority: 'Normal',
        OwnerId: 'u-owner',
        Description: 'Nobody holds Accountable for Adoption in the Active charter: assigned to the account owner'
      }
    ]);
    expect(started.ownerFallbacks).toBe(1);
  });

  it('names the play by its developer name without a label, and a step without any owner has none', () => {
    const started = manualPlay('001A', { DeveloperName: 'Health_At_Risk' }, steps, { Name: 'No owner' }, [], TODAY);
    expect(started.play.Name).toBe('Health_At_Risk');
    expect(started.tasks.every((task) => !('OwnerId' in task))).toBe(true);
    expect(
      stepTaskFields({ stepNumber: 1, subject: 'S', due: TODAY, ownerId: 'u', ownerSource: 'role', fallback: null })
    ).toEqual({ Subject: 'S', ActivityDate: TODAY, Status: 'Not Started', Priority: 'Normal', OwnerId: 'u' });
  });
});

describe('a play closed by hand', () => {
  it('closes with the outcome, the day and a trimmed comment; days to clear stay the trigger’s', () => {
    expect(closePlayFields('a0P1', 'Resolved', '  Called them, fixed  ', TODAY)).toEqual({
      Id: 'a0P1',
      Status__c: 'Closed',
      Closed_On__c: TODAY,
      Outcome__c: 'Resolved',
      Outcome_Comment__c: 'Called them, fixed'
    });
    expect(closePlayFields('a0P1', 'Not Resolved', '   ', TODAY).Outcome_Comment__c).toBeNull();
    expect(closePlayFields('a0P1', 'No Longer Relevant', undefined, TODAY).Outcome_Comment__c).toBeNull();
    expect(closePlayFields('a0P1', 'Resolved', 'x'.repeat(300), TODAY).Outcome_Comment__c).toHaveLength(255);
    expect(PLAY_CLOSE_OUTCOMES).toEqual(['Resolved', 'Not Resolved', 'No Longer Relevant']);
  });

  it('refuses an outcome a person does not give (Trigger Cleared is the run’s) and a bad day', () => {
    expect(() => closePlayFields('a0P1', 'Trigger Cleared', null, TODAY)).toThrow(PlaybookConfigError);
    expect(() => closePlayFields('a0P1', 'Resolved', null, 'later')).toThrow();
  });
});
