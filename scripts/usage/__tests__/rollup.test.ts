// The reader and the rollup without an org: figures for small exports worked out by hand (the comments show the
// arithmetic), every bad row named by file and line, the timestamp shapes of the common analytics exports, and the
// same figures however an account's events are split across files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { activeKeyFeatures } from '../../../force-app/main/default/lwc/successModel/usage';
import { formatDay, parseDay } from '../../../force-app/main/default/lwc/successModel/dates';
import { dayOfTimestamp, readExport, ExportError, type Notice, type Rejected } from '../read';
import { Rollup, type UsageAccount } from '../rollup';
import { usageValues } from '../records';
import { DistinctCounter } from '../distinct';

const DATA = path.join(__dirname, 'data');
// The five default key features (force-app/main/default/customMetadata/Key_Feature.*).
const FEATURES = activeKeyFeatures([
  {
    DeveloperName: 'Dashboards',
    Event_Names__c: 'Dashboard Viewed;Dashboard Created',
    Weight__c: 25,
    Sort_Order__c: 1
  },
  {
    DeveloperName: 'Reports',
    Event_Names__c: 'Report Created;Report Exported;Report Scheduled',
    Weight__c: 25,
    Sort_Order__c: 2
  },
  { DeveloperName: 'Automation', Event_Names__c: 'Workflow Created;Workflow Run', Weight__c: 20, Sort_Order__c: 3 },
  {
    DeveloperName: 'Integrations',
    Event_Names__c: 'Integration Connected;Data Sync Completed',
    Weight__c: 20,
    Sort_Order__c: 4
  },
  { DeveloperName: 'Collaboration', Event_Names__c: 'Comment Added;Item Shared', Weight__c: 10, Sort_Order__c: 5 }
]);
const ACCOUNTS: Record<string, UsageAccount> = {
  'acct-1': { Id: '001000000000001AAA', Success_Key__c: 'ONE', Product_Account_Id__c: 'acct-1', Licensed_Seats__c: 5 },
  'acct-2': {
    Id: '001000000000002AAA',
    Success_Key__c: null,
    Product_Account_Id__c: 'acct-2',
    Licensed_Seats__c: null
  },
  'acct-3': {
    Id: '001000000000003AAA',
    Success_Key__c: 'THREE',
    Product_Account_Id__c: 'acct-3',
    Licensed_Seats__c: 99
  }
};
const NOW = new Date('2026-12-01T08:00:00Z');

async function load(files: string[]): Promise<{ rollup: Rollup; rejected: Rejected[]; notices: Notice[] }> {
  const rollup = new Rollup('Week', FEATURES);
  const rejected: Rejected[] = [];
  const notices: Notice[] = [];
  for (const file of files) {
    await readExport(
      file,
      path.basename(file),
      { now: NOW, featureNames: new Set(FEATURES.map((f) => f.developerName)), batchSize: 2 },
      {
        batch: async (b) => {
          for (const e of b.events) {
            const a = ACCOUNTS[e.account];
            if (a) rollup.addEvent(a, e);
            else
              rejected.push({ file: b.file, line: e.line, kind: 'bad', reason: 'unknown account', account: e.account });
          }
          for (const m of b.metrics) rollup.addMetric(ACCOUNTS[m.account], m);
        },
        reject: (r) => rejected.push(r),
        notice: (n) => notices.push(n)
      }
    );
  }
  return { rollup, rejected, notices };
}

function figures(rollup: Rollup) {
  return rollup.rows().map((row) => {
    const v = usageValues(row, FEATURES);
    return {
      account: row.account.Product_Account_Id__c,
      week: v.Period_Start__c,
      end: v.Period_End__c,
      users: v.Active_Users__c,
      seats: v.Licensed_Seats__c,
      utilisation: v.Utilisation__c,
      sessions: v.Sessions__c,
      events: v.Events__c,
      keyEvents: v.Key_Events__c,
      features: v.Features_Used__c,
      used: v.Key_Features_Used__c,
      adoption: v.Feature_Adoption__c
    };
  });
}

