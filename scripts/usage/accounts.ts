// Matching export rows to accounts: by the product's own account id (Account.Product_Account_Id__c) first, else by
// the success key. Identifiers are looked up as they first appear, a few hundred to a query and five queries to a
// composite call, so a load reads only the accounts its export names, never the whole book.
import type { OrgApi, SubRequest } from '../seed/api';
import type { UsageAccount } from './rollup';

/** Keep each query URL well under the platform's limit (two IN lists of this many characters each). */
const MAX_IN_CHARS = 3500;
const QUERIES_PER_CALL = 5;

const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const ACCOUNT_FIELDS = ['Id', 'Success_Key__c', 'Product_Account_Id__c', 'Licensed_Seats__c'] as const;

export class AccountResolver {
  private readonly known = new Map<string, UsageAccount | null>();
  /** Identifiers that matched one account's product id and another's success key: the product id won. */
  readonly ambiguous: string[] = [];

  constructor(private readonly api: OrgApi) {}

  /** The account for an identifier already looked up: an account, null (no such account) or undefined (not yet). */
  get(identifier: string): UsageAccount | null | undefined {
    return this.known.get(identifier);
  }

  get matched(): number {
    let n = 0;
    for (const a of this.known.values()) if (a) n++;
    return n;
  }

  /** Looks up the identifiers not yet known. */
  async resolve(identifiers: Iterable<string>): Promise<void> {
    const wanted = [...new Set(identifiers)].filter((id) => !this.known.has(id));
    const lists: string[][] = [];
    let current: string[] = [];
    let length = 0;
    for (const id of wanted) {
      const text = soqlString(id);
      if (current.length && length + text.length > MAX_IN_CHARS) {
        lists.push(current);
        current = [];
        length = 0;
      }
      current.push(id);
      length += text.length + 1;
    }
    if (current.length) lists.push(current);
    for (let i = 0; i < lists.length; i += QUERIES_PER_CALL) {
      const group = lists.slice(i, i + QUERIES_PER_CALL);
      const subrequests: SubRequest[] = group.map((ids, n) => {
        const list = ids.map(soqlString).join(',');
        const soql = `SELECT ${ACCOUNT_FIELDS.join(', ')} FROM Account WHERE Product_Account_Id__c IN (${list}) OR Success_Key__c IN (${list})`;
        return { method: 'GET', url: `${this.api.base}/query?q=${encodeURIComponent(soql)}`, referenceId: `a${n}` };
      });
      const responses = await this.api.composite('match accounts', subrequests);
      group.forEach((ids, n) => {
        const response = responses[n];
        if (response?.httpStatusCode !== 200) {
          throw new Error(`matching accounts: ${JSON.stringify(response?.body)}`);
        }
        const records = (response.body as { records: UsageAccount[] }).records;
        const byProduct = new Map<string, UsageAccount>();
        const byKey = new Map<string, UsageAccount>();
        for (const r of records) {
          const account: UsageAccount = {
            Id: r.Id,
            Success_Key__c: r.Success_Key__c ?? null,
            Product_Account_Id__c: r.Product_Account_Id__c ?? null,
            Licensed_Seats__c: typeof r.Licensed_Seats__c === 'number' ? r.Licensed_Seats__c : null
          };
          if (account.Product_Account_Id__c) byProduct.set(account.Product_Account_Id__c, account);
          if (account.Success_Key__c) byKey.set(account.Success_Key__c, account);
        }
        for (const id of ids) {
          const product = byProduct.get(id);
          const key = byKey.get(id);
          if (product && key && product.Id !== key.Id) this.ambiguous.push(id);
          this.known.set(id, product ?? key ?? null);
        }
      });
    }
  }
}
