// Formula fields that state a successModel rule on the platform (for sorting, list views, reports and SOQL filters)
// are checked against the rule itself, over every input the rule distinguishes, with the local org's evaluator of
// the formula. Their help text states the rule's bands, written by successModel.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formulaValue } from '../../localOrg/formula';
import type { FieldSchema } from '../../localOrg/schema';
import { readDataModel, findField, type FieldDef } from '../forceAppModel';
import {
  riskScore,
  riskScoreHelpText,
  timeToValue,
  type CustomerGoal
} from '../../../force-app/main/default/lwc/successModel/successModel';

const MODEL = readDataModel();

function formulaOf(object: string, name: string): FieldDef {
  const field = findField(MODEL, object, name);
  assert.ok(field?.formula, `${object}.${name} is a formula field`);
  return field;
}

function evaluate(field: FieldDef, record: Record<string, unknown>): ReturnType<typeof formulaValue> {
  const schema = {
    name: field.apiName,
    label: field.label,
    type: 'double',
    nillable: true,
    formula: field.formula,
    scale: field.scale
  } as FieldSchema;
  return formulaValue(schema, (name) => record[name] ?? null);
}

const LEVELS = [null, 0, 1, 2, 3, 4, 5, 6];

describe('risk Score__c is riskScore()', () => {
  for (const object of ['Customer_Risk__c', 'Charter_Risk__c']) {
    it(`${object}.Score__c equals riskScore for every level the validation rules allow, and is blank without both`, () => {
      const field = formulaOf(object, 'Score__c');
      for (const likelihood of LEVELS) {
        for (const impact of LEVELS) {
          const allowed = (level: number | null) => level === null || (level >= 1 && level <= 5);
          if (!allowed(likelihood) || !allowed(impact)) continue;
          const value = evaluate(field, { Likelihood__c: likelihood, Impact__c: impact });
          assert.equal(value, riskScore(likelihood, impact), `${object} likelihood ${likelihood}, impact ${impact}`);
        }
      }
    });

    it(`${object}.Score__c help text states the bands successModel rates by`, () => {
      assert.equal(findField(MODEL, object, 'Score__c')?.helpText, riskScoreHelpText());
    });
  }

  it('notices a formula that disagrees', () => {
    const wrong = { ...formulaOf('Customer_Risk__c', 'Score__c'), formula: 'Likelihood__c + Impact__c' };
    assert.notEqual(evaluate(wrong, { Likelihood__c: 2, Impact__c: 5 }), riskScore(2, 5));
  });
});

describe('Customer_Goal__c.Days_To_Value__c is timeToValue() where the queries read it', () => {
  // Every query that reads the field also asks Status__c = 'Achieved' and Days_To_Value__c >= 0.
  const asQueried = (field: FieldDef, goal: CustomerGoal): number | null => {
    const value = evaluate(field, goal as Record<string, unknown>);
    return goal.Status__c === 'Achieved' && typeof value === 'number' && value >= 0 ? value : null;
  };
  const dates = [null, '2025-01-01', '2025-02-28', '2025-03-01', '2024-12-31'];
  const statuses = ['Achieved', 'On Track', 'Missed', null] as const;

  it('agrees for every status and order of dates', () => {
    const field = formulaOf('Customer_Goal__c', 'Days_To_Value__c');
    for (const status of statuses) {
      for (const start of dates) {
        for (const achieved of dates) {
          const goal: CustomerGoal = { Status__c: status, Start_Date__c: start, Achieved_Date__c: achieved };
          assert.equal(asQueried(field, goal), timeToValue(goal), JSON.stringify(goal));
        }
      }
    }
  });

  it('notices a formula that disagrees', () => {
    const wrong = {
      ...formulaOf('Customer_Goal__c', 'Days_To_Value__c'),
      formula: 'Achieved_Date__c - Start_Date__c + 1'
    };
    const goal: CustomerGoal = { Status__c: 'Achieved', Start_Date__c: '2025-01-01', Achieved_Date__c: '2025-03-01' };
    assert.notEqual(asQueried(wrong, goal), timeToValue(goal));
  });
});