describe('usage rollup', () => {
  test('an event export rolls up per account and ISO week, with distinct users and sessions', async () => {
    const { rollup, rejected } = await load([path.join(DATA, 'small-events.csv')]);
    assert.deepEqual(rejected, []);
    assert.deepEqual(figures(rollup), [
      // acct-1, week of Mon 2 Nov: lines 2-4 (u1 twice, u2): 2 users of 5 seats = 40%; sessions s1, s2; key events
      // Dashboard Viewed and Report Created; features Dashboards (25) + Reports (25) of 100 = 50%.
      {
        account: 'acct-1',
        week: '2026-11-02',
        end: '2026-11-08',
        users: 2,
        seats: 5,
        utilisation: 40,
        sessions: 2,
        events: 3,
        keyEvents: 2,
        features: 'Dashboards;Reports',
        used: 2,
        adoption: 50
      },
      // Week of 9 Nov: line 5 (23:30 at -01:00 is 00:30 UTC on Monday 9 Nov), 6 and 7: u3, u1, u2 = 3 of 5 = 60%;
      // Dashboards (25) + Automation (20) = 45%.
      {
        account: 'acct-1',
        week: '2026-11-09',
        end: '2026-11-15',
        users: 3,
        seats: 5,
        utilisation: 60,
        sessions: 3,
        events: 3,
        keyEvents: 3,
        features: 'Dashboards;Automation',
        used: 2,
        adoption: 45
      },
      // acct-2 has no seats: utilisation unknown. Two Comment Added by v1 in one session: 1 user, 2 key events, 10%.
      {
        account: 'acct-2',
        week: '2026-11-02',
        end: '2026-11-08',
        users: 1,
        seats: null,
        utilisation: null,
        sessions: 1,
        events: 2,
        keyEvents: 2,
        features: 'Collaboration',
        used: 1,
        adoption: 10
      },
      // The export runs to the week of 9 Nov, and acct-2 sent nothing that week: a zero rollup, not a gap.
      {
        account: 'acct-2',
        week: '2026-11-09',
        end: '2026-11-15',
        users: 0,
        seats: null,
        utilisation: null,
        sessions: 0,
        events: 0,
        keyEvents: 0,
        features: null,
        used: 0,
        adoption: 0
      }
    ]);
  });

  test('every bad row is named by file and line with its reason; an unread column is reported', async () => {
    const { rollup, rejected, notices } = await load([path.join(DATA, 'small-events-bad.csv')]);
    assert.deepEqual(
      rejected.map((r) => `${r.file}:${r.line}: ${r.reason}`),
      [
        'small-events-bad.csv:3: unknown account',
        'small-events-bad.csv:4: timestamp "yesterday" is not ISO 8601 or a Unix time',
        'small-events-bad.csv:5: no user id: anonymous events do not count as active users',
        'small-events-bad.csv:6: 5 fields where the header has 6',
        'small-events-bad.csv:7: no event name',
        'small-events-bad.csv:8: timestamp is in the future (after the time of this run)'
      ].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1]))
    );
    assert.deepEqual(notices, [
      {
        file: 'small-events-bad.csv',
        line: 1,
        message: 'column platform is not read by the events load; its values are ignored'
      }
    ]);
    // Only line 2 counts: acct-1, u4, Report Exported on Wednesday 4 Nov.
    assert.deepEqual(
      figures(rollup).map((f) => [f.account, f.week, f.users, f.features]),
      [['acct-1', '2026-11-02', 1, 'Reports']]
    );
  });

  test('a daily-metrics export takes the busiest day, sums sessions and events, and the seats of its last day', async () => {
    const { rollup, rejected } = await load([path.join(DATA, 'small-metrics.csv')]);
    assert.deepEqual(rejected, []);
    const [row] = rollup.rows();
    assert.equal(row.source, 'Daily Metrics');
    // Days 2, 3 and 8 Nov are one week: max(12, 15, 9) = 15 users; 20 + 22 + 10 = 52 sessions; 300 + 310 + 100 = 710
    // events; seats 45 from Sunday the 8th; Reports 5 + Integrations 2 = 7 key events, 25 + 20 = 45%; 15 / 45 = 33.33%.
    assert.deepEqual(figures(rollup), [
      {
        account: 'acct-3',
        week: '2026-11-02',
        end: '2026-11-08',
        users: 15,
        seats: 45,
        utilisation: 33.33,
        sessions: 52,
        events: 710,
        keyEvents: 7,
        features: 'Reports;Integrations',
        used: 2,
        adoption: 45
      }
    ]);
  });

  test('one account spread over two files rolls up to the same figures as one file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-split-'));
    const rows = [
      'account_id,user_id,event,timestamp',
      ...Array.from(
        { length: 40 },
        (_, i) =>
          `acct-1,u${i % 7},${i % 3 ? 'Report Created' : 'Login'},2026-11-${String(2 + (i % 14)).padStart(2, '0')}T10:00:00Z`
      )
    ];
    const whole = path.join(dir, 'whole.csv');
    writeFileSync(whole, rows.join('\n') + '\n');
    // The same events, alternate rows to each file, and the second file as NDJSON in Amplitude's shape, gzipped.
    const a = path.join(dir, 'a.csv');
    writeFileSync(a, [rows[0], ...rows.slice(1).filter((_, i) => i % 2 === 0)].join('\n') + '\n');
    const b = path.join(dir, 'b.ndjson.gz');
    const amplitude = rows
      .slice(1)
      .filter((_, i) => i % 2 === 1)
      .map((line) => {
        const [account, user, event, time] = line.split(',');
        return JSON.stringify({
          event_type: event,
          user_id: user,
          groups: { account: [account] },
          event_time: time.replace('T', ' ').replace('Z', '.000000')
        });
      });
    writeFileSync(b, gzipSync(amplitude.join('\n') + '\n'));
    const one = figures((await load([whole])).rollup);
    const two = figures((await load([a, b])).rollup);
    assert.equal(one.length, 2, 'two weeks');
    // Seven users u0..u6 each appear in both weeks (i % 7 cycles faster than the 14 days).
    assert.deepEqual(
      one.map((f) => f.users),
      [7, 7]
    );
    assert.deepEqual(two, one);
  });

  test('reads timestamps as Segment, Amplitude and Mixpanel write them', () => {
    const day = (text: string) => formatDay(parseDay(text));
    assert.equal(dayOfTimestamp('2026-11-23T10:00:00.123Z'), parseDay('2026-11-23'));
    assert.equal(dayOfTimestamp('2026-11-23 23:59:59.999999'), parseDay('2026-11-23'));
    assert.equal(dayOfTimestamp('2026-11-23T01:00:00+02:00'), parseDay('2026-11-22'), 'an offset moves the UTC day');
    assert.equal(dayOfTimestamp('2026-11-23T23:00:00-0130'), parseDay('2026-11-24'));
    // Mixpanel: Unix seconds; milliseconds too. 2026-11-23 is day 20,780 since 1970: 20,780 x 86,400 = 1,795,392,000 s.
    assert.equal(dayOfTimestamp(1795392000), parseDay(day('2026-11-23')));
    assert.equal(dayOfTimestamp(1795392000 - 1), parseDay('2026-11-22'), 'one second earlier is the day before');
    assert.equal(dayOfTimestamp('1795392000000'), parseDay('2026-11-23'));
    assert.match(String(dayOfTimestamp('2026-02-30T00:00:00Z')), /not a real date/);
    assert.match(String(dayOfTimestamp('23/11/2026')), /not ISO 8601/);
    assert.match(String(dayOfTimestamp(undefined)), /no timestamp/);
    assert.match(String(dayOfTimestamp('2026-11-23T25:00:00+01:00')), /not a real time/);
  });

  test('Segment NDJSON: track and page calls count, identify and group calls are skipped and listed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-segment-'));
    const file = path.join(dir, 'segment.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({
          type: 'track',
          event: 'Report Created',
          userId: 'u1',
          timestamp: '2026-11-02T10:00:00Z',
          context: { groupId: 'acct-1' }
        }),
        JSON.stringify({ type: 'identify', userId: 'u1', traits: {} }),
        '',
        JSON.stringify({
          type: 'page',
          name: 'Home',
          userId: 'u2',
          timestamp: '2026-11-03T10:00:00Z',
          context: { groupId: 'acct-1' }
        }),
        '{not json',
        JSON.stringify({
          type: 'track',
          event: 'Report Created',
          anonymousId: 'a1',
          timestamp: '2026-11-03T10:00:00Z',
          context: { groupId: 'acct-1' }
        }),
        JSON.stringify({ event: 'Login', properties: { distinct_id: 'u3', time: 1762164000, account_id: 'acct-1' } })
      ].join('\r\n')
    );
    const { rollup, rejected } = await load([file]);
    assert.deepEqual(
      rejected.map((r) => `${r.line} ${r.kind}: ${r.reason}`),
      [
        '2 skipped: not a usage event (Segment identify call)',
        '5 bad: not a JSON object (malformed JSON)',
        '6 bad: no user id: anonymous events do not count as active users'
      ]
    );
    // u1 (Mon 2 Nov), u2 (Tue 3 Nov) and Mixpanel's u3 at 1762164000 = 2025-11-03: a week a year earlier.
    assert.deepEqual(
      figures(rollup)
        .filter((f) => f.week === '2026-11-02')
        .map((f) => [f.users, f.events, f.features]),
      [[2, 2, 'Reports']]
    );
  });

  test('an export it cannot read is an error naming the file and line, not a row-by-row failure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-bad-'));
    const noAccount = path.join(dir, 'no-account.csv');
    writeFileSync(noAccount, 'user_id,event,timestamp\nu1,Login,2026-11-02T00:00:00Z\n');
    await assert.rejects(
      load([noAccount]),
      (e: unknown) => e instanceof ExportError && /no-account\.csv:1: no account column/.test(e.message)
    );
    const quotes = path.join(dir, 'quotes.csv');
    writeFileSync(quotes, 'account_id,user_id,event,timestamp\nacct-1,u1,"Login"x,2026-11-02T00:00:00Z\n');
    await assert.rejects(
      load([quotes]),
      (e: unknown) => e instanceof ExportError && /quotes\.csv:2: malformed CSV/.test(e.message)
    );
    const metrics = path.join(dir, 'metrics.csv');
    writeFileSync(metrics, 'account_id,active_users\nacct-1,3\n');
    await assert.rejects(load([metrics]), /metrics\.csv:1: a daily-metrics export needs the column\(s\) date/);
  });

  test('counts distinct pairs exactly as the table grows', () => {
    const counter = new DistinctCounter(16);
    let added = 0;
    for (let slot = 0; slot < 50; slot++) for (let u = 0; u < 200; u++) if (counter.add(slot, `user-${u}`)) added++;
    for (let slot = 0; slot < 50; slot++)
      for (let u = 0; u < 200; u++) assert.equal(counter.add(slot, `user-${u}`), false);
    // 50 slots times 200 users, every pair once.
    assert.equal(added, 10_000);
    assert.equal(counter.size, 10_000);
  });
});
