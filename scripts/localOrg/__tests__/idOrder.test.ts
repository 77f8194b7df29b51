// Keyset paging (WHERE Id > the last Id seen ORDER BY Id LIMIT n) as the scoring run reads the book: Ids compare and
// sort by their exact characters, so two Ids that differ only in case are two rows, each read once, in order.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Connection } from 'jsforce';
import { API, startTestOrg, type TestOrg } from './helpers';

describe('local org Id order', () => {
  let org: TestOrg;
  let conn: Connection;
  let ids: string[];

  before(async () => {
    org = await startTestOrg();
    conn = new Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: API });
    // 130 accounts: the Ids' last counter character runs through 0-9, A-Z and a-z twice, so "...A" and "...a" both exist.
    const created = await conn.sobject('Account').create(
      Array.from({ length: 130 }, (_, i) => ({ Name: `Account ${i}` })),
      { allowRecursive: true }
    );
    ids = created.map((r) => String(r.id));
  });
  after(() => org.dispose());

  it('has Ids that differ only in case', () => {
    const lower = new Set(ids.map((id) => id.slice(0, 15).toLowerCase()));
    assert.ok(lower.size < ids.length, 'some Ids are equal ignoring case');
  });

  it('pages through every account exactly once, in the byte order of the Ids', async () => {
    const seen: string[] = [];
    let last: string | undefined;
    for (;;) {
      const where = last ? ` WHERE Id > '${last}'` : '';
      const page = await conn.query<{ Id: string }>(`SELECT Id FROM Account${where} ORDER BY Id LIMIT 25`);
      if (!page.records.length) break;
      seen.push(...page.records.map((r) => r.Id));
      last = page.records[page.records.length - 1].Id;
    }
    const expected = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(seen, expected);
  });
});
