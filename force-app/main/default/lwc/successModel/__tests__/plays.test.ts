// Plays, worked by hand from the definitions in docs/metrics.md ("Plays"). Today is 2026-12-01 throughout.
import {
  PlaybookConfigError,
  evaluatePlaybooks,
  planSteps,
  playKey,
  playbookEffectiveness,
  reconcilePlays,
  type HealthBandConfig,
  type PlaybookConfig,
  type PlaybookStepConfig,
  type PlayRecord,
  type PlaySignals,
  type TriggerResult
} from 'c/successModel';
import { band } from './data/health';

const TODAY = '2026-12-01';

// Listed out of order on purpose: the rank comes from the minimum score, not the list.
const BANDS: HealthBandConfig[] = [
  { DeveloperName: 'Watch', MasterLabel: 'Watch', Minimum_Score__c: 40 },
  { DeveloperName: 'Healthy', MasterLabel: 'Healthy', Minimum_Score__c: 70 },
  { DeveloperName: 'At_Risk', MasterLabel: 'At Risk' }
];

const AT_RISK = band('At_Risk');
const WATCH = band('Watch');
const HEALTHY = band('Healthy');

const signals = (over: Partial<PlaySignals> = {}): PlaySignals => ({
  account: { Name: 'Acme', Lifecycle_Stage__c: 'Adoption', OwnerId: 'u-owner' },
  band: HEALTHY,
  goals: [],
  risks: [],
  sentiment: null,
  ...over
});

const one = (playbook: PlaybookConfig, input: PlaySignals): TriggerResult =>
  evaluatePlaybooks(input, [playbook], BANDS, TODAY)[0];

