import {
  accountTimeToFirstValue,
  goalProgress,
  goalTimeliness,
  measureProgress,
  timeToFirstValueByAccount,
  timeToValue,
  type CustomerGoal
} from 'c/successModel';

const TODAY = '2025-06-30';

describe('goal progress', () => {
  it('measures higher-is-better goals from baseline towards target', () => {
    const goal: CustomerGoal = {
      Baseline__c: 20,
      Target__c: 80,
      Current_Value__c: 50,
      Direction__c: 'Higher is better'
    };
    expect(goalProgress(goal)).toEqual({ percent: 50, reason: null });
    expect(goalProgress({ ...goal, Current_Value__c: 40 }).percent).toBe(33.3);
  });

  it('measures lower-is-better goals (e.g. days to onboard from 90 down to 30)', () => {
    const goal: CustomerGoal = {
      Baseline__c: 90,
      Target__c: 30,
      Current_Value__c: 45,
      Direction__c: 'Lower is better'
    };
    expect(goalProgress(goal).percent).toBe(75);
  });

  it('clamps to 0-100 when the current value overshoots or regresses', () => {
    const higher: CustomerGoal = { Baseline__c: 0, Target__c: 10, Direction__c: 'Higher is better' };
    expect(goalProgress({ ...higher, Current_Value__c: 15 }).percent).toBe(100);
    expect(goalProgress({ ...higher, Current_Value__c: -5 }).percent).toBe(0);
    const lower: CustomerGoal = { Baseline__c: 10, Target__c: 0, Direction__c: 'Lower is better' };
    expect(goalProgress({ ...lower, Current_Value__c: -3 }).percent).toBe(100);
    expect(goalProgress({ ...lower, Current_Value__c: 12 }).percent).toBe(0);
  });

  it('counts an Achieved goal as 100% whatever its numbers say, even with none', () => {
    expect(goalProgress({ Status__c: 'Achieved' })).toEqual({ percent: 100, reason: null });
    expect(goalProgress({ Status__c: 'Achieved', Baseline__c: 0, Target__c: 10, Current_Value__c: 2 }).percent).toBe(
      100
    );
  });

  it('says unknown, not 0, when an input is missing', () => {
    expect(goalProgress({ Target__c: 10, Current_Value__c: 5 })).toEqual({ percent: null, reason: 'missingBaseline' });
    expect(goalProgress({ Baseline__c: 0, Current_Value__c: 5 })).toEqual({ percent: null, reason: 'missingTarget' });
    expect(goalProgress({ Baseline__c: 0, Target__c: 10, Current_Value__c: null })).toEqual({
      percent: null,
      reason: 'missingCurrent'
    });
    expect(goalProgress({ Baseline__c: NaN, Target__c: 10, Current_Value__c: 5 }).reason).toBe('missingBaseline');
  });

  it('says unknown when the target is on the wrong side of the baseline for the direction', () => {
    expect(
      goalProgress({ Baseline__c: 10, Target__c: 5, Current_Value__c: 7, Direction__c: 'Higher is better' })
    ).toEqual({ percent: null, reason: 'targetNotAnImprovement' });
  });

  it('infers the direction from the target when none is set', () => {
    expect(goalProgress({ Baseline__c: 10, Target__c: 20, Current_Value__c: 15 }).percent).toBe(50);
    expect(goalProgress({ Baseline__c: 20, Target__c: 10, Current_Value__c: 12 }).percent).toBe(80);
  });

  it('treats a target equal to the baseline as met or not', () => {
    const hold: CustomerGoal = { Baseline__c: 99, Target__c: 99, Direction__c: 'Higher is better' };
    expect(goalProgress({ ...hold, Current_Value__c: 99.5 }).percent).toBe(100);
    expect(goalProgress({ ...hold, Current_Value__c: 98 }).percent).toBe(0);
    const cap: CustomerGoal = { Baseline__c: 5, Target__c: 5, Direction__c: 'Lower is better' };
    expect(goalProgress({ ...cap, Current_Value__c: 4 }).percent).toBe(100);
    expect(goalProgress({ ...cap, Current_Value__c: 6 }).percent).toBe(0);
  });

  it('measures objectives with the same rule', () => {
    expect(measureProgress({ Baseline__c: 0, Target__c: 200, Current_Value__c: 50 }).percent).toBe(25);
  });
});

