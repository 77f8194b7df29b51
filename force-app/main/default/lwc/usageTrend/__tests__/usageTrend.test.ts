// Figures worked out by hand from docs/metrics.md (Product usage). Today Tuesday 1 December 2026: the last four
// complete weeks start 2, 9, 16 and 23 November, the four before them 5, 12, 19 and 26 October; the chart shows the
// twelve complete weeks from 7 September.
import UsageTrend from 'c/usageTrend';
import { usageAdoption, type KeyFeatureConfig } from 'c/successModel';
import { mountRendered, shadow, tableRows } from 'jest-helpers/dom';
import { usageExample, week } from '../../successModel/__tests__/data/usage';

jest.mock('@salesforce/label/c.Usage_ChartUtilisation', () => ({ default: 'Seats active each week, last {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Usage_ChartActiveUsers', () => ({ default: 'Active users each week, last {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Usage_BarText', () => ({ default: 'Week of {0}: {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Usage_NoRollup', () => ({ default: 'No usage loaded' }), { virtual: true });
jest.mock('@salesforce/label/c.Usage_FeaturesUsed', () => ({ default: 'Key features used' }), { virtual: true });
jest.mock('@salesforce/label/c.Usage_FeaturesUnused', () => ({ default: 'Not used yet' }), { virtual: true });

const TODAY = '2026-12-01';
const FEATURES: KeyFeatureConfig[] = [
  { DeveloperName: 'Dashboards', MasterLabel: 'Dashboards', Weight__c: 25, Sort_Order__c: 1 },
  { DeveloperName: 'Reports', MasterLabel: 'Reports', Weight__c: 25, Sort_Order__c: 2 },
  { DeveloperName: 'Automation', MasterLabel: 'Automation', Weight__c: 50, Sort_Order__c: 3 }
];
// Before: 40, 38, 39, 37 of 50 (average 38.5: 77%). Last four: 36, 34, 33, 32 of 50 (average 33.75: 67.5%).
const USAGE = usageExample(['Dashboards', null, 'Reports', null]);

function render(usage = USAGE, features = FEATURES) {
  return mountRendered('c-usage-trend', UsageTrend, {
    adoption: usageAdoption(usage, features, TODAY),
    keyFeatures: features
  });
}
const texts = (element: Element, selector: string) =>
  [...shadow(element).querySelectorAll(selector)].map((node) => (node.textContent ?? '').trim());

describe('c-usage-trend', () => {
  it('states seats active, the change and the features used, and charts twelve weeks with a table', async () => {
    const element = await render();
    // 33.75 rounds to 34 of 50 seats; (67.5 - 77) / 77 = -12.3%; Dashboards and Reports of 3 features.
    expect(texts(element, '.facts li')).toEqual([
      '34 of 50 seats active',
      'down 12.3% in 4 weeks',
      '2 of 3 key features used'
    ]);
    expect(shadow(element).querySelectorAll('.bars .bar')).toHaveLength(12);
    // The four weeks of September have no rollup: no bar, and the table says so.
    expect(shadow(element).querySelectorAll('.bars .bar_empty')).toHaveLength(4);
    const rows = tableRows(element);
    expect(rows[0]).toEqual(['Sep 7, 2026', 'No usage loaded']);
    // 5 October: 40 / 50 = 80%; 23 November: 32 / 50 = 64%.
    expect(rows[4]).toEqual(['Oct 5, 2026', '80%']);
    expect(rows[11]).toEqual(['Nov 23, 2026', '64%']);
    const bars = [...shadow(element).querySelectorAll('.bars .bar')] as HTMLElement[];
    expect(bars[11].style.height).toBe('64%');
    expect(texts(element, 'figcaption')).toEqual(['Seats active each week, last 12']);
    expect(texts(element, '.features-used')).toEqual(['Dashboards, Reports']);
    expect(texts(element, '.features-unused')).toEqual(['Automation']);
    await expect(element).toBeAccessible();
  });

  it('charts active users when no week has seats', async () => {
    const element = await render([week('2026-11-16', 20, null), week('2026-11-23', 10, null)], []);
    // 15 active users a week on average; the busiest week (20) fills the chart, 10 is half of it.
    expect(texts(element, '.facts li')).toEqual(['15 active users a week; licensed seats unknown']);
    const bars = [...shadow(element).querySelectorAll('.bars .bar')] as HTMLElement[];
    expect([bars[10].style.height, bars[11].style.height]).toEqual(['100%', '50%']);
    expect(texts(element, 'figcaption')).toEqual(['Active users each week, last 12']);
    expect(texts(element, 'tbody tr:last-child td')).toEqual(['10']);
    // Usage but no key feature configured: said, not left blank.
    expect(shadow(element).querySelector('.no-features')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says no usage is loaded, with no chart and no features, never 0', async () => {
    const element = await render([], FEATURES);
    expect(texts(element, '.facts li')).toEqual(['No product usage loaded for the last 4 weeks']);
    expect(shadow(element).querySelector('.chart')).toBeNull();
    expect(shadow(element).querySelector('.features-used, .features-unused, .no-features')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('renders nothing but its heading before the panel loads', async () => {
    const element = await mountRendered('c-usage-trend', UsageTrend, {});
    expect(texts(element, '.facts li')).toEqual([]);
    expect(shadow(element).querySelector('.chart')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
