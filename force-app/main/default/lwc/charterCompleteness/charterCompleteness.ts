import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import type { CharterCompleteness as Completeness, CharterPart } from 'c/successModel';

const PART_LABELS: Record<CharterPart, string> = {
  statement: LABELS.PartStatement,
  objectives: LABELS.PartObjectives,
  roles: LABELS.PartRoles,
  roadmap: LABELS.PartRoadmap,
  risks: LABELS.PartRisks
};

/** The five parts of a charter, each ticked or listing what it still misses. */
export default class CharterCompleteness extends LightningElement {
  @api completeness: Completeness | undefined;
  labels = LABELS;

  get percent(): number {
    return this.completeness?.percent ?? 0;
  }

  get parts() {
    return (this.completeness?.parts ?? []).map((part) => ({
      key: part.part,
      label: PART_LABELS[part.part],
      complete: part.complete,
      icon: part.complete ? 'utility:success' : 'utility:warning',
      variant: part.complete ? 'success' : 'warning',
      state: part.complete ? LABELS.Complete : LABELS.Incomplete,
      missing: part.missing.map((fact, index) => ({ key: `${part.part}-${index}`, text: fact.text }))
    }));
  }
}
