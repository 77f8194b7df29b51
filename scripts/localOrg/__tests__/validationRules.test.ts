// The product's validation rules, deployed with force-app, are evaluated by the local org on every write: a record
// that breaks one is refused with the rule's own message on its error display field (FIELD_CUSTOM_VALIDATION_EXCEPTION),
// on single-record calls, collections, composite and Bulk API 2.0 alike, on insert and on update. The expected
// messages are copied from the rule files; the breaking values are worked out from each rule's error condition.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, data, ingestResults, uploadCsv } from './helpers';
import { startForceAppOrg, type ForceAppOrg } from './forceAppOrg';

type Body = Record<string, unknown>;
interface RecordFailure {
  statusCode?: string;
  errorCode?: string;
  message: string;
  fields: string[];
}

describe('validation rules deployed with force-app', () => {
  let org: ForceAppOrg;
  let accountId: string;
  let charterId: string;
  const create = (type: string, body: Body) => call(org, 'POST', `${data}/sobjects/${type}`, body);
  const refused = async (type: string, body: Body): Promise<RecordFailure> => {
    const answer = await create(type, body);
    assert.equal(answer.status, 400, `${type} ${JSON.stringify(body)} should be refused`);
    return (answer.body as RecordFailure[])[0];
  };

  before(async () => {
    org = await startForceAppOrg();
    accountId = ((await create('Account', { Name: 'Acme' })).body as { id: string }).id;
    charterId = ((await create('Success_Charter__c', { Name: 'Charter', Status__c: 'Draft' })).body as { id: string })
      .id;
  });
  after(() => org.dispose());

  // [object, record that breaks exactly one rule, the rule's error message, its error display field]
  const cases: Array<[string, () => Body, string, string]> = [
    ['Account', () => ({ Name: 'Neg', ARR__c: -1 }), 'ARR cannot be negative.', 'ARR__c'],
    [
      'Account',
      // A percent field holds 101 for 101%; the rule's formula reads it as 1.01.
      () => ({ Name: 'Over', Product_Adoption__c: 101 }),
      'Product adoption must be between 0% and 100%.',
      'Product_Adoption__c'
    ],
    [
      'Success_Charter__c',
      () => ({ Name: 'A', Status__c: 'Active', Mission__c: 'Win', Version__c: 1 }),
      'An Active charter needs an effective date.',
      'Effective_Date__c'
    ],
    [
      'Success_Charter__c',
      () => ({ Name: 'B', Status__c: 'Active', Effective_Date__c: '2025-01-01', Version__c: 1 }),
      'An Active charter needs a mission. Write the mission or keep the charter in Draft.',
      'Mission__c'
    ],
    [
      'Success_Charter__c',
      () => ({ Name: 'C', Effective_Date__c: '2025-02-01', Review_Date__c: '2025-01-31' }),
      'The review date cannot be before the effective date.',
      'Review_Date__c'
    ],
    [
      'Success_Charter__c',
      () => ({ Name: 'D', Version__c: 0 }),
      'The version must be greater than zero, for example 1.0.',
      'Version__c'
    ],
    [
      'Charter_Milestone__c',
      () => ({ Name: 'M', Charter__c: charterId, Type__c: 'Communication' }),
      'Choose the channel this communication goes out on.',
      'Channel__c'
    ],
    [
      'Charter_Milestone__c',
      () => ({ Name: 'M', Charter__c: charterId, Start_Date__c: '2025-03-02', Due_Date__c: '2025-03-01' }),
      'The due date cannot be before the start date.',
      'Due_Date__c'
    ],
    [
      'Charter_Objective__c',
      () => ({ Name: 'O', Charter__c: charterId, Metric_Type__c: 'Manual' }),
      'A Manual metric needs a target so progress can be measured.',
      'Target__c'
    ],
    [
      'Charter_Risk__c',
      () => ({ Name: 'R', Charter__c: charterId, Likelihood__c: 3 }),
      'Impact must be a whole number from 1 (minor) to 5 (severe).',
      'Impact__c'
    ],
    [
      'Charter_Risk__c',
      () => ({ Name: 'R', Charter__c: charterId, Impact__c: 3, Likelihood__c: 6 }),
      'Likelihood must be a whole number from 1 (very unlikely) to 5 (almost certain).',
      'Likelihood__c'
    ],
    [
      'Charter_Risk__c',
      () => ({ Name: 'R', Charter__c: charterId, Impact__c: 3, Likelihood__c: 3, Residual_Impact__c: 0 }),
      'Residual impact must be blank or a whole number from 1 to 5.',
      'Residual_Impact__c'
    ],
    [
      'Charter_Risk__c',
      () => ({ Name: 'R', Charter__c: charterId, Impact__c: 3, Likelihood__c: 3, Residual_Likelihood__c: 9 }),
      'Residual likelihood must be blank or a whole number from 1 to 5.',
      'Residual_Likelihood__c'
    ],
    [
      'Customer_Goal__c',
      () => ({ Name: 'G', Account__c: accountId, Start_Date__c: '2025-01-10', Achieved_Date__c: '2025-01-09' }),
      'The achieved date cannot be before the start date.',
      'Achieved_Date__c'
    ],
    [
      'Customer_Goal__c',
      () => ({ Name: 'G', Account__c: accountId, Status__c: 'Achieved' }),
      'Enter the date the goal was achieved, or choose another status.',
      'Achieved_Date__c'
    ],
    [
      'Customer_Goal__c',
      () => ({ Name: 'G', Account__c: accountId, Start_Date__c: '2025-01-10', Target_Date__c: '2025-01-01' }),
      'The target date cannot be before the start date.',
      'Target_Date__c'
    ],
    [
      'Customer_Goal__c',
      () => ({ Name: 'G', Account__c: accountId, Value_Realized__c: -5 }),
      'Value realized cannot be negative. Record a loss as a customer risk instead.',
      'Value_Realized__c'
    ],
    [
      'Customer_Risk__c',
      () => ({ Name: 'CR', Account__c: accountId, Likelihood__c: 2 }),
      'Impact must be a whole number from 1 (minor) to 5 (severe).',
      'Impact__c'
    ],
    [
      'Customer_Risk__c',
      () => ({ Name: 'CR', Account__c: accountId, Impact__c: 2, Likelihood__c: 0 }),
      'Likelihood must be a whole number from 1 (very unlikely) to 5 (almost certain).',
      'Likelihood__c'
    ]
  ];

  it('refuses a record that breaks each rule with the rule message on its field, and writes nothing', async () => {
    for (const [type, body, message, field] of cases) {
      const before = (await call(org, 'GET', `${data}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${type}`)}`))
        .body as { totalSize: number };
      const failure = await refused(type, body());
      assert.deepEqual(
        failure,
        { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message, fields: [field] },
        `${type} ${JSON.stringify(body())}`
      );
      const afterCount = (
        await call(org, 'GET', `${data}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${type}`)}`)
      ).body as { totalSize: number };
      assert.equal(afterCount.totalSize, before.totalSize, `${type}: nothing written`);
    }
  });

  it('accepts records at the edge of each rule (blank where blank is allowed, equal dates, 0% and 100%)', async () => {
    const edges: Array<[string, Body]> = [
      ['Account', { Name: 'Zero', ARR__c: 0, Product_Adoption__c: 0 }],
      ['Account', { Name: 'Full', Product_Adoption__c: 100 }],
      [
        'Success_Charter__c',
        { Name: 'Live', Status__c: 'Active', Mission__c: 'Win', Effective_Date__c: '2025-01-01', Version__c: 1 }
      ],
      ['Success_Charter__c', { Name: 'Same day', Effective_Date__c: '2025-01-01', Review_Date__c: '2025-01-01' }],
      ['Charter_Milestone__c', { Name: 'Mail', Charter__c: charterId, Type__c: 'Communication', Channel__c: 'Email' }],
      ['Charter_Objective__c', { Name: 'Measured', Charter__c: charterId, Metric_Type__c: 'Manual', Target__c: 0 }],
      ['Charter_Risk__c', { Name: 'Edge', Charter__c: charterId, Impact__c: 5, Likelihood__c: 1 }],
      [
        'Customer_Goal__c',
        { Name: 'Done', Account__c: accountId, Status__c: 'Achieved', Achieved_Date__c: '2025-01-01' }
      ],
      ['Customer_Risk__c', { Name: 'Edge', Account__c: accountId, Impact__c: 1, Likelihood__c: 5 }]
    ];
    for (const [type, body] of edges) {
      const answer = await create(type, body);
      assert.equal(answer.status, 201, `${type} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
    }
  });

  it('evaluates the rules on update against the record as it will be saved', async () => {
    const goal = await create('Customer_Goal__c', {
      Name: 'Later',
      Account__c: accountId,
      Start_Date__c: '2025-01-10'
    });
    const id = (goal.body as { id: string }).id;
    const update = await call(org, 'PATCH', `${data}/sobjects/Customer_Goal__c/${id}`, {
      Target_Date__c: '2025-01-09'
    });
    assert.equal(update.status, 400);
    assert.deepEqual((update.body as RecordFailure[])[0].fields, ['Target_Date__c']);
    const ok = await call(org, 'PATCH', `${data}/sobjects/Customer_Goal__c/${id}`, { Target_Date__c: '2025-01-10' });
    assert.equal(ok.status, 204);
  });

  it('fails only the breaking record of a collection, and the whole request with allOrNone', async () => {
    const records = [
      { attributes: { type: 'Customer_Risk__c' }, Name: 'Good', Account__c: accountId, Impact__c: 2, Likelihood__c: 2 },
      { attributes: { type: 'Customer_Risk__c' }, Name: 'Bad', Account__c: accountId, Impact__c: 7, Likelihood__c: 2 }
    ];
    const partial = await call(org, 'POST', `${data}/composite/sobjects`, { allOrNone: false, records });
    const results = partial.body as Array<{ success: boolean; errors: RecordFailure[] }>;
    assert.deepEqual(
      results.map((r) => [r.success, r.errors[0]?.statusCode ?? null, r.errors[0]?.fields ?? []]),
      [
        [true, null, []],
        [false, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', ['Impact__c']]
      ]
    );
    const all = await call(org, 'POST', `${data}/composite/sobjects`, { allOrNone: true, records });
    const rolledBack = all.body as Array<{ success: boolean; errors: RecordFailure[] }>;
    assert.deepEqual(
      rolledBack.map((r) => r.errors[0].statusCode),
      ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'FIELD_CUSTOM_VALIDATION_EXCEPTION']
    );
  });

  it('fails the breaking rows of a Bulk API 2.0 ingest job with the rule message', async () => {
    const job = await call(org, 'POST', `${data}/jobs/ingest`, {
      object: 'Customer_Goal__c',
      operation: 'insert',
      contentType: 'CSV',
      lineEnding: 'LF'
    });
    const jobId = (job.body as { id: string }).id;
    const csv = `Name,Account__c,Value_Realized__c\nFine,${accountId},10\nLoss,${accountId},-1\n`;
    assert.equal(await uploadCsv(org, jobId, csv), 201);
    await call(org, 'PATCH', `${data}/jobs/ingest/${jobId}`, { state: 'UploadComplete' });
    const failed = await ingestResults(org, jobId, 'failedResults').then((r) => r.text());
    assert.match(
      failed,
      /FIELD_CUSTOM_VALIDATION_EXCEPTION:Value realized cannot be negative\. Record a loss as a customer risk instead\.:Value_Realized__c/
    );
    assert.doesNotMatch(failed, /Fine/);
  });
});
