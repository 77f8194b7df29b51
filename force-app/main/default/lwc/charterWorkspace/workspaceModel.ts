// Turns the view-model the Apex returns into what the tabs show, with successModel doing every calculation.
// Built once per load, so the tabs share one set of figures and one "today" (data.asOf).

import {
  charterCompleteness,
  customerBook,
  heatMap,
  programFromSnapshots,
  programObjectiveMetrics,
  programPeriod,
  raciMatrix,
  roadmapByMonth,
  sentimentDisagreementRows,
  type CharterCompleteness,
  type CustomerBook,
  type HeatMap,
  type ObjectiveMetric,
  type ProgramFigures,
  type RaciMatrix,
  type RoadmapMonth,
  type SentimentDisagreementRow
} from 'c/successModel';
import type { AttentionAccount, WorkspaceData, WorkspaceRisk } from './workspaceTypes';

export interface WorkspaceView {
  completeness: CharterCompleteness;
  objectives: ObjectiveMetric[];
  /** The program as of the last scoring run; null until the book is first scored. */
  program: ProgramFigures | null;
  raci: RaciMatrix;
  roadmap: RoadmapMonth[];
  threats: WorkspaceRisk[];
  enablers: WorkspaceRisk[];
  heatMap: HeatMap;
  book: CustomerBook<AttentionAccount>;
  /** When the book was last scored: the tier and health figures are as of then. */
  lastScoredAt: string | null;
  /** Accounts whose sentiment disagrees with their stored band (the first listed), and how many in all. */
  sentiment: { rows: SentimentDisagreementRow<AttentionAccount>[]; total: number };
}

export function buildWorkspaceView(data: WorkspaceData): WorkspaceView {
  const program = programFromSnapshots(data.program);
  const { from, to } = program ? { from: program.periodStart, to: program.periodEnd } : programPeriod(data.asOf);
  const period = { from, to, today: data.asOf };
  const book = customerBook(data.tierBandCounts, data.attention, data.config.bands);
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
    objectives: programObjectiveMetrics(data.objectives, program, book, period),
    program,
    raci: raciMatrix(data.roles),
    roadmap: roadmapByMonth(data.milestones, data.asOf),
    threats,
    enablers: data.risks.filter((risk) => risk.Type__c === 'Enabler'),
    heatMap: heatMap(threats),
    book,
    lastScoredAt: data.lastScoredAt,
    sentiment: {
      rows: sentimentDisagreementRows(data.sentimentDisagreements, data.config.bands, data.asOf),
      total: data.sentimentDisagreementCount
    }
  };
}
