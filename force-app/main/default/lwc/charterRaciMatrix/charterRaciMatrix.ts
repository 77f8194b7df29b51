import { api } from 'lwc';
import { CharterPart } from 'c/charterPart';
import type { CharterRole, RaciMatrix } from 'c/successModel';
import type { WorkspaceRole } from 'c/charterWorkspace';
import { formatLabel } from 'c/figureFormat';
import LABEL_NO_PERSON from '@salesforce/label/c.Workspace_NoPerson';
import LABEL_ROLE_PERSON from '@salesforce/label/c.Workspace_RolePerson';
import LABEL_EDIT_RECORD from '@salesforce/label/c.Workspace_EditRecord';
import LABEL_RACI from '@salesforce/label/c.Workspace_Raci';
import LABEL_ADD_ROLE from '@salesforce/label/c.Workspace_AddRole';
import LABEL_STAGE from '@salesforce/label/c.Workspace_Stage';
import LABEL_RESPONSIBLE from '@salesforce/label/c.Workspace_Responsible';
import LABEL_ACCOUNTABLE from '@salesforce/label/c.Workspace_Accountable';
import LABEL_CONSULTED from '@salesforce/label/c.Workspace_Consulted';
import LABEL_INFORMED from '@salesforce/label/c.Workspace_Informed';
import LABEL_GAP from '@salesforce/label/c.Workspace_Gap';
import LABEL_CONFLICT from '@salesforce/label/c.Workspace_Conflict';
import LABEL_EDIT from '@salesforce/label/c.Workspace_Edit';
import LABEL_UNSTAGED from '@salesforce/label/c.Workspace_Unstaged';
import LABEL_NO_ROLES from '@salesforce/label/c.Workspace_NoRoles';

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
export default class CharterRaciMatrix extends CharterPart {
  @api raci: RaciMatrix | undefined;
  protected readonly objectApiName = 'Charter_Role__c';
  labels = {
    raci: LABEL_RACI,
    addRole: LABEL_ADD_ROLE,
    stage: LABEL_STAGE,
    responsible: LABEL_RESPONSIBLE,
    accountable: LABEL_ACCOUNTABLE,
    consulted: LABEL_CONSULTED,
    informed: LABEL_INFORMED,
    gap: LABEL_GAP,
    conflict: LABEL_CONFLICT,
    edit: LABEL_EDIT,
    unstaged: LABEL_UNSTAGED,
    noRoles: LABEL_NO_ROLES
  };
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
    const who = person || LABEL_NO_PERSON;
    return {
      key,
      id: role.Id,
      roleName: name,
      department,
      person,
      holder: department ? formatLabel(LABEL_ROLE_PERSON, who, department) : who,
      responsibilities: role.Responsibilities__c ?? '',
      expanded,
      ariaExpanded: String(expanded),
      detailId: `resp-${key}`,
      editLabel: formatLabel(LABEL_EDIT_RECORD, name)
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
}