describe('playbook triggers', () => {
  const falls: PlaybookConfig = { DeveloperName: 'Health_Falls', Trigger__c: 'Health Band', Band__c: 'Watch' };

  it('health band: fires at the band or below it, never on unknown health', () => {
    expect(one(falls, signals({ band: WATCH }))).toEqual({
      playbook: 'Health_Falls',
      fired: true,
      facts: [expect.objectContaining({ code: 'playHealthBand', text: 'Health is Watch' })]
    });
    expect(one(falls, signals({ band: AT_RISK })).facts[0].text).toBe('Health is At Risk');
    expect(one(falls, signals({ band: HEALTHY })).fired).toBe(false);
    expect(one(falls, signals({ band: null })).fired).toBe(false);
  });

  it('goal overdue: an open goal past its target date; the target date itself is not overdue', () => {
    const overdue = { DeveloperName: 'Overdue', Trigger__c: 'Goal Overdue' };
    const goals = [
      { Name: 'Onboard the team', Status__c: 'On Track' as const, Target_Date__c: '2026-11-30' },
      { Goal_Key__c: 'G-2', Status__c: null, Target_Date__c: '2026-10-01' },
      { Status__c: 'Not Started' as const, Target_Date__c: '2026-09-01' },
      { Name: 'Due today', Status__c: 'On Track' as const, Target_Date__c: TODAY },
      { Name: 'Done late', Status__c: 'Achieved' as const, Target_Date__c: '2026-01-01' },
      { Name: 'No date', Status__c: 'On Track' as const }
    ];
    const result = one(overdue, signals({ goals }));
    expect(result.fired).toBe(true);
    expect(result.facts[0].text).toBe('3 goals are overdue: Onboard the team, G-2');
    expect(one(overdue, signals({ goals: goals.slice(2, 3) })).facts[0].text).toBe('1 goal is overdue');
    expect(one(overdue, signals({ goals: goals.slice(0, 1) })).facts[0].text).toBe(
      '1 goal is overdue: Onboard the team'
    );
    expect(one(overdue, signals({ goals: goals.slice(3) })).fired).toBe(false);
  });

  it('customer risk: an open risk rated at the minimum or higher', () => {
    const serious = { DeveloperName: 'Serious_Risk', Trigger__c: 'Customer Risk', Minimum_Rating__c: 'High' };
    // 4 x 3 = 12 is High; 2 x 2 = 4 is Low; a closed Critical one does not count; a stored score of 20 is Critical.
    const high = { Likelihood__c: 4, Impact__c: 3, Status__c: 'Open' as const };
    const low = { Likelihood__c: 2, Impact__c: 2, Status__c: 'Mitigating' as const };
    const closed = { Likelihood__c: 5, Impact__c: 5, Status__c: 'Closed' as const };
    const stored = { Score__c: 20, Status__c: 'Monitoring' as const };
    const unscored = { Status__c: 'Open' as const };
    expect(one(serious, signals({ risks: [high, low, closed, unscored] })).facts[0].text).toBe(
      '1 open risk is rated High or higher'
    );
    expect(one(serious, signals({ risks: [high, stored] })).facts[0].text).toBe(
      '2 open risks are rated High or higher'
    );
    expect(one(serious, signals({ risks: [low, closed, unscored] })).fired).toBe(false);
  });

  it('sentiment red: only red', () => {
    const red = { DeveloperName: 'Red', Trigger__c: 'Sentiment Red' };
    expect(one(red, signals({ sentiment: 'Red' })).facts[0].text).toBe('The account manager marked sentiment red');
    expect(one(red, signals({ sentiment: 'Yellow' })).fired).toBe(false);
    expect(one(red, signals()).fired).toBe(false);
  });

  it('renewal: within N days (not past) with health below the band', () => {
    const renewal = { DeveloperName: 'Renewal', Trigger__c: 'Renewal', Band__c: 'Healthy', Renewal_Days__c: 90 };
    const account = (date: string | null) => ({ Name: 'Acme', Renewal_Date__c: date });
    // 2026-12-01 to 2027-01-30: 30 (rest of December) + 30 = 60 days.
    expect(one(renewal, signals({ account: account('2027-01-30'), band: WATCH })).facts[0].text).toBe(
      'Renewal in 60 days with health Watch'
    );
    expect(one(renewal, signals({ account: account(TODAY), band: AT_RISK })).facts[0].text).toBe(
      'Renewal in 0 days with health At Risk'
    );
    // 2027-03-01 is 90 days away (30 + 31 + 28 + 1): still inside; 2027-03-02 is 91: outside.
    expect(one(renewal, signals({ account: account('2027-03-01'), band: WATCH })).fired).toBe(true);
    expect(one(renewal, signals({ account: account('2027-03-02'), band: WATCH })).fired).toBe(false);
    expect(one(renewal, signals({ account: account('2027-01-30'), band: HEALTHY })).fired).toBe(false);
    expect(one(renewal, signals({ account: account('2027-01-30'), band: null })).fired).toBe(false);
    expect(one(renewal, signals({ account: account('2026-11-30'), band: AT_RISK })).fired).toBe(false);
    expect(one(renewal, signals({ account: account(null), band: AT_RISK })).fired).toBe(false);
  });

  it('skips inactive playbooks and keeps the sort order', () => {
    const results = evaluatePlaybooks(
      signals({ sentiment: 'Red', band: AT_RISK }),
      [
        { DeveloperName: 'B', Trigger__c: 'Sentiment Red', Sort_Order__c: 2 },
        { DeveloperName: 'Off', Trigger__c: 'Sentiment Red', Active__c: false },
        { DeveloperName: 'A', Trigger__c: 'Health Band', Band__c: 'At_Risk', Sort_Order__c: 1 },
        { DeveloperName: 'C', Trigger__c: 'Sentiment Red', Active__c: true }
      ],
      BANDS,
      TODAY
    );
    expect(results.map((r) => [r.playbook, r.fired])).toEqual([
      ['C', true],
      ['A', true],
      ['B', true]
    ]);
  });

  it('names the playbook and the field when the configuration cannot be read', () => {
    const check = (playbook: PlaybookConfig, message: string) => {
      expect(() => one(playbook, signals())).toThrow(PlaybookConfigError);
      expect(() => one(playbook, signals())).toThrow(message);
    };
    check({ DeveloperName: 'X' }, 'Playbook X: Trigger__c "" is not one of Health Band, Goal Overdue');
    check({ DeveloperName: 'X', Trigger__c: 'Churn' }, 'Trigger__c "Churn" is not one of');
    check({ DeveloperName: 'X', Trigger__c: 'Health Band' }, 'Playbook X: Band__c "" is not a health band');
    check({ DeveloperName: 'X', Trigger__c: 'Health Band', Band__c: 'Gold' }, 'Band__c "Gold" is not a health band');
    check(
      { DeveloperName: 'X', Trigger__c: 'Customer Risk' },
      'Minimum_Rating__c "" is not Low, Medium, High or Critical'
    );
    check(
      { DeveloperName: 'X', Trigger__c: 'Customer Risk', Minimum_Rating__c: 'Severe' },
      'Minimum_Rating__c "Severe" is not'
    );
    check({ DeveloperName: 'X', Trigger__c: 'Renewal', Band__c: 'Watch' }, 'Renewal_Days__c must be 0 or more');
    check(
      { DeveloperName: 'X', Trigger__c: 'Renewal', Band__c: 'Watch', Renewal_Days__c: -1 },
      'Renewal_Days__c must be 0 or more'
    );
  });
});

