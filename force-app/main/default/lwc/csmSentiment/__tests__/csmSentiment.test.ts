// The sentiment section of the success panel. Today is 2025-06-30; 90 days before it is 2025-04-01 (back from
// 30 June: 31 May is 30 days, 30 April 61, 31 March 91), the last day a sentiment still counts.
import CsmSentiment from 'c/csmSentiment';
import { updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { click, flushPromises, mount, one, type FormInput } from 'jest-helpers/dom';
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

describe('c-csm-sentiment', () => {
  it('says no sentiment is recorded and offers a viewer no form', async () => {
    const element = await render({}, HEALTHY, READER);
    expect(one(element, '.no-sentiment')?.textContent).toBe('c.Sentiment_None');
    expect(one(element, '.sentiment-badge')).toBeNull();
    expect(one(element, '.disagreement')).toBeNull();
    expect(one(element, 'lightning-button.record-sentiment')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('offers no form before getObjectInfo answers', async () => {
    const element = await render({});
    expect(one(element, 'lightning-button.record-sentiment')).toBeNull();
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
    const badge = one(element, '.sentiment-badge') as HTMLElement;
    expect(badge.textContent).toBe('c.Sentiment_Red');
    expect(badge.className).toContain('slds-theme_error');
    expect(one(element, '.recorded')?.textContent).toBe('Recorded Jun 20, 2025');
    expect(one(element, '.comment')?.textContent).toBe('Sponsor left');
    expect(one(element, '.stale')).toBeNull();
    expect(one(element, '.disagreement')?.textContent).toBe('Red against Healthy');
    await expect(element).toBeAccessible();
  });

  it('flags Green against At Risk, and not Yellow or a sentiment next to its band', async () => {
    const green = await render({ CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: TODAY }, AT_RISK);
    const yellow = await render({ CSM_Sentiment__c: 'Yellow', CSM_Sentiment_Date__c: TODAY }, AT_RISK);
    const redAtRisk = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY }, AT_RISK);
    expect(one(green, '.disagreement')?.textContent).toBe('Green against At Risk');
    expect(one(green, '.sentiment-badge')?.className).toContain('slds-theme_success');
    expect(one(yellow, '.sentiment-badge')?.className).toContain('slds-theme_warning');
    expect(one(yellow, '.disagreement')).toBeNull();
    expect(one(redAtRisk, '.disagreement')).toBeNull();
    await expect(green).toBeAccessible();
  });

  it('counts a sentiment recorded 90 days ago, and calls one 91 days old out of date, unflagged', async () => {
    const at90 = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2025-04-01' });
    const at91 = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: '2025-03-31' });
    expect(one(at90, '.disagreement')?.textContent).toBe('Red against Healthy');
    expect(one(at90, '.stale')).toBeNull();
    expect(one(at91, '.stale')?.textContent).toBe('Older than 90 days');
    expect(one(at91, '.disagreement')).toBeNull();
    await expect(at91).toBeAccessible();
  });

  it('says an undated sentiment is not set against health, and flags nothing while health is unknown', async () => {
    const undated = await render({ CSM_Sentiment__c: 'Red' });
    const unknown = await render({ CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY }, null);
    expect(one(undated, '.stale')?.textContent).toBe('c.Sentiment_Undated');
    expect(one(undated, '.recorded')?.textContent).toBe('');
    expect(one(undated, '.disagreement')).toBeNull();
    expect(one(unknown, '.disagreement')).toBeNull();
  });

  it('re-reads the flag when the panel reloads the account', async () => {
    const element = await render({ CSM_Sentiment__c: 'Yellow', CSM_Sentiment_Date__c: TODAY });
    expect(one(element, '.disagreement')).toBeNull();
    element.account = { CSM_Sentiment__c: 'Red', CSM_Sentiment_Date__c: TODAY };
    await flushPromises();
    expect(one(element, '.disagreement')?.textContent).toBe('Red against Healthy');
  });

  it('records a new sentiment through LDS with the schema fields, toasts and tells the panel', async () => {
    const element = await render({ CSM_Sentiment__c: 'Green', CSM_Sentiment_Date__c: '2025-05-01' }, HEALTHY, EDITOR);
    const saved = jest.fn();
    element.addEventListener('sentimentsaved', saved);
    const toasts = toastsOf(element);
    await click(element, 'lightning-button.record-sentiment');
    expect(one(element, 'lightning-button.record-sentiment')).toBeNull();
    const choice = one(element, 'lightning-radio-group.sentiment-choice') as FormInput & {
      options: Array<{ value: string }>;
    };
    const comment = one(element, 'lightning-textarea.sentiment-comment') as FormInput;
    const date = one(element, 'lightning-input.sentiment-date') as FormInput;
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
    expect(one(element, '.sentiment-form')).toBeNull();
  });

  it('does not save an invalid form, and cancel closes it', async () => {
    const element = await render({}, HEALTHY, EDITOR);
    await click(element, 'lightning-button.record-sentiment');
    const choice = one(element, 'lightning-radio-group.sentiment-choice') as FormInput;
    choice.reportValidity = () => false;
    await click(element, 'lightning-button.save-sentiment');
    expect(updateRecord).not.toHaveBeenCalled();
    await click(element, 'lightning-button.cancel-sentiment');
    expect(one(element, '.sentiment-form')).toBeNull();
    expect(one(element, 'lightning-button.record-sentiment')).not.toBeNull();
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
    ].map((selector) => one(element, selector) as FormInput);
    for (const input of inputs) input.reportValidity = () => true;
    inputs[0].value = 'Yellow';
    await click(element, 'lightning-button.save-sentiment');
    const error = one(element, 'c-error-panel.save-error') as HTMLElement & { friendlyMessage: string };
    expect(error.friendlyMessage).toBe('c.Sentiment_SaveFailed');
    expect(one(element, '.sentiment-form')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