describe('goal timeliness', () => {
  const open = (target: string | null): CustomerGoal => ({ Status__c: 'On Track', Target_Date__c: target });

  it('places open goals as on track, due soon (within 14 days, the due day included) or overdue', () => {
    expect(goalTimeliness(open('2025-08-01'), TODAY)).toBe('onTrack');
    expect(goalTimeliness(open('2025-07-14'), TODAY)).toBe('dueSoon');
    expect(goalTimeliness(open('2025-07-15'), TODAY)).toBe('onTrack');
    expect(goalTimeliness(open(TODAY), TODAY)).toBe('dueSoon');
    expect(goalTimeliness(open('2025-06-29'), TODAY)).toBe('overdue');
  });

  it('takes a custom due-soon window', () => {
    expect(goalTimeliness(open('2025-07-20'), TODAY, 30)).toBe('dueSoon');
  });

  it('reports closed states and goals with no date', () => {
    expect(goalTimeliness({ Status__c: 'Achieved', Target_Date__c: '2020-01-01' }, TODAY)).toBe('achieved');
    expect(goalTimeliness({ Status__c: 'Missed' }, TODAY)).toBe('missed');
    expect(goalTimeliness({ Status__c: 'Cancelled', Target_Date__c: '2020-01-01' }, TODAY)).toBe('cancelled');
    expect(goalTimeliness(open(null), TODAY)).toBe('unscheduled');
    expect(goalTimeliness({ Target_Date__c: '2025-01-01' }, TODAY)).toBe('overdue');
  });

  it('refuses a missing today rather than reading the clock', () => {
    expect(() => goalTimeliness(open('2025-08-01'), '')).toThrow(RangeError);
  });
});

describe('time to value', () => {
  it('counts days from start to achieved for achieved goals only', () => {
    expect(timeToValue({ Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-03-02' })).toBe(
      60
    );
    expect(timeToValue({ Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-01-01' })).toBe(0);
    expect(
      timeToValue({ Status__c: 'On Track', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-03-02' })
    ).toBeNull();
  });

  it('is null when a date is missing or reversed', () => {
    expect(timeToValue({ Status__c: 'Achieved', Achieved_Date__c: '2025-03-02' })).toBeNull();
    expect(
      timeToValue({ Status__c: 'Achieved', Start_Date__c: '2025-04-01', Achieved_Date__c: '2025-03-02' })
    ).toBeNull();
  });

  it('per account: the time to value of the first achieved goal, whatever older goals are still open', () => {
    const goals: CustomerGoal[] = [
      { Status__c: 'On Track', Start_Date__c: '2024-06-10' },
      { Status__c: 'Achieved', Start_Date__c: '2025-02-01', Achieved_Date__c: '2025-04-01' },
      { Status__c: 'Achieved', Start_Date__c: '2025-01-20', Achieved_Date__c: '2025-03-01' },
      { Status__c: 'Cancelled', Start_Date__c: '2024-01-01' },
      { Status__c: 'Not Started' }
    ];
    // first achieved on 1 March: 20 Jan to 1 Mar = 11 + 28 + 1 = 40 days (not 10 Jun 2024 to 1 Mar 2025)
    expect(accountTimeToFirstValue(goals)).toBe(40);
    // two goals achieved the same day: the quicker one
    const tie: CustomerGoal[] = [
      { Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-03-01' },
      { Status__c: 'Achieved', Start_Date__c: '2025-02-01', Achieved_Date__c: '2025-03-01' }
    ];
    expect(accountTimeToFirstValue(tie)).toBe(28);
  });

  it('per account: null before any achievement or without a start', () => {
    expect(accountTimeToFirstValue([{ Status__c: 'On Track', Start_Date__c: '2025-01-10' }])).toBeNull();
    expect(accountTimeToFirstValue([{ Status__c: 'Achieved', Achieved_Date__c: '2025-01-10' }])).toBeNull();
    expect(accountTimeToFirstValue([])).toBeNull();
    expect(
      accountTimeToFirstValue([{ Status__c: 'Achieved', Start_Date__c: '2025-02-01', Achieved_Date__c: '2025-01-01' }])
    ).toBeNull();
  });

  it('across a book, keyed by account, ignoring goals with no account', () => {
    const result = timeToFirstValueByAccount([
      { Account__c: 'A', Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-01-31' },
      { Account__c: 'A', Status__c: 'On Track', Start_Date__c: '2024-12-22' },
      { Account__c: 'B', Status__c: 'On Track', Start_Date__c: '2025-01-01' },
      { Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-01-02' }
    ]);
    // A: its achieved goal took 1 Jan to 31 Jan = 30 days; the open goal started earlier does not count
    expect([...result.entries()]).toEqual([
      ['A', 30],
      ['B', null]
    ]);
  });
});
