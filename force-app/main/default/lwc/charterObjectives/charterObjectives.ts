import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/charterLabels';
import type { ObjectiveMetric } from 'c/successModel';

const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const format = (value: number | null | undefined): string => (typeof value === 'number' ? NUMBER.format(value) : '');

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
        unit: objective.Unit__c ?? '',
        baseline: format(objective.Baseline__c),
        current: format(metric.value),
        target: format(objective.Target__c),
        hasProgress: metric.progress.percent !== null,
        progress: metric.progress.percent ?? 0,
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
