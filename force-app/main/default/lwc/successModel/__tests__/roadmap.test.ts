import { milestoneState, roadmapByMonth, type CharterMilestone } from 'c/successModel';

const TODAY = '2025-06-30';

describe('roadmap', () => {
  it('gives each milestone a state from its status and due date', () => {
    const m = (rest: CharterMilestone): CharterMilestone => ({ Status__c: 'Planned', ...rest });
    expect(milestoneState(m({ Status__c: 'Done', Due_Date__c: '2020-01-01' }), TODAY)).toBe('done');
    expect(milestoneState(m({ Status__c: 'Cancelled' }), TODAY)).toBe('cancelled');
    expect(milestoneState(m({ Due_Date__c: '2025-06-29' }), TODAY)).toBe('overdue');
    expect(milestoneState(m({ Due_Date__c: TODAY }), TODAY)).toBe('dueSoon');
    expect(milestoneState(m({ Due_Date__c: '2025-07-14' }), TODAY)).toBe('dueSoon');
    expect(milestoneState(m({ Due_Date__c: '2025-07-15' }), TODAY)).toBe('onTrack');
    expect(milestoneState(m({ Due_Date__c: '2025-07-15' }), TODAY, 30)).toBe('dueSoon');
    expect(milestoneState(m({ Status__c: 'In Progress', Start_Date__c: '2025-06-01' }), TODAY)).toBe('overdue');
    expect(milestoneState(m({}), TODAY)).toBe('unscheduled');
  });

  it('groups by month in date order, undated items last', () => {
    const months = roadmapByMonth(
      [
        { Name: 'Webinar', Due_Date__c: '2025-08-20' },
        { Name: 'Town hall', Start_Date__c: '2025-07-02' },
        { Name: 'Newsletter' },
        { Name: 'Kick-off', Due_Date__c: '2025-07-01', Status__c: 'Done' },
        { Name: 'Charter email', Due_Date__c: '2025-07-01' },
        { Name: 'Backlog idea' },
        { Due_Date__c: '2025-08-20' },
        { Name: 'Aardvark', Due_Date__c: '2025-08-20' }
      ],
      TODAY
    );
    expect(months.map((month) => [month.month, month.items.map((item) => item.milestone.Name ?? '(unnamed)')])).toEqual(
      [
        ['2025-07', ['Charter email', 'Kick-off', 'Town hall']],
        ['2025-08', ['(unnamed)', 'Aardvark', 'Webinar']],
        [null, ['Backlog idea', 'Newsletter']]
      ]
    );
    expect(months[0].items[1]).toMatchObject({ state: 'done', date: '2025-07-01' });
    expect(months[0].items[2]).toMatchObject({ state: 'dueSoon', date: '2025-07-02' });
    expect(months[2].items[0]).toMatchObject({ state: 'unscheduled', date: null });
  });

  it('returns no months for no milestones', () => {
    expect(roadmapByMonth([], TODAY)).toEqual([]);
  });
});
