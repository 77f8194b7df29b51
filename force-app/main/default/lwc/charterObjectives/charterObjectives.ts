import { api } from 'lwc';
import { CharterPart } from 'c/charterPart';
import { formatLabel, formatMeasure, formatPercent } from 'c/figureFormat';
import type { ObjectiveMetric } from 'c/successModel';
import LABEL_EDIT_RECORD from '@salesforce/label/c.Workspace_EditRecord';
import LABEL_OBJECTIVES from '@salesforce/label/c.Workspace_Objectives';
import LABEL_ADD_OBJECTIVE from '@salesforce/label/c.Workspace_AddObjective';
import LABEL_OBJECTIVE from '@salesforce/label/c.Workspace_Objective';
import LABEL_BASELINE from '@salesforce/label/c.Workspace_Baseline';
import LABEL_CURRENT from '@salesforce/label/c.Workspace_Current';
import LABEL_TARGET from '@salesforce/label/c.Workspace_Target';
import LABEL_PROGRESS from '@salesforce/label/c.Workspace_Progress';
import LABEL_EDIT from '@salesforce/label/c.Workspace_Edit';
import LABEL_COMPUTED from '@salesforce/label/c.Workspace_Computed';
import LABEL_WHOLE_BOOK from '@salesforce/label/c.Workspace_WholeBook';
import LABEL_NOT_AVAILABLE from '@salesforce/label/c.Workspace_NotAvailable';
import LABEL_NO_OBJECTIVES from '@salesforce/label/c.Workspace_NoObjectives';

/** A value in the objective's unit (money, percentage, days or the unit typed), blank when there is none. */
function format(value: number | null | undefined, unit: string): string {
  return typeof value === 'number' ? formatMeasure(value, unit) : '';
}

/** Each objective's baseline, current value and target, with progress; computed values are marked as such. */
export default class CharterObjectives extends CharterPart {
  @api metrics: ObjectiveMetric[] = [];
  protected readonly objectApiName = 'Charter_Objective__c';
  labels = {
    objectives: LABEL_OBJECTIVES,
    addObjective: LABEL_ADD_OBJECTIVE,
    objective: LABEL_OBJECTIVE,
    baseline: LABEL_BASELINE,
    current: LABEL_CURRENT,
    target: LABEL_TARGET,
    progress: LABEL_PROGRESS,
    edit: LABEL_EDIT,
    computed: LABEL_COMPUTED,
    wholeBook: LABEL_WHOLE_BOOK,
    notAvailable: LABEL_NOT_AVAILABLE,
    noObjectives: LABEL_NO_OBJECTIVES
  };

  get hasObjectives(): boolean {
    return this.metrics.length > 0;
  }

  get rows() {
    return this.metrics.map((metric, index) => {
      const objective = metric.objective;
      const name = objective.Name ?? '';
      return {
        key: objective.Id ?? String(index),
        id: objective.Id,
        name,
        metricType: metric.metricType ?? '',
        baseline: format(objective.Baseline__c, objective.Unit__c ?? ''),
        current: format(metric.value, objective.Unit__c ?? ''),
        target: format(objective.Target__c, objective.Unit__c ?? ''),
        // An objective with no linked goal reads every goal of the book: said beside its value (docs/metrics.md).
        wholeBook: metric.scope === 'allGoals',
        hasProgress: metric.progress.percent !== null,
        progress: formatPercent(metric.progress.percent),
        progressStyle: `width: ${metric.progress.percent ?? 0}%`,
        computed: metric.computed,
        editLabel: formatLabel(LABEL_EDIT_RECORD, name)
      };
    });
  }
}
