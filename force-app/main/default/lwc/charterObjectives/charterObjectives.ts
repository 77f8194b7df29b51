import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import { formatLabel, formatMeasure, formatPercent } from 'c/figureFormat';
import type { ObjectiveMetric } from 'c/successModel';

/** A value in the objective's unit (money, percentage, days or the unit typed), blank when there is none. */
function format(value: number | null | undefined, unit: string): string {
  return typeof value === 'number' ? formatMeasure(value, unit) : '';
}

/** Each objective's baseline, current value and target, with progress; computed values are marked as such. */
export default class CharterObjectives extends LightningElement {
  @api metrics: ObjectiveMetric[] = [];
  /** The user may create these records (the object's createable, from getObjectInfo): Add is shown only then. */
  @api canCreate = false;
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  labels = LABELS;

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
        editLabel: formatLabel(LABELS.EditRecord, name)
      };
    });
  }

  handleAdd(): void {
    this.request(undefined);
  }

  handleEdit(event: Event): void {
    this.request((event.currentTarget as HTMLElement).dataset.id);
  }

  private request(recordId: string | undefined): void {
    this.dispatchEvent(
      new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Objective__c', recordId } })
    );
  }
}
