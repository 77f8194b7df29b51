import CharterObjectives from 'c/charterObjectives';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

const one = (element: HTMLElement, selector: string) => shadow(element).querySelector(selector) as any;

describe('c-charter-objectives', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    const element = mount('c-charter-objectives', CharterObjectives, { metrics: view().objectives });
    await flushPromises();
    const root = shadow(element);
    expect(root.querySelectorAll('.add, .edit')).toHaveLength(0);
    await expect(element).toBeAccessible();
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

  it('asks for a new objective and for editing one', async () => {
    const element = mount('c-charter-objectives', CharterObjectives, {
      canCreate: true,
      canEdit: true,
      metrics: view().objectives
    });
    const requests: unknown[] = [];
    element.addEventListener('recordrequest', (event) => requests.push((event as CustomEvent).detail));
    await flushPromises();
    one(element, 'lightning-button.add').click();
    one(element, 'button.edit').click();
    expect(requests).toEqual([
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
