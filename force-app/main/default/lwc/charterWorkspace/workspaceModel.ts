// Turns the view-model the Apex returns into what the tabs show, with successModel doing every calculation.
// Built once per load, so the tabs share one set of figures and one "today" (data.asOf).

import {
  charterCompleteness,
  customerBook,
  heatMap,
  programObjectiveMetrics,
  programTrend,
  programVelocity,
  raciMatrix,
  roadmapByMonth,
  type CharterCompleteness,
  type CustomerBook,
  type HeatMap,
  type ObjectiveMetric,
  type ProgramMonth,
  type ProgramVelocity,
  type RaciMatrix,
  type RoadmapMonth
} from 'c/successModel';
import type { WorkspaceData, WorkspaceRisk } from './workspaceTypes';

export interface WorkspaceView {
  completeness: CharterCompleteness;
  objectives: ObjectiveMetric[];
  velocity: ProgramVelocity;
  trend: ProgramMonth[];
  raci: RaciMatrix;
  roadmap: RoadmapMonth[];
  threats: WorkspaceRisk[];
  enablers: WorkspaceRisk[];
  heatMap: HeatMap;
  book: CustomerBook;
}

export function buildWorkspaceView(data: WorkspaceData): WorkspaceView {
  const period = { from: data.periodStart, to: data.periodEnd, today: data.asOf };
  const velocity = programVelocity(data.program);
  const book = customerBook(data.customers, data.config, period);
  // A risk with no type is a threat, as charterCompleteness reads it.
  const threats = data.risks.filter((risk) => risk.Type__c !== 'Enabler');
  return {
    completeness: charterCompleteness({
      charter: data.charter ?? {},
      objectives: data.objectives,
      roles: data.roles,
      milestones: data.milestones,
      risks: data.risks
    }),
    objectives: programObjectiveMetrics(
      data.objectives,
      velocity,
      book.rows.map((row) => row.health),
      period,
      data.program
    ),
    velocity,
    trend: programTrend(data.program, data.periodStart, data.periodEnd),
    raci: raciMatrix(data.roles),
    roadmap: roadmapByMonth(data.milestones, data.asOf),
    threats,
    enablers: data.risks.filter((risk) => risk.Type__c === 'Enabler'),
    heatMap: heatMap(threats),
    book
  };
}