describe('play steps', () => {
  const roles = [
    {
      Name: 'Adoption CSM (Zoe)',
      Lifecycle_Stage__c: 'Adoption' as const,
      RACI__c: 'Responsible' as const,
      Person__c: 'u-zoe'
    },
    {
      Name: 'Adoption CSM (Ann)',
      Lifecycle_Stage__c: 'Adoption' as const,
      RACI__c: 'Responsible' as const,
      Person__c: 'u-ann'
    },
    {
      Name: 'Adoption lead',
      Lifecycle_Stage__c: 'Adoption' as const,
      RACI__c: 'Accountable' as const,
      Person__c: null
    },
    { Lifecycle_Stage__c: 'Onboarding' as const, RACI__c: 'Accountable' as const, Person__c: 'u-onb' },
    { Lifecycle_Stage__c: 'Onboarding' as const, RACI__c: 'Accountable' as const, Person__c: 'u-onb2' }
  ];
  const steps: PlaybookStepConfig[] = [
    {
      DeveloperName: 'Escalate',
      Playbook__c: 'P',
      Step_Number__c: 2,
      Subject__c: 'Escalate to the sponsor',
      Days_After_Start__c: 7,
      Owner_Role__c: 'Accountable'
    },
    {
      DeveloperName: 'Call',
      Playbook__c: 'P',
      Step_Number__c: 1,
      Subject__c: 'Call the customer',
      Days_After_Start__c: 0,
      Owner_Role__c: 'Responsible'
    },
    { DeveloperName: 'Other', Playbook__c: 'Q', Step_Number__c: 1, Subject__c: 'Not this playbook' }
  ];

  it('dates each step from the start and gives it to the role holder, else the account owner, saying why', () => {
    const plan = planSteps('P', steps, { Lifecycle_Stage__c: 'Adoption', OwnerId: 'u-owner' }, roles, TODAY);
    expect(plan).toEqual([
      // Two Responsible holders: the first by name (Ann before Zoe) owns it.
      {
        stepNumber: 1,
        subject: 'Call the customer',
        due: '2026-12-01',
        ownerId: 'u-ann',
        ownerSource: 'role',
        fallback: null
      },
      {
        stepNumber: 2,
        subject: 'Escalate to the sponsor',
        due: '2026-12-08',
        ownerId: 'u-owner',
        ownerSource: 'accountOwner',
        fallback: expect.objectContaining({
          text: 'Nobody holds Accountable for Adoption in the Active charter: assigned to the account owner'
        })
      }
    ]);
  });

  it('defaults: Responsible, day 0, list order, the developer name as subject; no stage means the owner', () => {
    const bare: PlaybookStepConfig[] = [
      { DeveloperName: 'Check_In', Playbook__c: 'P' },
      { DeveloperName: 'Review', Playbook__c: 'P', Days_After_Start__c: 2.6 }
    ];
    const plan = planSteps('P', bare, { OwnerId: null }, roles, '2026-12-31');
    expect(plan.map((step) => [step.stepNumber, step.subject, step.due, step.ownerId, step.fallback?.text])).toEqual([
      [
        1,
        'Check_In',
        '2026-12-31',
        null,
        'Nobody holds Responsible in the Active charter: assigned to the account owner'
      ],
      [2, 'Review', '2027-01-03', null, 'Nobody holds Responsible in the Active charter: assigned to the account owner']
    ]);
    // Unnamed roles sort as blank: the first listed Onboarding Accountable holds it.
    const onboarding = planSteps(
      'P',
      [{ DeveloperName: 'S', Playbook__c: 'P', Owner_Role__c: 'Accountable' }],
      { Lifecycle_Stage__c: 'Onboarding' },
      roles,
      TODAY
    );
    expect(onboarding[0].ownerId).toBe('u-onb');
  });

  it('keys a play by account, playbook and start date', () => {
    expect(playKey('ACME', 'Health_Falls', TODAY)).toBe('ACME:Health_Falls:2026-12-01');
  });
});

