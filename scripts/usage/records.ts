// Rollups as Product_Usage__c records, in the shape seed's writer sends: one upsert key per account and period, the
// figures computed by successModel (utilisation, feature adoption) so the org holds the product's one definition.
import {
  featureAdoption,
  utilisation,
  type KeyFeature,
  type UsagePeriod
} from '../../force-app/main/default/lwc/successModel/usage';
import { formatDay } from '../../force-app/main/default/lwc/successModel/dates';
import type { PreparedRecord } from '../seed/validate';
import type { RollupRow } from './rollup';

export const USAGE_OBJECT = 'Product_Usage__c';
export const USAGE_KEY_FIELD = 'Usage_Key__c';
/** Every field the load sets, so a reload can compare each one with what the org holds. */
export const USAGE_FIELDS = [
  'Name',
  'Account__c',
  'Period__c',
  'Period_Start__c',
  'Period_End__c',
  'Source__c',
  'Active_Users__c',
  'Licensed_Seats__c',
  'Utilisation__c',
  'Sessions__c',
  'Events__c',
  'Key_Events__c',
  'Key_Features_Used__c',
  'Key_Features_Total__c',
  'Feature_Adoption__c',
  'Features_Used__c'
] as const;

/** About what the platform charges a record of data storage. */
export const BYTES_PER_RECORD = 2048;

/**
 * The upsert key of one account's period: "S:<success key>" for an account that has one, else "P:<product account
 * id>", then the period letter and its first day, e.g. "S:ACME|W|2026-11-23". The success key comes first because
 * seed plans name accounts by it, so demo usage and a later export of the same weeks update the same records.
 */
export function usageKey(
  account: { Success_Key__c: string | null; Product_Account_Id__c: string | null },
  period: UsagePeriod,
  startDay: string
): string {
  const who = account.Success_Key__c ? `S:${account.Success_Key__c}` : `P:${account.Product_Account_Id__c ?? ''}`;
  return `${who}|${period === 'Week' ? 'W' : 'M'}|${startDay}`;
}

export function periodName(period: UsagePeriod, startDay: string): string {
  return period === 'Week' ? `Week of ${startDay}` : `Month of ${startDay.slice(0, 7)}`;
}

/** The figures of one rollup as field values (seats from the export, else the account's at load time). */
export function usageValues(row: RollupRow, features: readonly KeyFeature[]): Record<string, unknown> {
  const start = formatDay(row.start);
  const seats = row.exportSeats ?? row.account.Licensed_Seats__c;
  const adoption = featureAdoption(row.featuresUsed, features);
  return {
    Name: periodName(row.period, start),
    Account__c: row.account.Id,
    Period__c: row.period,
    Period_Start__c: start,
    Period_End__c: formatDay(row.end),
    Source__c: row.source,
    Active_Users__c: row.activeUsers,
    Licensed_Seats__c: seats,
    Utilisation__c: utilisation(row.activeUsers, seats),
    Sessions__c: row.sessions,
    Events__c: row.events,
    Key_Events__c: row.keyEvents,
    Key_Features_Used__c: adoption.used,
    Key_Features_Total__c: adoption.total,
    Feature_Adoption__c: adoption.share,
    Features_Used__c: adoption.usedNames.length ? adoption.usedNames.join(';') : null
  };
}

/** A rollup as the record seed's writer upserts; `pointer` says where it came from for failure reports. */
export function usageRecord(row: RollupRow, features: readonly KeyFeature[]): PreparedRecord {
  const key = usageKey(row.account, row.period, formatDay(row.start));
  return {
    record: {
      section: 'usage',
      object: USAGE_OBJECT,
      keyField: USAGE_KEY_FIELD,
      key,
      pointer: key,
      fields: {},
      parents: [],
      create: true
    },
    values: usageValues(row, features)
  };
}
