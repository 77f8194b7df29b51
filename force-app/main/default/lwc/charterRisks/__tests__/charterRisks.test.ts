import CharterRisks from 'c/charterRisks';
import { flushPromises, mount, one, resetDom } from 'jest-helpers/dom';
import { expectNoWriteActions, requestAddAndEdit } from 'jest-helpers/access';
import { view, workspace } from '../../charterWorkspace/__tests__/data/fixtures';

function props() {
  const v = view();
  const data = workspace();
  return {
    threats: v.threats,
    enablers: v.enablers,
    heatMap: v.heatMap,
    riskAccounts: data.riskAccounts,
    riskAccountCounts: data.riskAccountCounts
  };
}

describe('c-charter-risks', () => {
  afterEach(resetDom);

  it('offers a user who may not write no Add and no Edit, and stays accessible', async () => {
    await expectNoWriteActions(mount('c-charter-risks', CharterRisks, { ...props() }));
  });

  it('shows the heat map, the whole register and the enablers apart', async () => {
    const element = mount('c-charter-risks', CharterRisks, { canCreate: true, canEdit: true, ...props() });
    await flushPromises();
    expect(one(element, 'c-charter-risk-register').risks).toHaveLength(3);
    expect(one(element, '.enablers').textContent).toContain('Engaged executive sponsor');
    expect(one(element, '.enablers').textContent).toContain('The CEO sponsors the charter.');
    expect(one(element, '.show-all')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('filters the register by the heat map cell, and shows all again', async () => {
    const element = mount('c-charter-risks', CharterRisks, { canCreate: true, canEdit: true, ...props() });
    await flushPromises();
    const map = one(element, 'c-charter-risk-heat-map');
    map.dispatchEvent(new CustomEvent('cellselect', { detail: { row: 1, column: 2 } }));
    await flushPromises();
    const register = one(element, 'c-charter-risk-register');
    expect(register.risks.map((r: any) => r.Name)).toEqual(['Poor product adoption']);
    expect(map.selected).toEqual({ row: 1, column: 2 });
    await expect(element).toBeAccessible();
    one(element, 'lightning-button.show-all').click();
    await flushPromises();
    expect(one(element, 'c-charter-risk-register').risks).toHaveLength(3);
    expect(map.selected).toBeNull();
  });

  it('asks to add a risk, edit an enabler, and passes on the register requests', async () => {
    const element = mount('c-charter-risks', CharterRisks, { canCreate: true, canEdit: true, ...props() });
    const requests = await requestAddAndEdit(element, '.enabler button.edit');
    one(element, 'c-charter-risk-register').dispatchEvent(
      new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Risk__c', recordId: 'a04000000000002AAA' } })
    );
    expect(requests).toEqual([
      { objectApiName: 'Charter_Risk__c', recordId: undefined },
      { objectApiName: 'Charter_Risk__c', recordId: 'a04000000000004AAA' },
      { objectApiName: 'Charter_Risk__c', recordId: 'a04000000000002AAA' }
    ]);
  });

  it('says when there are no enablers, and filters risks without ids by position', async () => {
    const element = mount('c-charter-risks', CharterRisks, {
      canCreate: true,
      canEdit: true,
      threats: [{ Likelihood__c: 1, Impact__c: 1 }],
      enablers: [],
      heatMap: {
        cells: Array.from({ length: 5 }, (_row, r) =>
          Array.from({ length: 5 }, (_cell, c) => (r === 4 && c === 0 ? ['0'] : []))
        ),
        unplaced: 0
      }
    });
    await flushPromises();
    expect(one(element, '.no-enablers').textContent).toBe('c.Workspace_NoEnablers');
    one(element, 'c-charter-risk-heat-map').dispatchEvent(
      new CustomEvent('cellselect', { detail: { row: 4, column: 0 } })
    );
    await flushPromises();
    expect(one(element, 'c-charter-risk-register').risks).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('shows every threat when a cell is chosen before the heat map arrives', async () => {
    const element = mount('c-charter-risks', CharterRisks, {
      canCreate: true,
      canEdit: true,
      threats: [{ Name: 'A' }],
      enablers: []
    });
    await flushPromises();
    one(element, 'c-charter-risk-heat-map').dispatchEvent(
      new CustomEvent('cellselect', { detail: { row: 0, column: 0 } })
    );
    await flushPromises();
    expect(one(element, 'c-charter-risk-register').risks).toHaveLength(1);
  });
});
