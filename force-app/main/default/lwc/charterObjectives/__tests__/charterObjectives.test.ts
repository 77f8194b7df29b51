import CharterObjectives from 'c/charterObjectives';
import { flushPromises, mount, one, resetDom, shadow } from 'jest-helpers/dom';
import { expectNoWriteActions, requestAddAndEdit } from 'jest-helpers/access';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

describe('c-charter-objectives', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    await expectNoWriteActions(mount('c-charter-objectives', CharterObjectives, { metrics: view().objectives }));
  });

  it('shows baseline, current, target and progress, marking computed values', async () => {
    const element = mount('c-charter-objectives', CharterObjectives, {
      canCreate: true,
      canEdit: true,
      metrics: view().objectives
    });
    await flushPromises();
    const rows = [...shadow(element).querySelectorAll('tr.objective')] as HTMLElement[];
    expect(rows.map((row) => row.querySelector('.name')!.textContent)).toEqual([
      'Raise goal achievement',
      'Faster time to value',
      'Executive briefings held',
      'Net promoter score'
    ]);
    expect(rows[0].querySelector('.current')!.textContent).toContain('78.8');
    expect(rows[0].querySelector('.computed')).not.toBeNull();
    expect(rows[0].querySelector('.percent')!.textContent).toBe('97%');
    expect(rows[2].querySelector('.computed')).toBeNull();
    expect(rows[2].querySelector('.percent')!.textContent).toBe('25%');
    expect(rows[3].querySelector('.no-progress')!.textContent).toBe('c.Workspace_NotAvailable');
    await expect(element).toBeAccessible();
  });

  it('says when an objective reads the whole book, and writes values in their unit', async () => {
    const [linked, ...rest] = view().objectives;
    const metrics = [
      { ...linked, scope: 'allGoals' as const },
      ...rest.map((metric) => ({ ...metric, scope: 'linkedGoals' as const })),
      {
        ...linked,
        scope: 'opportunities' as const,
        value: 150000,
        objective: { ...linked.objective, Id: 'a01000000000009AAA', Unit__c: 'USD', Baseline__c: 0, Target__c: 300000 }
      }
    ];
    const element = mount('c-charter-objectives', CharterObjectives, { metrics });
    await flushPromises();
    const rows = [...shadow(element).querySelectorAll('tr.objective')] as HTMLElement[];
    expect(rows.map((row) => row.querySelector('.whole-book')?.textContent ?? null)).toEqual([
      'c.Workspace_WholeBook',
      null,
      null,
      null,
      null
    ]);
    const money = rows[4];
    expect(money.querySelector('.baseline')!.textContent).toBe('$0');
    expect(money.querySelector('.current')!.textContent).toContain('$150,000');
    expect(money.querySelector('.target')!.textContent).toBe('$300,000');
    await expect(element).toBeAccessible();
  });

  it('asks for a new objective and for editing one', async () => {
    const element = mount('c-charter-objectives', CharterObjectives, {
      canCreate: true,
      canEdit: true,
      metrics: view().objectives
    });
    expect(await requestAddAndEdit(element)).toEqual([
      { objectApiName: 'Charter_Objective__c', recordId: undefined },
      { objectApiName: 'Charter_Objective__c', recordId: 'a01000000000001AAA' }
    ]);
  });

  it('shows the empty state without objectives', async () => {
    const element = mount('c-charter-objectives', CharterObjectives, { canCreate: true, canEdit: true, metrics: [] });
    await flushPromises();
    expect(one(element, '.empty').textContent).toBe('c.Workspace_NoObjectives');
    expect(one(element, 'table')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('keys rows without an id by position and shows blanks for missing fields', async () => {
    const metrics = [
      {
        objective: {},
        metricType: null,
        computed: false,
        value: null,
        scope: 'manual',
        progress: { percent: null, reason: 'missingBaseline' }
      }
    ];
    const element = mount('c-charter-objectives', CharterObjectives, { canCreate: true, canEdit: true, metrics });
    await flushPromises();
    expect(shadow(element).querySelectorAll('tr.objective')).toHaveLength(1);
    expect(one(element, '.name').textContent).toBe('');
  });
});
