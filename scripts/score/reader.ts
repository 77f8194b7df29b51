// The book in account ranges, so memory holds one range at a time however large the book grows: accounts in Id order
// (keyset paging: WHERE Id > the last range's last Id, ORDER BY Id, LIMIT the range size), then the goals and risks
// whose account falls in the range (Account__c between its first and last Id: an indexed, selective filter). Each
// child read goes through REST or a Bulk API 2.0 query job by its expected size (useBulkQuery); accounts always page
// through REST because a query job returns rows in no order.
import {
  ADOPTION_WEEKS,
  formatDay,
  periodOfDay,
  requireDay
} from '../../force-app/main/default/lwc/successModel/successModel';
import type { OrgApi } from '../seed/api';
import {
  GOAL_FIELDS,
  LATEST,
  LATEST_FIELDS,
  RISK_FIELDS,
  STORED_FIELDS,
  USAGE_FIELDS,
  type ScoringInputs
} from './inputs';
import { bulkQuery, restQuery, useBulkQuery, type FieldTypes, type Row } from './query';

export interface AccountRange {
  /** 0-based, in Id order. */
  index: number;
  first: string;
  last: string;
  accounts: Row[];
  goalsByAccount: Map<string, Row[]>;
  risksByAccount: Map<string, Row[]>;
  usageByAccount: Map<string, Row[]>;
  /** How each child object was read. */
  via: { goals: 'rest' | 'bulk'; risks: 'rest' | 'bulk'; usage: 'rest' | 'bulk' };
}

export interface BookSize {
  accounts: number;
  goals: number;
  risks: number;
  /** Weekly usage rollups in the window adoption reads. */
  usage: number;
}

/**
 * The first day of the usage rollups adoption reads on `today`: the Monday of the week twice ADOPTION_WEEKS weeks
 * before this one (the last four complete weeks and the four before them, which the change compares against).
 */
export function usageSince(today: string): string {
  return formatDay(periodOfDay(requireDay(today), 'Week').start - 7 * 2 * ADOPTION_WEEKS);
}

const usageWindow = (today: string): string => `Period__c = 'Week' AND Period_Start__c >= ${usageSince(today)}`;

export interface ReaderOptions {
  rangeSize: number;
  book: BookSize;
  /** Overrides the Bulk API 2.0 query crossover (tests and the benchmark force one path or the other). */
  bulkQueryMinRows?: number;
}

const idLiteral = (id: string): string => {
  if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) throw new Error(`not a record Id: ${id}`);
  return `'${id}'`;
};

/** Accounts, goals, risks and recent usage rollups in the book: four COUNT() queries in one composite call. */
export async function bookSize(api: OrgApi, today: string): Promise<BookSize> {
  const counts = ['Account', 'Customer_Goal__c', 'Customer_Risk__c', `Product_Usage__c WHERE ${usageWindow(today)}`];
  const responses = await api.composite(
    'count the book',
    counts.map((from, i) => ({
      method: 'GET',
      url: `${api.base}/query?q=${encodeURIComponent(`SELECT COUNT() FROM ${from}`)}`,
      referenceId: `n${i}`
    }))
  );
  const totals = responses.map((r, i) => {
    if (r.httpStatusCode !== 200) throw new Error(`count ${counts[i]}: ${JSON.stringify(r.body)}`);
    return (r.body as { totalSize: number }).totalSize;
  });
  return { accounts: totals[0], goals: totals[1], risks: totals[2], usage: totals[3] };
}

function accountSoql(inputs: ScoringInputs, after: string | undefined, size: number): string {
  const fields = [...inputs.accountFields, ...STORED_FIELDS, ...LATEST_FIELDS.map((f) => `${LATEST}.${f}`)];
  const where = after ? ` WHERE Id > ${idLiteral(after)}` : '';
  return `SELECT ${[...new Set(fields)].join(', ')} FROM Account${where} ORDER BY Id LIMIT ${size}`;
}

async function readChildren(
  api: OrgApi,
  object: string,
  fields: readonly string[],
  range: { first: string; last: string; expected: number; where?: string },
  types: FieldTypes,
  options: ReaderOptions
): Promise<{ byAccount: Map<string, Row[]>; via: 'rest' | 'bulk' }> {
  const soql = `SELECT ${fields.join(', ')} FROM ${object} WHERE Account__c >= ${idLiteral(range.first)} AND Account__c <= ${idLiteral(range.last)}${range.where ? ` AND ${range.where}` : ''}`;
  const byAccount = new Map<string, Row[]>();
  const onPage = (rows: Row[]): void => {
    for (const row of rows) {
      const account = String(row.Account__c);
      const list = byAccount.get(account);
      if (list) list.push(row);
      else byAccount.set(account, [row]);
    }
  };
  const bulk = useBulkQuery(range.expected, options.bulkQueryMinRows);
  const label = `read ${object}`;
  if (bulk) await bulkQuery(api, soql, label, types, onPage);
  else await restQuery(api, soql, label, onPage);
  return { byAccount, via: bulk ? 'bulk' : 'rest' };
}

/** The book range by range, from just after `after` (a resumed run) or from the first account. */
export async function* accountRanges(
  api: OrgApi,
  inputs: ScoringInputs,
  options: ReaderOptions & { today: string },
  after?: string
): AsyncGenerator<AccountRange> {
  let last = after;
  for (let index = 0; ; index++) {
    const accounts: Row[] = [];
    await restQuery(api, accountSoql(inputs, last, options.rangeSize), 'read Account', (rows) => {
      accounts.push(...rows);
    });
    if (!accounts.length) return;
    const first = String(accounts[0].Id);
    last = String(accounts[accounts.length - 1].Id);
    const share = options.book.accounts > 0 ? accounts.length / options.book.accounts : 1;
    const span = { first, last };
    const goals = await readChildren(
      api,
      'Customer_Goal__c',
      GOAL_FIELDS,
      { ...span, expected: Math.ceil(options.book.goals * share) },
      inputs.types.Customer_Goal__c,
      options
    );
    const risks = await readChildren(
      api,
      'Customer_Risk__c',
      RISK_FIELDS,
      { ...span, expected: Math.ceil(options.book.risks * share) },
      inputs.types.Customer_Risk__c,
      options
    );
    const usage = await readChildren(
      api,
      'Product_Usage__c',
      USAGE_FIELDS,
      { ...span, expected: Math.ceil(options.book.usage * share), where: usageWindow(options.today) },
      inputs.types.Product_Usage__c,
      options
    );
    yield {
      index,
      first,
      last,
      accounts,
      goalsByAccount: goals.byAccount,
      risksByAccount: risks.byAccount,
      usageByAccount: usage.byAccount,
      via: { goals: goals.via, risks: risks.via, usage: usage.via }
    };
    if (accounts.length < options.rangeSize) return;
  }
}
