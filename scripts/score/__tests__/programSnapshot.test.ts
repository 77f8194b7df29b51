// The scoring run's program snapshot step against a local org with the data model deployed: a hand-worked book is
// read through the API, its velocity and adoption stored as one record per segment, a second run the same day writes
// nothing, and the retention keeps the last 31 days and the last run of each month.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { startDeployedOrg, type SeededOrg } from '../../seed/__tests__/orgFixture';
import { runsToKeep, writeProgramSnapshot } from '../programSnapshot';
import { adoptionOf } from './programFigures';

const TODAY = '2025-03-15';

describe('runsToKeep', () => {
  it('keeps every run of the last 31 days and the last run of each month for 24 months', () => {
    const runs = ['2025-03-14', '2025-02-20', '2025-02-13', '2025-02-12', '2025-01-31', '2025-01-05', '2023-03-31'];
    // The last 31 days are 13 Feb to 15 Mar (30 days back and today): 14 Mar, 20 Feb and 13 Feb. 12 Feb is 31 days
    // back and not February's last run; 31 Jan is January's last; March 2023 is 24 months back, past the retention.
    assert.deepEqual([...runsToKeep(runs, TODAY)].sort(), ['2025-01-31', '2025-02-13', '2025-02-20', '2025-03-14']);
  });
});

