import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import type { CharterRole, RaciMatrix } from 'c/successModel';
import type { WorkspaceRole } from 'c/charterWorkspace';
import { formatLabel } from 'c/figureFormat';

interface RoleView {
  key: string;
  id: string | undefined;
  roleName: string;
  department: string;
  person: string;
  /** Who holds it and where they sit, on a line of its own under the role: "Dana Sponsor · Executive". */
  holder: string;
  responsibilities: string;
  expanded: boolean;
  ariaExpanded: string;
  detailId: string;
  editLabel: string;
}

const COLUMNS = ['responsible', 'accountable', 'consulted', 'informed'] as const;

/** Lifecycle stages by RACI role, with the people and departments in each; gaps and conflicts flagged per stage. */
export default class CharterRaciMatrix extends LightningElement {
  @api raci: RaciMatrix | undefined;
  /** The user may create these records (the object's createable, from getObjectInfo): Add is shown only then. */
  @api canCreate = false;
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  labels = LABELS;
  expandedKey: string | null = null;

  get hasRoles(): boolean {
    const raci = this.raci;
    if (!raci) return false;
    return raci.unstaged.length > 0 || raci.stages.some((stage) => COLUMNS.some((column) => stage[column].length > 0));
  }

  private roleView(role: CharterRole, key: string): RoleView {
    const named = role as WorkspaceRole;
    const name = role.Name ?? '';
    const expanded = this.expandedKey === key;
    const person = named.Person__r?.Name ?? '';
    const department = role.Department__c ?? '';
    const who = person || LABELS.NoPerson;
    return {
      key,
      id: role.Id,
      roleName: name,
      department,
      person,
      holder: department ? formatLabel(LABELS.RolePerson, who, department) : who,
      responsibilities: role.Responsibilities__c ?? '',
      expanded,
      ariaExpanded: String(expanded),
      detailId: `resp-${key}`,
      editLabel: formatLabel(LABELS.EditRecord, name)
    };
  }

  get stages() {
    return (this.raci?.stages ?? []).map((stage) => ({
      key: stage.stage,
      stage: stage.stage,
      hasGap: stage.gaps.length > 0,
      hasConflict: stage.conflicts.length > 0,
      flags: [...stage.gaps, ...stage.conflicts].map((fact, index) => ({
        key: `${stage.stage}-${index}`,
        text: fact.text
      })),
      cells: COLUMNS.map((column) => ({
        key: `${stage.stage}-${column}`,
        column,
        roles: stage[column].map((role, index) => this.roleView(role, `${stage.stage}-${column}-${role.Id ?? index}`))
      }))
    }));
  }

  get unstaged(): RoleView[] {
    return (this.raci?.unstaged ?? []).map((role, index) => this.roleView(role, `unstaged-${role.Id ?? index}`));
  }

  get hasUnstaged(): boolean {
    return this.unstaged.length > 0;
  }

  handleToggle(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? null;
    this.expandedKey = this.expandedKey === key ? null : key;
  }

  handleAdd(): void {
    this.request(undefined);
  }

  handleEdit(event: Event): void {
    this.request((event.currentTarget as HTMLElement).dataset.id);
  }

  private request(recordId: string | undefined): void {
    this.dispatchEvent(new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Role__c', recordId } }));
  }
}
