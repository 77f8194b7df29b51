// successModel facts in the success panel's components, each shown through the custom label of its code.
import type { Fact, FactCode } from 'c/successModel';
import GOALS_ATTAINMENT from '@salesforce/label/c.Panel_Fact_GoalsAttainment';
import GOALS_PROGRESS_UNKNOWN from '@salesforce/label/c.Panel_Fact_GoalsProgressUnknown';
import GOALS_OVERDUE from '@salesforce/label/c.Panel_Fact_GoalsOverdue';
import GOALS_MISSED from '@salesforce/label/c.Panel_Fact_GoalsMissed';
import GOALS_ON_SCHEDULE from '@salesforce/label/c.Panel_Fact_GoalsOnSchedule';
import OPEN_RISKS from '@salesforce/label/c.Panel_Fact_OpenRisks';
import HIGH_RISKS from '@salesforce/label/c.Panel_Fact_HighRisks';
import PRODUCT_ADOPTION from '@salesforce/label/c.Panel_Fact_ProductAdoption';
import FIT_SCORE from '@salesforce/label/c.Panel_Fact_FitScore';
import NO_DATA from '@salesforce/label/c.Panel_Fact_NoData';
import UNKNOWN_DIMENSION from '@salesforce/label/c.Panel_Fact_UnknownDimension';
import NO_ACCOUNTABLE from '@salesforce/label/c.Panel_Fact_NoAccountable';
import NO_RESPONSIBLE from '@salesforce/label/c.Panel_Fact_NoResponsible';
import MULTIPLE_ACCOUNTABLE from '@salesforce/label/c.Panel_Fact_MultipleAccountable';
import ROLE_WITHOUT_PERSON from '@salesforce/label/c.Panel_Fact_RoleWithoutPerson';
import NO_GOALS from '@salesforce/label/c.Panel_Fact_NoGoals';
import GOALS_LATE from '@salesforce/label/c.Panel_Fact_GoalsLate';
import NO_SCHEDULED_GOALS from '@salesforce/label/c.Panel_Fact_NoScheduledGoals';
import NO_OPEN_RISKS from '@salesforce/label/c.Panel_Fact_NoOpenRisks';
import FIT_FIELDS_BLANK from '@salesforce/label/c.Panel_Fact_FitFieldsBlank';
import NO_FIT_CRITERIA from '@salesforce/label/c.Panel_Fact_NoFitCriteria';
import FIELD_MISSING from '@salesforce/label/c.Panel_Fact_FieldMissing';
import GOALS_ATTAINMENT_ONE from '@salesforce/label/c.Panel_Fact_GoalsAttainment_One';
import GOALS_LATE_ONE from '@salesforce/label/c.Panel_Fact_GoalsLate_One';
import GOALS_MISSED_ONE from '@salesforce/label/c.Panel_Fact_GoalsMissed_One';
import GOALS_ON_SCHEDULE_ONE from '@salesforce/label/c.Panel_Fact_GoalsOnSchedule_One';
import GOALS_OVERDUE_ONE from '@salesforce/label/c.Panel_Fact_GoalsOverdue_One';
import GOALS_PROGRESS_UNKNOWN_ONE from '@salesforce/label/c.Panel_Fact_GoalsProgressUnknown_One';
import HIGH_RISKS_ONE from '@salesforce/label/c.Panel_Fact_HighRisks_One';
import OPEN_RISKS_ONE from '@salesforce/label/c.Panel_Fact_OpenRisks_One';
import { formatLabel, formatNumber, formatPercent } from 'c/figureFormat';

const FACT_LABELS: Partial<Record<FactCode, string>> = {
  goalsAttainment: GOALS_ATTAINMENT,
  goalsProgressUnknown: GOALS_PROGRESS_UNKNOWN,
  goalsOverdue: GOALS_OVERDUE,
  goalsMissed: GOALS_MISSED,
  goalsOnSchedule: GOALS_ON_SCHEDULE,
  openRisks: OPEN_RISKS,
  highRisks: HIGH_RISKS,
  productAdoption: PRODUCT_ADOPTION,
  fitScore: FIT_SCORE,
  noData: NO_DATA,
  unknownDimension: UNKNOWN_DIMENSION,
  noAccountable: NO_ACCOUNTABLE,
  noResponsible: NO_RESPONSIBLE,
  multipleAccountable: MULTIPLE_ACCOUNTABLE,
  roleWithoutPerson: ROLE_WITHOUT_PERSON,
  noGoals: NO_GOALS,
  goalsLate: GOALS_LATE,
  noScheduledGoals: NO_SCHEDULED_GOALS,
  noOpenRisks: NO_OPEN_RISKS,
  fitFieldsBlank: FIT_FIELDS_BLANK,
  noFitCriteria: NO_FIT_CRITERIA,
  fieldMissing: FIELD_MISSING
};

/** The label to use when the number the wording turns on is 1 ("1 open risk", "1 of 1 goal"). */
const ONE_LABELS: Partial<Record<FactCode, { label: string; by: 'count' | 'of' }>> = {
  goalsAttainment: { label: GOALS_ATTAINMENT_ONE, by: 'count' },
  goalsLate: { label: GOALS_LATE_ONE, by: 'count' },
  goalsMissed: { label: GOALS_MISSED_ONE, by: 'of' },
  goalsOnSchedule: { label: GOALS_ON_SCHEDULE_ONE, by: 'of' },
  goalsOverdue: { label: GOALS_OVERDUE_ONE, by: 'of' },
  goalsProgressUnknown: { label: GOALS_PROGRESS_UNKNOWN_ONE, by: 'count' },
  highRisks: { label: HIGH_RISKS_ONE, by: 'count' },
  openRisks: { label: OPEN_RISKS_ONE, by: 'count' }
};

/**
 * A fact in the user's language, its numbers written by c/figureFormat. Every fact label reads its values at the same
 * positions: {0} count, {1} of, {2} value (a plain number), {3} percent (the 0-100 value), {4} name, {5} stage; facts
 * the panel has no label for fall back to the model's English.
 */
export function factText(fact: Fact): string {
  const one = ONE_LABELS[fact.code];
  const label = one && fact[one.by] === 1 ? one.label : FACT_LABELS[fact.code];
  if (!label) return fact.text;
  const value = fact.value === undefined ? undefined : formatNumber(fact.value);
  const percent = fact.value === undefined ? undefined : formatPercent(fact.value);
  return formatLabel(label, fact.count, fact.of, value, percent, fact.name, fact.stage);
}
