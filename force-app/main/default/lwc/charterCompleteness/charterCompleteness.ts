import { LightningElement, api } from 'lwc';
import type { CharterCompleteness as Completeness, CharterPart } from 'c/successModel';
import LABEL_PART_STATEMENT from '@salesforce/label/c.Workspace_PartStatement';
import LABEL_PART_OBJECTIVES from '@salesforce/label/c.Workspace_PartObjectives';
import LABEL_PART_ROLES from '@salesforce/label/c.Workspace_PartRoles';
import LABEL_PART_ROADMAP from '@salesforce/label/c.Workspace_PartRoadmap';
import LABEL_PART_RISKS from '@salesforce/label/c.Workspace_PartRisks';
import LABEL_COMPLETE from '@salesforce/label/c.Workspace_Complete';
import LABEL_INCOMPLETE from '@salesforce/label/c.Workspace_Incomplete';
import LABEL_COMPLETENESS from '@salesforce/label/c.Workspace_Completeness';

const PART_LABELS: Record<CharterPart, string> = {
  statement: LABEL_PART_STATEMENT,
  objectives: LABEL_PART_OBJECTIVES,
  roles: LABEL_PART_ROLES,
  roadmap: LABEL_PART_ROADMAP,
  risks: LABEL_PART_RISKS
};

/** The five parts of a charter, each ticked or listing what it still misses. */
export default class CharterCompleteness extends LightningElement {
  @api completeness: Completeness | undefined;
  labels = {
    completeness: LABEL_COMPLETENESS
  };

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
      state: part.complete ? LABEL_COMPLETE : LABEL_INCOMPLETE,
      missing: part.missing.map((fact, index) => ({ key: `${part.part}-${index}`, text: fact.text }))
    }));
  }
}
