import RecordLink from 'c/recordLink';
import { navigateCalls, resetNavigation } from '../../../../../../jest/mocks/lightning/navigation';
import { mountRendered, shadow } from 'jest-helpers/dom';

const PAGE = {
  type: 'standard__recordPage',
  attributes: { recordId: '001000000000001AAA', objectApiName: 'Account', actionName: 'view' }
};

describe('c-record-link', () => {
  afterEach(resetNavigation);

  it("links the name to the record's page and navigates there on a click", async () => {
    const element = await mountRendered('c-record-link', RecordLink, {
      recordId: '001000000000001AAA',
      label: 'Globex'
    });
    const link = shadow(element).querySelector('a.record-link') as HTMLAnchorElement;
    expect(link.textContent).toBe('Globex');
    // the platform's URL for the page (the mock's GenerateUrl writes the page reference into it)
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toBe(`/preview/${JSON.stringify(PAGE)}`);
    await expect(element).toBeAccessible();
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(navigateCalls).toEqual([{ pageReference: PAGE, replace: undefined }]);
  });

  it('leaves a modified click to the browser (open in a new tab)', async () => {
    const element = await mountRendered('c-record-link', RecordLink, {
      recordId: '001000000000001AAA',
      label: 'Globex'
    });
    const link = shadow(element).querySelector('a.record-link') as HTMLAnchorElement;
    let leftToBrowser: boolean | undefined;
    // after the component's own handler: note what it did, then stop jsdom, which cannot open a page
    link.addEventListener('click', (event) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault();
    });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true }));
    expect(leftToBrowser).toBe(true);
    expect(navigateCalls).toEqual([]);
  });

  it('shows the name without a link when there is no record to go to', async () => {
    const element = await mountRendered('c-record-link', RecordLink, { label: 'Globex' });
    expect(shadow(element).querySelector('a')).toBeNull();
    expect(shadow(element).querySelector('.record-name')?.textContent).toBe('Globex');
    await expect(element).toBeAccessible();
  });
});
