// The Apex cannot import successModel, so no Apex query may apply one of its goal rules (open, overdue, achieved in
// the period, days to value): program figures are computed by successModel in the scoring run and stored as program
// snapshots, and the workspace and panel read records, counts and those snapshots. A query that filtered or
// aggregated goals by status, dates or days to value would be a second copy of a rule, and one that charges every
// goal it aggregates against the 50,000-row limit.
import fs from 'node:fs';
import path from 'node:path';
import { SENTIMENT_FRESH_DAYS } from 'c/successModel';

const CLASSES = path.resolve(__dirname, '../../../classes');

/** Every SOQL literal of the non-test classes, as text. */
function soqlOf(source: string): string[] {
  return [...source.matchAll(/\[\s*(SELECT[\s\S]*?)\]/gi)].map((match) => match[1].replace(/\s+/g, ' '));
}

const apexQueries = (): Array<{ file: string; soql: string }> =>
  fs
    .readdirSync(CLASSES)
    .filter((f) => f.endsWith('.cls') && !/Test\.cls$|TestDataFactory\.cls$/.test(f))
    .flatMap((file) => soqlOf(fs.readFileSync(path.join(CLASSES, file), 'utf8')).map((soql) => ({ file, soql })));

/** What would copy a goal rule into SOQL: a goal query filtered or grouped by status, dates or days to value. */
function copiesAGoalRule(soql: string): boolean {
  if (!/\bFROM\s+Customer_Goal__c\b/i.test(soql)) return false;
  // The WHERE and GROUP BY clauses, not the ORDER BY that sorts a list for display.
  const clauses = [...soql.matchAll(/\b(?:WHERE|GROUP BY)\b(.*?)(?=\bWITH\b|\bGROUP BY\b|\bORDER BY\b|\bLIMIT\b|$)/gi)];
  return clauses.some((c) => /Status__c|Achieved_Date__c|Target_Date__c|Start_Date__c|Days_To_Value__c/i.test(c[1]));
}

describe('goal rules stay in successModel', () => {
  it('no Apex query filters or groups goals by status, dates or days to value', () => {
    const queries = apexQueries();
    expect(queries.some((q) => /FROM Customer_Goal__c/i.test(q.soql))).toBe(true);
    expect(queries.filter((q) => copiesAGoalRule(q.soql)).map((q) => q.file)).toEqual([]);
  });

  it('would catch the aggregate shape the workspace used to run', () => {
    const old =
      "SELECT Account__r.Lifecycle_Stage__c stage, COUNT(Id) n FROM Customer_Goal__c WHERE Status__c = 'Achieved' " +
      'AND Achieved_Date__c >= :periodStart GROUP BY Account__r.Lifecycle_Stage__c';
    expect(copiesAGoalRule(old)).toBe(true);
    expect(copiesAGoalRule('SELECT Id, Status__c FROM Customer_Goal__c WHERE Account__c = :accountId')).toBe(false);
  });
});

// One exception, named: the workspace lists the accounts whose sentiment disagrees with their stored band, which a
// bounded query can only do by filtering on the rule. It must stay sentiment.ts's rule, word for word.
describe('the workspace sentiment query is successModel sentiment rule', () => {
  const source = (file: string) => fs.readFileSync(path.join(CLASSES, file), 'utf8');
  const sentimentQueries = () =>
    apexQueries().filter((q) => q.file === 'BookSelector.cls' && /CSM_Sentiment__c\s*=/.test(q.soql));

  it('selects a fresh Red on a success band or a fresh Green on an error band, in the list and its count', () => {
    const queries = sentimentQueries();
    expect(queries).toHaveLength(2);
    for (const { soql } of queries) {
      expect(soql).toContain('CSM_Sentiment_Date__c >= :since');
      expect(soql).toContain(
        "((CSM_Sentiment__c = 'Red' AND Health_Band__c IN :successBands) OR (CSM_Sentiment__c = 'Green' AND Health_Band__c IN :errorBands))"
      );
    }
    const controller = source('CharterWorkspaceController.cls');
    expect(controller).toMatch(/band\.Variant__c == 'success'\) \{\s*successBands\.add/);
    expect(controller).toMatch(/band\.Variant__c == 'error'\) \{\s*errorBands\.add/);
  });

  it('counts a sentiment fresh for as many days as successModel does', () => {
    const days = /SENTIMENT_FRESH_DAYS = (\d+);/.exec(source('CharterWorkspaceController.cls'));
    expect(Number(days?.[1])).toBe(SENTIMENT_FRESH_DAYS);
    expect(source('CharterWorkspaceController.cls')).toContain('ws.asOf.addDays(-SENTIMENT_FRESH_DAYS)');
  });
});
