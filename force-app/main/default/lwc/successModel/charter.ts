// Charter completeness: the five parts a Customer Success charter is made of, each complete or not.

import { fact, type Fact } from './facts';
import { raciMatrix } from './raci';
import type { CharterMilestone, CharterObjective, CharterRisk, CharterRole, SuccessCharter } from './types';

export const CHARTER_PARTS = ['statement', 'objectives', 'roles', 'roadmap', 'risks'] as const;
export type CharterPart = (typeof CHARTER_PARTS)[number];

/** The charter statement: mission and vision, why it matters, problems solved, opportunities, cost of inaction. */
export const STATEMENT_FIELDS = [
  'Mission__c',
  'Vision__c',
  'Why_It_Matters__c',
  'Problems_Solved__c',
  'Opportunities__c',
  'Cost_Of_Inaction__c'
] as const satisfies readonly (keyof SuccessCharter)[];

export interface CharterInput {
  charter: SuccessCharter;
  objectives: readonly CharterObjective[];
  roles: readonly CharterRole[];
  milestones: readonly CharterMilestone[];
  risks: readonly CharterRisk[];
}

export interface PartCompleteness {
  part: CharterPart;
  complete: boolean;
  missing: Fact[];
}

export interface CharterCompleteness {
  parts: PartCompleteness[];
  /** Complete parts out of five, as a whole percent (0, 20, ... 100). */
  percent: number;
}

const blank = (value: string | null | undefined): boolean => !value || value.trim() === '';
const nameOf = (record: { Name?: string | null; Id?: string }): string => record.Name ?? record.Id ?? '';

function statement(charter: SuccessCharter): Fact[] {
  return STATEMENT_FIELDS.filter((field) => blank(charter[field])).map((field) =>
    fact('fieldMissing', { name: field })
  );
}

function objectives(list: readonly CharterObjective[]): Fact[] {
  if (list.length === 0) return [fact('noObjectives')];
  const missing: Fact[] = [];
  for (const objective of list) {
    if (!objective.Metric_Type__c) missing.push(fact('objectiveWithoutMetric', { name: nameOf(objective) }));
    if (typeof objective.Target__c !== 'number') {
      missing.push(fact('objectiveWithoutTarget', { name: nameOf(objective) }));
    }
  }
  return missing;
}

function roles(charter: SuccessCharter, list: readonly CharterRole[]): Fact[] {
  const missing: Fact[] = [];
  if (!charter.Executive_Sponsor__c) missing.push(fact('fieldMissing', { name: 'Executive_Sponsor__c' }));
  if (list.length === 0) return [...missing, fact('noRoles')];
  const matrix = raciMatrix(list);
  for (const stage of matrix.stages) missing.push(...stage.gaps, ...stage.conflicts);
  return missing;
}

function roadmap(list: readonly CharterMilestone[]): Fact[] {
  const live = list.filter((item) => item.Status__c !== 'Cancelled');
  const communications = live.filter((item) => item.Type__c === 'Communication');
  const missing: Fact[] = [];
  if (communications.length === live.length) missing.push(fact('noRoadmapItems'));
  if (communications.length === 0) missing.push(fact('noCommunications'));
  for (const item of communications) {
    if (blank(item.Audience__c) || !item.Channel__c) {
      missing.push(fact('communicationIncomplete', { name: nameOf(item) }));
    }
  }
  return missing;
}

function risks(list: readonly CharterRisk[]): Fact[] {
  if (list.length === 0) return [fact('noRisks')];
  // Enablers and closed risks need no corrective action; a risk with no type is treated as a threat.
  return list
    .filter((risk) => risk.Type__c !== 'Enabler' && risk.Status__c !== 'Closed' && blank(risk.Corrective_Action__c))
    .map((risk) => fact('riskWithoutCorrectiveAction', { name: nameOf(risk) }));
}

export function charterCompleteness(input: CharterInput): CharterCompleteness {
  const found: Record<CharterPart, Fact[]> = {
    statement: statement(input.charter),
    objectives: objectives(input.objectives),
    roles: roles(input.charter, input.roles),
    roadmap: roadmap(input.milestones),
    risks: risks(input.risks)
  };
  const parts = CHARTER_PARTS.map((part) => ({ part, complete: found[part].length === 0, missing: found[part] }));
  const done = parts.filter((part) => part.complete).length;
  return { parts, percent: (done / CHARTER_PARTS.length) * 100 };
}