describe('writeProgramSnapshot against the local org', () => {
  let seeded: SeededOrg;
  let connection: Connection;
  let objectiveId: string;

  before(async () => {
    // With the configuration records: the five key features (Dashboards 25, Reports 25, Automation 20,
    // Integrations 20, Collaboration 10) feature adoption weighs.
    seeded = await startDeployedOrg({ customMetadata: true });
    connection = seeded.connection();
    // The book of successModel's program test, worked by hand there: A (Onboarding, Ideal) achieved a goal in 40
    // days (value 100) and missed one; B (Adoption, Good) achieved one in 30 days (value 50) and has one overdue;
    // C (Adoption, no tier) has none. A prospect without a stage is not in the book.
    const accounts = await connection.sobject('Account').create(
      [
        { Name: 'A', Success_Key__c: 'PS-A', Lifecycle_Stage__c: 'Onboarding', Fit_Tier__c: 'Ideal' },
        { Name: 'B', Success_Key__c: 'PS-B', Lifecycle_Stage__c: 'Adoption', Fit_Tier__c: 'Good' },
        { Name: 'C', Success_Key__c: 'PS-C', Lifecycle_Stage__c: 'Adoption' },
        { Name: 'Prospect', Success_Key__c: 'PS-P' }
      ],
      { allOrNone: true }
    );
    const [a, b] = accounts.map((r) => (r as { id: string }).id);
    const charter = await connection
      .sobject('Success_Charter__c')
      .create({ Name: 'Charter', Charter_Key__c: 'PS-CH', Status__c: 'Draft' });
    const objectives = await connection.sobject('Charter_Objective__c').create(
      [
        { Name: 'Linked', Objective_Key__c: 'PS-O1', Charter__c: (charter as { id: string }).id, Target__c: 10 },
        { Name: 'Unlinked', Objective_Key__c: 'PS-O2', Charter__c: (charter as { id: string }).id, Target__c: 10 }
      ],
      { allOrNone: true }
    );
    // The org's validation rules hold: a refused record would leave the linked objective out of every figure.
    assert.ok(
      objectives.every((r) => r.success),
      JSON.stringify(objectives)
    );
    objectiveId = (objectives[0] as { id: string }).id;
    const goal = (key: string, account: string, fields: Record<string, unknown>) => ({
      Name: key,
      Goal_Key__c: key,
      Account__c: account,
      ...fields
    });
    await connection.sobject('Customer_Goal__c').create(
      [
        goal('PS-G1', a, {
          Charter_Objective__c: objectiveId,
          Status__c: 'Achieved',
          Start_Date__c: '2024-12-01',
          Target_Date__c: '2025-01-31',
          Achieved_Date__c: '2025-01-10',
          Value_Realized__c: 100
        }),
        goal('PS-G2', a, { Status__c: 'Missed', Start_Date__c: '2024-11-01', Target_Date__c: '2025-02-01' }),
        goal('PS-G3', b, {
          Status__c: 'Achieved',
          Start_Date__c: '2025-01-30',
          Target_Date__c: '2025-03-10',
          Achieved_Date__c: '2025-03-01',
          Value_Realized__c: 50
        }),
        goal('PS-G4', b, { Status__c: 'On Track', Start_Date__c: '2025-01-01', Target_Date__c: '2025-03-01' }),
        // Outside the period: achieved in 2023.
        goal('PS-G5', b, {
          Status__c: 'Achieved',
          Start_Date__c: '2023-01-01',
          Target_Date__c: '2023-06-01',
          Achieved_Date__c: '2023-05-01',
          Value_Realized__c: 999
        })
      ],
      { allOrNone: true }
    );
    await connection.sobject('Opportunity').create(
      [
        {
          Name: 'Expansion',
          AccountId: b,
          StageName: 'Closed Won',
          CloseDate: '2025-02-15',
          Amount: 1000.25,
          CS_Sourced__c: true
        },
        { Name: 'Not CS', AccountId: b, StageName: 'Closed Won', CloseDate: '2025-02-15', Amount: 7 }
      ],
      { allOrNone: true }
    );
    // Weekly usage rollups. The run is on Saturday 15 March 2025: the week in progress starts Monday 10 March, so
    // adoption reads the four complete weeks from 10 February to 3 March and compares them with the four from 13
    // January. A: 10 seats, 8 active users a week before, 6 now: 80% then, 60% now (down 25%: falling); Dashboards
    // and Reports used, 25 + 25 of 100 weight: 50%. B: 20 seats, 24 active users in each of the four weeks: 120%
    // (more users than seats), no earlier weeks to compare (not falling); all five features: 100%. C has none.
    const week = (account: string, key: string, start: string, users: number, seats: number, features: string) => ({
      Name: `${key} ${start}`,
      Usage_Key__c: `${key}-W-${start}`,
      Account__c: account,
      Period__c: 'Week',
      Period_Start__c: start,
      Active_Users__c: users,
      Licensed_Seats__c: seats,
      Features_Used__c: features
    });
    const before = ['2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03'];
    const recent = ['2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03'];
    const all = 'Dashboards;Reports;Automation;Integrations;Collaboration';
    const usage = await connection.sobject('Product_Usage__c').create(
      [
        ...before.map((start) => week(a, 'PS-A', start, 8, 10, 'Dashboards')),
        ...recent.map((start) => week(a, 'PS-A', start, 6, 10, 'Dashboards;Reports')),
        ...recent.map((start) => week(b, 'PS-B', start, 24, 20, all)),
        // Older than the eight weeks adoption reads: never counted.
        week(b, 'PS-B', '2024-12-02', 0, 20, '')
      ],
      { allOrNone: true }
    );
    assert.ok(
      usage.every((r) => r.success),
      JSON.stringify(usage)
    );
  });
  after(async () => seeded?.close());

  it('stores one record per segment with the hand-worked figures', async () => {
    const result = await writeProgramSnapshot(connection, { today: TODAY });
    // 23 segments, the one objective with a linked goal, and 4 change types (3 and Unknown).
    assert.deepEqual([result.accountsRead, result.records, result.written], [3, 28, 28]);
    const stored = await connection.query<Record<string, unknown>>(
      `SELECT Segment_Type__c, Segment__c, Accounts__c, Customers_Achieving__c, Goals_Achieved__c, Goals_Missed__c,
        Goals_Overdue__c, Achievement_Rate_Percent__c, Value_Realized__c, Median_Days_To_Value__c,
        P75_Days_To_Value__c, CS_Sourced_Revenue__c, Period_Start__c FROM Program_Snapshot__c WHERE As_Of__c = ${TODAY}`
    );
    assert.equal(stored.totalSize, 28);
    const unknownChange = stored.records.find(
      (r) => r.Segment_Type__c === 'Change Type' && r.Segment__c === 'Unknown'
    )!;
    // No goal has a change type: every goal of the period is Unknown's.
    assert.deepEqual([unknownChange.Goals_Achieved__c, unknownChange.Goals_Missed__c], [2, 1]);
    const linked = stored.records.find((r) => r.Segment_Type__c === 'Objective')!;
    assert.deepEqual(
      [linked.Segment__c, linked.Goals_Achieved__c, linked.Median_Days_To_Value__c],
      // One goal of 40 days in the 30-45 range (speed.ts): 30 + 1/2 x 15.
      [objectiveId, 1, 37.5]
    );
    const overall = stored.records.find((r) => r.Segment_Type__c === 'Overall')!;
    assert.deepEqual(
      [
        overall.Accounts__c,
        overall.Customers_Achieving__c,
        overall.Goals_Achieved__c,
        overall.Goals_Missed__c,
        overall.Goals_Overdue__c,
        overall.Achievement_Rate_Percent__c,
        overall.Value_Realized__c,
        overall.Median_Days_To_Value__c,
        overall.P75_Days_To_Value__c,
        overall.CS_Sourced_Revenue__c,
        overall.Period_Start__c
      ],
      // Speed as worked in successModel's program test: 37.5 and 41.3 from the 30-45 day range.
      [3, 2, 2, 1, 1, 50, 150, 37.5, 41.3, 1000.25, '2024-04-01']
    );
    const good = stored.records.find((r) => r.Segment_Type__c === 'Tier' && r.Segment__c === 'Good')!;
    assert.deepEqual([good.Accounts__c, good.Goals_Achieved__c, good.Goals_Overdue__c], [1, 1, 1]);
  });

  it('stores adoption by stage and tier from the usage rollups, means over the accounts with usage', async () => {
    const stored = await connection.query<Record<string, unknown>>(
      `SELECT Segment_Type__c, Segment__c, Accounts__c, Accounts_With_Usage__c, Mean_Utilisation_Percent__c,
        Mean_Feature_Adoption_Percent__c, Accounts_Falling__c FROM Program_Snapshot__c WHERE As_Of__c = ${TODAY}`
    );
    const adoption = (type: string, segment: string) => adoptionOf(stored.records, type, segment);
    // Overall: A and B have usage, C none: (60 + 120) / 2 = 90; (50 + 100) / 2 = 75; A falls.
    assert.deepEqual(adoption('Overall', 'All'), [3, 2, 90, 75, 1]);
    assert.deepEqual(adoption('Stage', 'Onboarding'), [1, 1, 60, 50, 1]);
    // Adoption holds B and C: C has no usage and is no 0 in the means.
    assert.deepEqual(adoption('Stage', 'Adoption'), [2, 1, 120, 100, 0]);
    assert.deepEqual(adoption('Stage', 'Renewal'), [0, 0, null, null, 0]);
    assert.deepEqual(adoption('Tier', 'Ideal'), [1, 1, 60, 50, 1]);
    assert.deepEqual(adoption('Tier', 'Good'), [1, 1, 120, 100, 0]);
    assert.deepEqual(adoption('Tier', 'Unknown'), [1, 0, null, null, 0]);
    // Months, objectives and change types carry no adoption.
    assert.deepEqual(adoption('Month', '2025-03').slice(1), [null, null, null, null]);
  });

  it('writes nothing on a second run the same day with nothing changed', async () => {
    const again = await writeProgramSnapshot(connection, { today: TODAY });
    assert.equal(again.written, 0);
  });

  it('prunes the runs the retention does not keep and reports the storage it keeps', async () => {
    // Two older runs of April 2024: only the later is the month's last run.
    await writeProgramSnapshot(connection, { today: '2024-04-10' });
    await writeProgramSnapshot(connection, { today: '2024-04-20' });
    const result = await writeProgramSnapshot(connection, { today: TODAY });
    assert.equal(result.prunedRuns, 1);
    const runs = await connection.query<{ As_Of__c: string }>(
      "SELECT As_Of__c FROM Program_Snapshot__c WHERE Segment_Type__c = 'Overall' ORDER BY As_Of__c"
    );
    assert.deepEqual(
      runs.records.map((r) => r.As_Of__c),
      ['2024-04-20', TODAY]
    );
    assert.equal(result.keptRecords, 56);
    assert.equal(result.keptBytes, 56 * 2048);
  });
});
