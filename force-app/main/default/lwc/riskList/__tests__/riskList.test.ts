import RiskList from 'c/riskList';
import { openRisksByScore } from 'c/successModel';
import { flushPromises, mountRendered, shadow } from 'jest-helpers/dom';
import type { PanelRisk } from '../../accountSuccessPanel/panelTypes';

const RISKS: PanelRisk[] = [
  {
    Id: 'r1',
    Name: 'Champion leaving',
    Likelihood__c: 3,
    Impact__c: 4,
    Status__c: 'Open',
    Mitigation__c: 'Second champion',
    Owner__r: { Name: 'Dana' }
  },
  {
    Id: 'r2',
    Charter_Risk__r: { Name: 'Low adoption', Category__c: 'Adoption' },
    Likelihood__c: 5,
    Impact__c: 5,
    Status__c: 'Open'
  },
  { Id: 'r3', Name: 'Unscored', Status__c: 'Monitoring' }
];

describe('c-risk-list', () => {
  it('lists open risks by score with mitigation, owner and register category', async () => {
    const element = await mountRendered('c-risk-list', RiskList, { risks: openRisksByScore(RISKS) });
    const root = shadow(element);
    expect([...root.querySelectorAll('.name')].map((n) => n.textContent)).toEqual([
      'Low adoption',
      'Champion leaving',
      'Unscored'
    ]);
    const badges = [...root.querySelectorAll('.slds-badge.score')];
    expect(badges.map((b) => b.textContent)).toEqual([
      'c.Panel_RiskScore',
      'c.Panel_RiskScore',
      'c.Panel_RiskUnscored'
    ]);
    expect(badges[0].className).toContain('slds-theme_error');
    expect(root.querySelector('.category')?.textContent).toBe('Adoption');
    expect([...root.querySelectorAll('.mitigation')].map((m) => m.textContent)).toEqual([
      'c.Panel_None',
      'Second champion',
      'c.Panel_None'
    ]);
    expect([...root.querySelectorAll('.owner')].map((m) => m.textContent)).toEqual([
      'c.Panel_None',
      'Dana',
      'c.Panel_None'
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows the ten highest-scored risks and the rest behind an expander', async () => {
    const many: PanelRisk[] = Array.from({ length: 12 }, (_, i) => ({
      Id: `r${i}`,
      Name: `Risk ${String(i).padStart(2, '0')}`,
      Likelihood__c: 5 - Math.floor(i / 3),
      Impact__c: 5,
      Status__c: 'Open'
    }));
    const element = await mountRendered('c-risk-list', RiskList, { risks: openRisksByScore(many) });
    const root = shadow(element);
    expect(root.querySelectorAll('li.risk')).toHaveLength(10);
    expect(root.querySelector('li.risk .name')?.textContent).toBe('Risk 00');
    const toggle = shadow(root.querySelector('c-show-more')!).querySelector('button.show-all') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(
      shadow(root.querySelector('c-show-more')!).querySelector('div.list')?.getAttribute('id')
    );
    expect(toggle.textContent?.trim()).toBe('c.Panel_ShowAllRisks');
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect([...root.querySelectorAll('li.risk .name')].map((n) => n.textContent)).toEqual(
      many.map((risk) => risk.Name)
    );
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('c.Panel_ShowFewerRisks');
    await expect(element).toBeAccessible();
    toggle.click();
    await flushPromises();
    expect(root.querySelectorAll('li.risk')).toHaveLength(10);
  });

  it('says there are no open risks', async () => {
    const element = await mountRendered('c-risk-list', RiskList, { risks: [] });
    expect(shadow(element).querySelector('c-show-more')).toBeNull();
    expect(shadow(element).querySelector('.no-risks')?.textContent).toBe('c.Panel_NoRisks');
    await expect(element).toBeAccessible();
  });

  it('says how many open risks the account has when the view-model holds only the highest-scored', async () => {
    const element = await mountRendered('c-risk-list', RiskList, { risks: openRisksByScore(RISKS), total: 80 });
    expect(shadow(element).querySelector('p.cut')?.textContent?.trim()).toBe('c.Panel_RisksCut');
    await expect(element).toBeAccessible();
    const complete = await mountRendered('c-risk-list', RiskList, { risks: openRisksByScore(RISKS), total: 3 });
    expect(shadow(complete).querySelector('p.cut')).toBeNull();
  });
});
