import { NO_ACCESS, fieldsUpdateable, objectAccess, objectAccessByName, reduceErrors, saveWithState } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads UI API record errors and field errors with their labels', () => {
    const error = {
      body: {
        message: 'An error occurred while trying to update the record.',
        output: {
          errors: [
            { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Target date must be after start date.' }
          ],
          fieldErrors: {
            Current_Value__c: [{ message: 'value outside range', fieldLabel: 'Current Value' }],
            Status__c: [{ message: 'Status: bad value for restricted picklist field', fieldLabel: 'Status' }]
          }
        }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'Target date must be after start date.',
      'Current Value: value outside range',
      'Status: bad value for restricted picklist field'
    ]);
  });

  it('reads page errors and top-level field errors (record edit form shape)', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Insufficient access rights on cross-reference id' }],
        fieldErrors: { Name: [{ message: 'Required fields are missing' }] }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'Insufficient access rights on cross-reference id',
      'Name: Required fields are missing'
    ]);
  });

  it('reads Apex errors from body.message', () => {
    expect(
      reduceErrors({ body: { message: 'List has no rows for assignment to SObject' }, statusText: 'Server Error' })
    ).toEqual(['List has no rows for assignment to SObject']);
  });

  it('reads REST errors that arrive as an array body', () => {
    expect(reduceErrors({ body: [{ message: 'first' }, { message: 'second' }, {}] })).toEqual(['first', 'second']);
  });

  it('reads a string body, a JS Error, a plain string and statusText', () => {
    expect(reduceErrors({ body: 'plain body' })).toEqual(['plain body']);
    expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
    expect(reduceErrors('Network failure')).toEqual(['Network failure']);
    expect(reduceErrors({ statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    expect(reduceErrors({ message: 'from message' })).toEqual(['from message']);
  });

  it('names an error without a readable message instead of dropping it', () => {
    expect(reduceErrors({ body: {} })).toEqual(['Unknown error']);
    expect(reduceErrors(new Error(''))).toEqual(['Error']);
  });

  it('flattens lists, removes duplicates and ignores nothing-values', () => {
    expect(reduceErrors([new Error('same'), { body: { message: 'same' } }, null, undefined, '  '])).toEqual([
      'same',
      'Unknown error'
    ]);
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
  });

  it('prefers UI API output over the generic body message', () => {
    const error = {
      body: { message: 'generic', output: { errors: [], fieldErrors: { A__c: [{ message: 'bad' }, {}] } } }
    };
    expect(reduceErrors(error)).toEqual(['A__c: bad']);
  });
});

describe('objectAccess', () => {
  it('grants only what getObjectInfo says, and nothing while it has not answered', () => {
    expect(objectAccess(undefined)).toEqual(NO_ACCESS);
    expect(objectAccess({ createable: true, updateable: false })).toEqual({ createable: true, updateable: false });
    expect(objectAccess({})).toEqual({ createable: false, updateable: false });
  });

  it('reads getObjectInfos per object, leaving out objects that failed to load', () => {
    const byName = objectAccessByName({
      results: [
        { statusCode: 200, result: { apiName: 'Charter_Risk__c', createable: true, updateable: true } },
        { statusCode: 403, result: { apiName: 'Charter_Role__c', createable: true, updateable: true } }
      ]
    });
    expect([...byName.entries()]).toEqual([['Charter_Risk__c', { createable: true, updateable: true }]]);
    expect(objectAccessByName(undefined).size).toBe(0);
  });
});

describe('fieldsUpdateable', () => {
  const info = {
    updateable: true,
    fields: { A__c: { updateable: true }, B__c: { updateable: false } }
  };

  it('is true only when the object and every field asked for are updateable', () => {
    expect(fieldsUpdateable(info, ['A__c'])).toBe(true);
    expect(fieldsUpdateable(info, ['A__c', 'B__c'])).toBe(false);
    expect(fieldsUpdateable(info, ['C__c'])).toBe(false);
    expect(fieldsUpdateable({ ...info, updateable: false }, ['A__c'])).toBe(false);
  });

  it('is false while getObjectInfo has not answered, or answered without fields', () => {
    expect(fieldsUpdateable(undefined, ['A__c'])).toBe(false);
    expect(fieldsUpdateable({ updateable: true }, ['A__c'])).toBe(false);
  });
});

describe('saveWithState', () => {
  it('is saving while the write runs, then answers true with no error', async () => {
    const state = { saving: false, saveError: 'the last failure' as unknown };
    let savingDuringWrite: boolean | undefined;
    const saved = await saveWithState(state, async () => {
      savingDuringWrite = state.saving;
    });
    expect(savingDuringWrite).toBe(true);
    expect(saved).toBe(true);
    expect(state).toEqual({ saving: false, saveError: undefined });
  });

  it('keeps the failure instead of throwing, and stops saving', async () => {
    const failure = { body: { message: 'Target date must be after start date.' } };
    const state = { saving: false, saveError: undefined as unknown };
    const saved = await saveWithState(state, () => Promise.reject(failure));
    expect(saved).toBe(false);
    expect(state).toEqual({ saving: false, saveError: failure });
  });
});
