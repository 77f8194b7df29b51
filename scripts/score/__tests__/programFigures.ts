// How the score tests read a stored program snapshot's adoption: one segment's figures in a fixed order.
type Row = Record<string, unknown>;

/**
 * One segment's adoption from Program_Snapshot__c rows (read with Segment_Type__c, Segment__c and the five columns):
 * accounts, accounts with usage, mean utilisation %, mean feature adoption %, accounts falling.
 */
export function adoptionOf(rows: Row[], type: string, segment: string): unknown[] {
  const r = rows.find((x) => x.Segment_Type__c === type && x.Segment__c === segment)!;
  return [
    r.Accounts__c,
    r.Accounts_With_Usage__c,
    r.Mean_Utilisation_Percent__c,
    r.Mean_Feature_Adoption_Percent__c,
    r.Accounts_Falling__c
  ];
}
