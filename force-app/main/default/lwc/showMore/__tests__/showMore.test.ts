import ShowMore, { firstRows, showMoreState } from 'c/showMore';
import { flushPromises, mount, mountRendered, one } from 'jest-helpers/dom';

// The real wording, so the counts can be read in the text (a jest label otherwise reads as its own name).
jest.mock('@salesforce/label/c.Workspace_ShowingCount', () => ({ default: 'Showing {0} of {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Workspace_ShowMore', () => ({ default: 'Show {0} more' }), { virtual: true });

const text = (element: Element, selector: string): string | undefined => one(element, selector)?.textContent?.trim();

describe('showMoreState and firstRows', () => {
  it('shows the first rows up to the limit and adds a step, or what is left', () => {
    // 60 rows, 25 shown: 35 left, so the next step adds all 25 of a page.
    expect(showMoreState(60, 25, 25)).toEqual({ shown: 25, total: 60, more: 25 });
    // 60 rows, 50 shown: 10 left, fewer than a page.
    expect(showMoreState(60, 50, 25)).toEqual({ shown: 50, total: 60, more: 10 });
    // A limit past the end shows the 8 there are, and nothing is left.
    expect(showMoreState(8, 25, 25)).toEqual({ shown: 8, total: 8, more: 0 });
    // Nothing to show, and a negative limit or step shows and adds none.
    expect(showMoreState(0, 25, 25)).toEqual({ shown: 0, total: 0, more: 0 });
    expect(showMoreState(5, -1, -3)).toEqual({ shown: 0, total: 5, more: 0 });
  });

  it('keeps the first rows in the order given', () => {
    expect(firstRows(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b']);
    expect(firstRows(['a', 'b'], 10)).toEqual(['a', 'b']);
    expect(firstRows(['a', 'b'], -1)).toEqual([]);
  });
});

describe('c-show-more, paged', () => {
  it('says how many rows show and asks for the next page, the button naming the region it extends', async () => {
    const element = mount('c-show-more', ShowMore, { total: 60, limit: 25, step: 25 });
    const more = jest.fn();
    element.addEventListener('more', more);
    await flushPromises();
    const status = one(element, 'p.shown');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(text(element, 'p.shown')).toBe('Showing 25 of 60');
    const button = one(element, 'button.show-more') as HTMLButtonElement;
    expect(text(element, 'button.show-more')).toBe('Show 25 more');
    expect(button.getAttribute('aria-controls')).toBe(one(element, 'div.list').getAttribute('id'));
    expect(button.hasAttribute('aria-expanded')).toBe(false);
    await expect(element).toBeAccessible();
    button.click();
    expect(more).toHaveBeenCalledTimes(1);
    // 25 shown and a page of 25: the new limit is 50.
    expect(more.mock.calls[0][0].detail).toEqual({ limit: 50 });
  });

  it('offers only what is left on the last page', async () => {
    const element = mount('c-show-more', ShowMore, { total: 60, limit: 50, step: 25 });
    const more = jest.fn();
    element.addEventListener('more', more);
    await flushPromises();
    expect(text(element, 'p.shown')).toBe('Showing 50 of 60');
    expect(text(element, 'button.show-more')).toBe('Show 10 more');
    await expect(element).toBeAccessible();
    one(element, 'button.show-more').click();
    // 50 shown and 10 left: the new limit is 60, every row.
    expect(more.mock.calls[0][0].detail).toEqual({ limit: 60 });
  });

  it('has no button once every row shows, and still says how many', async () => {
    const element = await mountRendered('c-show-more', ShowMore, { total: 8, limit: 25, step: 25 });
    expect(text(element, 'p.shown')).toBe('Showing 8 of 8');
    expect(one(element, 'button')).toBeNull();
    await expect(element).toBeAccessible();
  });
});

describe('c-show-more, collapsible', () => {
  const props = { step: 10, collapsible: true, moreLabel: 'Show all 12 goals', lessLabel: 'Show fewer goals' };

  it('shows every row, then the first again, with aria-expanded and no status line', async () => {
    const element = mount('c-show-more', ShowMore, { ...props, total: 12, limit: 10 });
    const more = jest.fn();
    const less = jest.fn();
    element.addEventListener('more', more);
    element.addEventListener('less', less);
    await flushPromises();
    expect(one(element, 'p.shown')).toBeNull();
    const button = one(element, 'button.show-all') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(one(element, 'div.list').getAttribute('id'));
    expect(text(element, 'button.show-all')).toBe('Show all 12 goals');
    await expect(element).toBeAccessible();
    button.click();
    // "Show all" asks for all 12 rows.
    expect(more.mock.calls[0][0].detail).toEqual({ limit: 12 });
    element.limit = 12;
    await flushPromises();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(text(element, 'button.show-all')).toBe('Show fewer goals');
    await expect(element).toBeAccessible();
    button.click();
    // "Show fewer" goes back to the first 10.
    expect(less.mock.calls[0][0].detail).toEqual({ limit: 10 });
    expect(more).toHaveBeenCalledTimes(1);
  });

  it('has no toggle and renders no bar when the rows fit', async () => {
    const element = await mountRendered('c-show-more', ShowMore, { ...props, total: 10, limit: 10 });
    expect(one(element, 'button')).toBeNull();
    expect(one(element, 'p.shown')).toBeNull();
    expect(one(element, 'div.slds-grid')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
