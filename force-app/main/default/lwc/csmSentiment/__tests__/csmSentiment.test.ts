// The sentiment section of the success panel. Today is 2025-06-30; 90 days before it is 2025-04-01 (back from
// 30 June: 31 May is 30 days, 30 April 61, 31 March 91), the last day a sentiment still counts.
import CsmSentiment from 'c/csmSentiment';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { click, flushPromises, mount, resetDom, shadow } from 'jest-helpers/dom';
import { toastsOf, type WireAdapterMock } from 'jest-helpers/records';
import type { HealthBand } from 'c/successModel';
import { band } from '../../successModel/__tests__/data/health';

jest.mock('lightning/uiRecordApi', () => ({ updateRecord: jest.fn(() => Promise.resolve({})) }));
jest.mock('@salesforce/label/c.Format_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Sentiment_Recorded', () => ({ default: 'Recorded {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Sentiment_Stale', () => ({ default: 'Older than {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Sentiment_RedAgainstSuccess', () => ({ default: 'Red against {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Sentiment_GreenAgainstError', () => ({ default: 'Green against {0}' }), {
  virtual: true
});

const accountInfo = getObjectInfo as unknown as WireAdapterMock;
const TODAY = '2025-06-30';
const ACCOUNT_ID = '001000000000001AAA';
const HEALTHY = band('Healthy', 'success');
const AT_RISK = band('At Risk', 'error');
// What getObjectInfo answers for Account: a manager may edit the sentiment fields, a viewer may only read them.
const fields = (updateable: boolean) => ({
  CSM_Sentiment__c: { updateable },
  CSM_Sentiment_Comment__c: { updateable },
  CSM_Sentiment_Date__c: { updateable }
});
const EDITOR = { apiName: 'Account', updateable: true, fields: fields(true) };
const READER = { apiName: 'Account', updateable: false, fields: fields(false) };

type FormInput = HTMLElement & { value: string; reportValidity: () => boolean };

/** The section for an account, rendered; `access` is what getObjectInfo answers for Account (no answer yet if null). */
async function render(
  account: Record<string, unknown>,
  healthBand: HealthBand | null = HEALTHY,
  access: unknown = null
) {
  const element = mount('c-csm-sentiment', CsmSentiment, {
    recordId: ACCOUNT_ID,
    account,
    band: healthBand,
    today: TODAY
  });
  if (access) accountInfo.emit(access);
  await flushPromises();
  return element;
}
const q = (element: Element, selector: string) => shadow(element).querySelector(selector);

describe('c-csm-sentiment', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('says no sentiment is recorded and offers a viewer no form', async () => {
    const element = await render({}, HEALTHY, READER);
    expect(q(element, '.no-sentiment')?.textContent).toBe('c.Sentiment_None');
    expect(q(element, '.sentiment-badge')).toBeNull();
    expect(q(element, '.disagreement')).toBeNull();
    expect(q(element, 'lightning-button.record-sentiment')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('offers no form before getObjectInfo answers', async () => {
    const element = await render({});
    expect(q(element, 'lightning-button.record-sentiment')).toBeNull();
  });

  it('shows the current sentiment (badge, comment, day) and flags Red against Healthy', async () => {
    const element = await render(
      {
        CSM_Sentiment__c: 'Red',
        CSM_Sentiment_Comment__c: 'Sponsor left',
        CSM_Sentiment_Date__c: '2025-06-20'
      },
      HEALTHY,
      READER
    );
    const badge = q(element, '.sentiment-badge') as HTMLElement;
    expect(badge.textContent).toBe('c.Sentiment_Red');
    expect(badge.className).toContain('slds-theme_error');
    expect(q(element, '.recorded')?.textContent).toBe('Recorded Jun 20, 2025');
    expect(q(element, '.comment')?.textContent).toBe('Sponsor left');
    expect(q(element, '.stale')).toBeNull();
    expect(q(element, '.disagreement')?.textContent).toBe('Red against Healthy');
    await expect(element).toBeAccessible();
  });

  it('flags Green against At Risk, and not Yellow or a sentiment next to its band', async () => {
    const green = await render({ CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: TODAY }, AT_RISK);
    const yellow = await render({ CSM_Sentiment__c: 'Yellow', CSM_Sentiment_Date__c: TODAY }, AT_RISK);
    const redAtRisk = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY }, AT_RISK);
    expect(q(green, '.disagreement')?.textContent).toBe('Green against At Risk');
    expect(q(green, '.sentiment-badge')?.className).toContain('slds-theme_success');
    expect(q(yellow, '.sentiment-badge')?.className).toContain('slds-theme_warning');
    expect(q(yellow, '.disagreement')).toBeNull();
    expect(q(redAtRisk, '.disagreement')).toBeNull();
    await expect(green).toBeAccessible();
  });

  it('counts a sentiment recorded 90 days ago, and calls one 91 days old out of date, unflagged', async () => {
    const at90 = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2025-04-01' });
    const at91 = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2025-03-31' });
    expect(q(at90, '.disagreement')?.textContent).toBe('Red against Healthy');
    expect(q(at90, '.stale')).toBeNull();
    expect(q(at91, '.stale')?.textContent).toBe('Older than 90 days');
    expect(q(at91, '.disagreement')).toBeNull();
    await expect(at91).toBeAccessible();
  });

  it('says an undated sentiment is not set against health, and flags nothing while health is unknown', async () => {
    const undated = await render({ CSM_Sentiment__c: 'Red' });
    const unknown = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY }, null);
    expect(q(undated, '.stale')?.textContent).toBe('c.Sentiment_Undated');
    expect(q(undated, '.recorded')?.textContent).toBe('');
    expect(q(undated, '.disagreement')).toBeNull();
    expect(q(unknown, '.disagreement')).toBeNull();
  });

  it('re-reads the flag when the panel reloads the account', async () => {
    const element = await render({ CSM_Sentiment__c: 'Yellow', CSM_Sentiment_Date__c: TODAY });
    expect(q(element, '.disagreement')).toBeNull();
    element.account = { CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY };
    await flushPromises();
    expect(q(element, '.disagreement')?.textContent).toBe('Red against Healthy');
  });

  it('records a new sentiment through LDS with the schema fields, toasts and tells the panel', async () => {
    const element = await render({ CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: '2025-05-01' }, HEALTHY, EDITOR);
    const saved = jest.fn();
    element.addEventListener('sentimentsaved', saved);
    const toasts = toastsOf(element);
    await click(element, 'lightning-button.record-sentiment');
    expect(q(element, 'lightning-button.record-sentiment')).toBeNull();
    const choice = q(element, 'lightning-radio-group.sentiment-choice') as FormInput & {
      options: Array<{ value: string }>;
    };
    const comment = q(element, 'lightning-textarea.sentiment-comment') as FormInput;
    const date = q(element, 'lightning-input.sentiment-date') as FormInput & { max: string };
    // The current sentiment is chosen, the day defaults to today and cannot be later.
    expect(choice.value).toBe('Green');
    expect(choice.options.map((option) => option.value)).toEqual(['Green', 'Yellow', 'Red']);
    expect([date.value, date.max]).toEqual([TODAY, TODAY]);
    await expect(element).toBeAccessible();
    for (const input of [choice, comment, date]) input.reportValidity = () => true;
    choice.value = 'Red';
    comment.value = '  Champion left  ';
    await click(element, 'lightning-button.save-sentiment');
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: ACCOUNT_ID,
        CSM_Sentiment__c: 'Red',
        CSM_Sentiment_Comment__c: 'Champion left',
        CSM_Sentiment_Date__c: TODAY
      }
    });
    expect(saved.mock.calls[0][0].detail).toEqual({ recordId: ACCOUNT_ID });
    expect(toasts[0].detail).toMatchObject({ variant: 'success', title: 'c.Sentiment_Saved' });
    expect(q(element, '.sentiment-form')).toBeNull();
  });

  it('does not save an invalid form, and cancel closes it', async () => {
    const element = await render({}, HEALTHY, EDITOR);
    await click(element, 'lightning-button.record-sentiment');
    const choice = q(element, 'lightning-radio-group.sentiment-choice') as FormInput;
    choice.reportValidity = () => false;
    await click(element, 'lightning-button.save-sentiment');
    expect(updateRecord).not.toHaveBeenCalled();
    await click(element, 'lightning-button.cancel-sentiment');
    expect(q(element, '.sentiment-form')).toBeNull();
    expect(q(element, 'lightning-button.record-sentiment')).not.toBeNull();
  });

  it('shows why a save failed and keeps the form open', async () => {
    (updateRecord as jest.Mock).mockRejectedValueOnce({
      body: {
        output: { errors: [], fieldErrors: { CSM_Sentiment__c: [{ message: 'bad value for restricted picklist' }] } }
      }
    });
    const element = await render({}, HEALTHY, EDITOR);
    await click(element, 'lightning-button.record-sentiment');
    const inputs = [
      'lightning-radio-group.sentiment-choice',
      'lightning-textarea.sentiment-comment',
      'lightning-input.sentiment-date'
    ].map((selector) => q(element, selector) as FormInput);
    for (const input of inputs) input.reportValidity = () => true;
    inputs[0].value = 'Yellow';
    await click(element, 'lightning-button.save-sentiment');
    const error = q(element, 'c-error-panel.save-error') as HTMLElement & { friendlyMessage: string };
    expect(error.friendlyMessage).toBe('c.Sentiment_SaveFailed');
    expect(q(element, '.sentiment-form')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
