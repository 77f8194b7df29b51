import CharterRiskHeatMap from 'c/charterRiskHeatMap';
import { heatMap } from 'c/successModel';
import { flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { view } from '../../charterWorkspace/__tests__/data/fixtures';

const cell = (element: HTMLElement, row: number, column: number) =>
  shadow(element).querySelector(`button[data-row="${row}"][data-column="${column}"]`) as HTMLButtonElement;

describe('c-charter-risk-heat-map', () => {
  afterEach(resetDom);

  it('draws a 5x5 grid of labelled buttons with the threat counts, impact 5 on top', async () => {
    const element = mount('c-charter-risk-heat-map', CharterRiskHeatMap, { heatMap: view().heatMap });
    await flushPromises();
    expect(shadow(element).querySelectorAll('button.cell')).toHaveLength(25);
    // Siloed departments: likelihood 4, impact 5.
    const critical = cell(element, 0, 3);
    expect(critical.textContent!.trim()).toBe('1');
    expect(critical.getAttribute('aria-label')).toBe('c.Workspace_CellLabel');
    expect(critical.classList.contains('rating-critical')).toBe(true);
    expect(critical.getAttribute('aria-pressed')).toBe('false');
    expect(cell(element, 4, 0).classList.contains('rating-low')).toBe(true);
    expect(shadow(element).querySelector('.unplaced')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('heads the columns with one Likelihood over levels 1 to 5 and each row with its impact, apart', async () => {
    const element = mount('c-charter-risk-heat-map', CharterRiskHeatMap, { heatMap: view().heatMap });
    await flushPromises();
    const root = shadow(element);
    const group = root.querySelector('thead th[scope="colgroup"]') as HTMLElement;
    expect(group.textContent).toBe('c.Workspace_Likelihood');
    expect(group.getAttribute('colspan')).toBe('5');
    const columns = [...root.querySelectorAll('thead th.level')] as HTMLElement[];
    // what shows under the one heading is the level alone; a screen reader hears "Likelihood 3"
    expect(columns.map((th) => th.querySelector('.level-number')!.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(columns[2].textContent).toBe('c.Workspace_Likelihood 3');
    const rows = [...root.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent);
    expect(rows).toEqual([5, 4, 3, 2, 1].map((impact) => `c.Workspace_Impact ${impact}`));
    await expect(element).toBeAccessible();
  });

  it('selects a cell on click and clears it on a second click', async () => {
    const element = mount('c-charter-risk-heat-map', CharterRiskHeatMap, { heatMap: view().heatMap });
    const selections: unknown[] = [];
    element.addEventListener('cellselect', (event) => selections.push((event as CustomEvent).detail));
    await flushPromises();
    cell(element, 1, 2).click();
    expect(selections).toEqual([{ row: 1, column: 2 }]);
    element.selected = { row: 1, column: 2 };
    await flushPromises();
    expect(cell(element, 1, 2).getAttribute('aria-pressed')).toBe('true');
    await expect(element).toBeAccessible();
    cell(element, 1, 2).click();
    expect(selections[1]).toBeNull();
  });

  it('says how many risks cannot be placed, and renders empty before data', async () => {
    const element = mount('c-charter-risk-heat-map', CharterRiskHeatMap, { heatMap: heatMap([{ Name: 'Unrated' }]) });
    await flushPromises();
    expect(shadow(element).querySelector('.unplaced')!.textContent).toBe('c.Workspace_Unplaced');
    const bare = mount('c-charter-risk-heat-map', CharterRiskHeatMap);
    await flushPromises();
    expect(cell(bare, 0, 0).textContent!.trim()).toBe('0');
    await expect(bare).toBeAccessible();
  });
});
