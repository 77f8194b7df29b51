// The field names the model reads must exist in the data model (force-app/main/default/objects), and the picklist
// values and configuration records it relies on must be the ones the metadata defines.
import fs from 'node:fs';
import path from 'node:path';
import {
  USAGE_MEASURES,
  DIRECTIONS,
  GOAL_STATUSES,
  HEALTH_DIMENSIONS,
  ICP_OPERATORS,
  LIFECYCLE_STAGES,
  METRIC_TYPES,
  MILESTONE_STATUSES,
  MILESTONE_TYPES,
  MODEL_FIELDS,
  RACI_VALUES,
  RISK_STATUSES,
  RISK_TYPES
} from 'c/successModel';

const DEFAULT_DIR = path.resolve(__dirname, '..', '..', '..');
const OBJECTS = path.join(DEFAULT_DIR, 'objects');
const CUSTOM_METADATA = path.join(DEFAULT_DIR, 'customMetadata');

const read = (file: string): string => fs.readFileSync(file, 'utf8');
const fieldFile = (object: string, field: string): string =>
  path.join(OBJECTS, object, 'fields', `${field}.field-meta.xml`);

function picklistValues(object: string, field: string): string[] {
  const xml = read(fieldFile(object, field));
  return [...xml.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((match) => match[1]);
}

/** Custom metadata records of one type: DeveloperName to { field: value }. */
function records(type: string): Map<string, Record<string, string>> {
  const result = new Map<string, Record<string, string>>();
  for (const file of fs.readdirSync(CUSTOM_METADATA).filter((name) => name.startsWith(`${type}.`))) {
    const xml = read(path.join(CUSTOM_METADATA, file));
    const values: Record<string, string> = {};
    for (const match of xml.matchAll(/<field>([^<]+)<\/field>\s*<value[^>]*>([^<]*)<\/value>/g))
      values[match[1]] = match[2];
    result.set(file.slice(type.length + 1, -'.md-meta.xml'.length), values);
  }
  return result;
}

const present = fs.existsSync(OBJECTS) && fs.readdirSync(OBJECTS).length > 0;
// Skipped (visibly) only while the data model is not in the tree yet; CI always has it.
const whenPresent = present ? describe : describe.skip;

whenPresent('the data model has every field the successModel reads', () => {
  const custom = Object.entries(MODEL_FIELDS).flatMap(([object, fields]) =>
    (fields as readonly string[]).filter((field) => field.endsWith('__c')).map((field) => [object, field] as const)
  );

  it.each(custom)('%s.%s', (object, field) => {
    expect(fs.existsSync(fieldFile(object, field))).toBe(true);
  });

  it('has the picklist values the model compares against', () => {
    const checks: [string, string, readonly string[]][] = [
      ['Customer_Goal__c', 'Status__c', GOAL_STATUSES],
      ['Customer_Goal__c', 'Direction__c', DIRECTIONS],
      ['Charter_Objective__c', 'Direction__c', DIRECTIONS],
      ['Charter_Objective__c', 'Metric_Type__c', METRIC_TYPES],
      ['Account', 'Lifecycle_Stage__c', LIFECYCLE_STAGES],
      ['Charter_Role__c', 'Lifecycle_Stage__c', LIFECYCLE_STAGES],
      ['Charter_Role__c', 'RACI__c', RACI_VALUES],
      ['Charter_Milestone__c', 'Type__c', MILESTONE_TYPES],
      ['Charter_Milestone__c', 'Status__c', MILESTONE_STATUSES],
      ['Charter_Risk__c', 'Type__c', RISK_TYPES],
      ['Charter_Risk__c', 'Status__c', RISK_STATUSES],
      ['Customer_Risk__c', 'Status__c', RISK_STATUSES]
    ];
    const mismatches = checks
      .map(([object, field, expected]) => [`${object}.${field}`, picklistValues(object, field), expected] as const)
      .filter(([, actual, expected]) => JSON.stringify(actual) !== JSON.stringify([...expected]));
    expect(mismatches).toEqual([]);
  });

  it('ships a Health_Dimension__mdt record for every dimension the model computes', () => {
    expect([...records('Health_Dimension').keys()].sort()).toEqual([...HEALTH_DIMENSIONS].sort());
  });

  it('ships Health_Band__mdt records the bands rule can use', () => {
    const bands = records('Health_Band');
    expect(bands.size).toBeGreaterThan(0);
    for (const band of bands.values()) expect(['success', 'warning', 'error']).toContain(band.Variant__c);
    expect([...bands.values()].some((band) => Number(band.Minimum_Score__c) === 0)).toBe(true);
  });

  it('ships ICP criteria on known Account fields with operators the model evaluates', () => {
    const accountFields = [...(MODEL_FIELDS.Account as readonly string[]), ...USAGE_MEASURES];
    for (const [name, criterion] of records('ICP_Criterion')) {
      expect([name, accountFields.includes(criterion.Field__c)]).toEqual([name, true]);
      expect([name, (ICP_OPERATORS as readonly string[]).includes(criterion.Operator__c)]).toEqual([name, true]);
    }
  });
});