describe('reconciling plays', () => {
  const fired = (playbook: string, text: string): TriggerResult => ({
    playbook,
    fired: true,
    facts: [{ code: 'playSentimentRed', text }]
  });
  const quiet = (playbook: string): TriggerResult => ({ playbook, fired: false, facts: [] });

  it('opens one play per playbook, updates an open one, never duplicates, and closes a cleared one', () => {
    const open: PlayRecord[] = [
      { Playbook__c: 'Same', Status__c: 'Open', Source__c: 'Trigger', Trigger_Facts__c: 'a' },
      { Playbook__c: 'Changed', Status__c: 'Open', Source__c: 'Trigger', Trigger_Facts__c: 'old' },
      { Playbook__c: 'Cleared', Status__c: 'Open', Source__c: 'Trigger', Opened_On__c: '2026-11-11' },
      { Playbook__c: 'Hand', Status__c: 'Open', Source__c: 'Manual', Trigger_Facts__c: 'x' },
      { Playbook__c: 'HandQuiet', Status__c: 'Open', Source__c: 'Manual' },
      { Playbook__c: 'Undated', Status__c: 'Open' },
      { Playbook__c: 'New', Status__c: 'Closed' }
    ];
    const decisions = reconcilePlays(
      [
        fired('New', 'n'),
        fired('Same', 'a'),
        fired('Changed', 'new'),
        quiet('Cleared'),
        fired('Hand', 'y'),
        quiet('HandQuiet'),
        quiet('Undated'),
        quiet('Never')
      ],
      open,
      TODAY
    );
    expect(decisions).toEqual([
      { playbook: 'New', action: 'open', facts: 'n', daysToClear: null },
      { playbook: 'Same', action: 'keep', facts: 'a', daysToClear: null },
      { playbook: 'Changed', action: 'update', facts: 'new', daysToClear: null },
      // 2026-11-11 to 2026-12-01: 20 days.
      { playbook: 'Cleared', action: 'close', facts: '', daysToClear: 20 },
      { playbook: 'Hand', action: 'keep', facts: 'y', daysToClear: null },
      { playbook: 'Undated', action: 'close', facts: '', daysToClear: null }
    ]);
  });

  it('an open play with no stored facts is updated when the trigger has some', () => {
    const decisions = reconcilePlays([fired('P', 'why')], [{ Playbook__c: 'P', Status__c: 'Open' }], TODAY);
    expect(decisions[0].action).toBe('update');
  });
});

describe('playbook effectiveness', () => {
  it('counts plays started and closed in the period and how often the trigger cleared within 30 days', () => {
    const plays: PlayRecord[] = [
      // Started in the period, cleared after 15 days: judged and cleared.
      {
        Playbook__c: 'A',
        Opened_On__c: '2026-09-10',
        Closed_On__c: '2026-09-25',
        Status__c: 'Closed',
        Days_To_Clear__c: 15
      },
      // Started 2026-09-15, still open, 76 days before the period's end: judged, not cleared.
      { Playbook__c: 'A', Opened_On__c: '2026-09-15', Status__c: 'Open' },
      // Started 10 days before the end: too young to judge.
      { Playbook__c: 'A', Opened_On__c: '2026-11-20', Status__c: 'Open' },
      // Started before the period: only its close counts.
      {
        Playbook__c: 'A',
        Opened_On__c: '2026-08-01',
        Closed_On__c: '2026-09-05',
        Status__c: 'Closed',
        Days_To_Clear__c: 35
      },
      // Cleared after 45 days: judged, not inside the window.
      {
        Playbook__c: 'A',
        Opened_On__c: '2026-10-01',
        Closed_On__c: '2026-11-15',
        Status__c: 'Closed',
        Days_To_Clear__c: 45
      },
      // Closed by hand after the period ends.
      { Playbook__c: 'A', Opened_On__c: '2026-10-05', Closed_On__c: '2026-12-01', Status__c: 'Closed' },
      { Playbook__c: 'Other', Opened_On__c: '2026-10-01' }
    ];
    const figures = playbookEffectiveness(
      plays,
      [{ DeveloperName: 'A' }, { DeveloperName: 'B' }],
      '2026-09-01',
      '2026-11-30'
    );
    // Started in the period: 09-10, 09-15, 11-20, 10-01, 10-05 = 5. Closed in it: 09-25, 09-05, 11-15 = 3.
    // Judged: 09-10 (cleared), 09-15, 10-01, 10-05 (window over) = 4; cleared in the window: 1; 1 / 4 = 25%.
    expect(figures).toEqual([
      { playbook: 'A', opened: 5, closed: 3, clearedInWindow: 1, judged: 4, clearRate: 25 },
      { playbook: 'B', opened: 0, closed: 0, clearedInWindow: 0, judged: 0, clearRate: null }
    ]);
  });

  it('rounds the clear rate to one decimal', () => {
    const plays: PlayRecord[] = [
      { Playbook__c: 'A', Opened_On__c: '2026-09-01', Days_To_Clear__c: 30 },
      { Playbook__c: 'A', Opened_On__c: '2026-09-02' },
      { Playbook__c: 'A', Opened_On__c: '2026-09-03' }
    ];
    // 1 of 3 judged = 33.3%; a trigger that cleared on day 30 is inside the window.
    expect(playbookEffectiveness(plays, [{ DeveloperName: 'A' }], '2026-09-01', '2026-11-30')[0].clearRate).toBe(33.3);
  });
});
