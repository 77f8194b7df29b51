import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/charterLabels';
import type { ObjectiveMetric } from 'c/successModel';

/** Each objective's baseline, current value and target, with progress; computed values are marked as such. */
export default class CharterObjectives extends LightningElement {
  @api metrics: ObjectiveMetric[] = [];
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
        baseline: objective.Baseline__c ?? null,
        current: metric.value,
        target: objective.Target__c ?? null,
        hasProgress: metric.progress.percent !== null,
        progress: metric.progress.percent ?? 0,
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
