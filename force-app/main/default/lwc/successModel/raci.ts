// RACI per lifecycle stage: exactly one Accountable and at least one Responsible.

import { fact, type Fact } from './facts';
import { LIFECYCLE_STAGES, type CharterRole, type LifecycleStage } from './types';

export interface StageRaci {
  stage: LifecycleStage;
  responsible: CharterRole[];
  accountable: CharterRole[];
  consulted: CharterRole[];
  informed: CharterRole[];
  /** Missing roles: no Accountable, no Responsible, or an R/A role with nobody in it. */
  gaps: Fact[];
  /** More than one Accountable. */
  conflicts: Fact[];
}

export interface RaciMatrix {
  stages: StageRaci[];
  /** Roles with no (or an unknown) lifecycle stage: shown, but not counted for any stage. */
  unstaged: CharterRole[];
  complete: boolean;
}

const roleName = (role: CharterRole): string => role.Name ?? role.Role_Key__c ?? role.Id ?? '';

export function raciMatrix(roles: readonly CharterRole[]): RaciMatrix {
  const stages: StageRaci[] = LIFECYCLE_STAGES.map((stage) => ({
    stage,
    responsible: [],
    accountable: [],
    consulted: [],
    informed: [],
    gaps: [],
    conflicts: []
  }));
  const unstaged: CharterRole[] = [];
  for (const role of roles) {
    const entry = stages.find((candidate) => candidate.stage === role.Lifecycle_Stage__c);
    if (!entry) {
      unstaged.push(role);
      continue;
    }
    switch (role.RACI__c) {
      case 'Responsible':
        entry.responsible.push(role);
        break;
      case 'Accountable':
        entry.accountable.push(role);
        break;
      case 'Consulted':
        entry.consulted.push(role);
        break;
      case 'Informed':
        entry.informed.push(role);
        break;
      default:
        unstaged.push(role);
    }
  }
  for (const entry of stages) {
    if (entry.accountable.length === 0) entry.gaps.push(fact('noAccountable', { name: entry.stage }));
    if (entry.accountable.length > 1) {
      entry.conflicts.push(fact('multipleAccountable', { name: entry.stage, count: entry.accountable.length }));
    }
    if (entry.responsible.length === 0) entry.gaps.push(fact('noResponsible', { name: entry.stage }));
    for (const role of [...entry.accountable, ...entry.responsible]) {
      if (!role.Person__c) entry.gaps.push(fact('roleWithoutPerson', { name: roleName(role), stage: entry.stage }));
    }
  }
  const complete = stages.every((entry) => entry.gaps.length === 0 && entry.conflicts.length === 0);
  return { stages, unstaged, complete };
}
