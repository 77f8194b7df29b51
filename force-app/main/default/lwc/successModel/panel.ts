// The Account success panel's figures: one call turns an account's records and configuration into everything the
// panel shows, so its components only render. Record types are generic so relationship fields the caller loaded
// (objective name, owner name) travel with each record.

import { daysBetween, parseDay } from './dates';
import type { Fact } from './facts';
import { evaluateFit, type FitResult } from './fit';
import {
  goalProgress,
  goalTimeliness,
  timeToValue,
  accountTimeToFirstValue,
  isOpenGoal,
  type Progress,
  type Timeliness
} from './goals';
import { healthScore, type HealthResult } from './health';
import { healthHistory, type HealthHistory, type HealthSnapshotRecord } from './history';
import { raciMatrix } from './raci';
import { isOpenRisk, riskRating, scoreOf, type RiskRating } from './risk';
import { usageAdoption, type KeyFeatureConfig, type ProductUsageRecord, type UsageAdoption } from './usage';
import type {
  AccountRecord,
  CharterRole,
  CustomerGoal,
  CustomerRisk,
  HealthBandConfig,
  HealthDimensionConfig,
  IcpCriterionConfig,
  IsoDate,
  LifecycleStage,
  LifecycleStageConfig,
  OpportunityRecord
} from './types';

export interface PanelConfig {
  dimensions: readonly HealthDimensionConfig[];
  bands: readonly HealthBandConfig[];
  stages: readonly LifecycleStageConfig[];
  criteria: readonly IcpCriterionConfig[];
  /** Key_Feature__mdt records; without them feature adoption is unknown. */
  keyFeatures?: readonly KeyFeatureConfig[];
}

export interface PanelInput<G extends CustomerGoal, R extends CustomerRisk, P extends CharterRole> {
  account: AccountRecord;
  goals: readonly G[];
  risks: readonly R[];
  opportunities: readonly OpportunityRecord[];
  /** Roles of the Active charter; only those of the account's lifecycle stage are used. */
  roles: readonly P[];
  /** The account's weekly usage rollups, the last twelve complete weeks at least (the trend shows twelve). */
  usage?: readonly ProductUsageRecord[];
  /** The account's latest health snapshots (the controller reads the last twelve); none: no trend, no change. */
  healthSnapshots?: readonly HealthSnapshotRecord[];
  config: PanelConfig;
}

export interface GoalStanding<G extends CustomerGoal = CustomerGoal> {
  goal: G;
  progress: Progress;
  timeliness: Timeliness;
  /** Days from today to the target date, negative once past; null when unscheduled. */
  daysToTarget: number | null;
  /** Days from start to achieved, for achieved goals. */
  daysToValue: number | null;
  /** True while the goal can still change: not achieved, missed or cancelled. */
  isOpen: boolean;
}

export interface RiskStanding<R extends CustomerRisk = CustomerRisk> {
  risk: R;
  score: number | null;
  rating: RiskRating | null;
}

export type StepState = 'complete' | 'current' | 'upcoming';

export interface LifecycleStep {
  /** Lifecycle_Stage__mdt DeveloperName. */
  key: string;
  /** The stage as Account.Lifecycle_Stage__c spells it. */
  label: string;
  targetDays: number | null;
  description: string | null;
  state: StepState;
  /** On the current step: days since the account entered the stage (null without a date). */
  daysInStage: number | null;
  /** On the current step: true once the days in stage pass the stage's target days. */
  overdueInStage: boolean;
}

export interface StagePeople<P extends CharterRole = CharterRole> {
  stage: LifecycleStage | null;
  accountable: P[];
  responsible: P[];
  /** Missing Accountable or Responsible roles for the stage, or roles nobody fills. */
  gaps: Fact[];
  conflicts: Fact[];
}

export interface RevenueFacts {
  arr: number | null;
  renewalDate: IsoDate | null;
  /** Negative once the renewal date has passed; null without a date. */
  daysToRenewal: number | null;
  /** Open CS-sourced opportunities: their count and total amount. */
  pipelineCount: number;
  pipelineAmount: number;
  /** Won CS-sourced opportunities, whenever they closed: their count and total amount. */
  wonCount: number;
  wonAmount: number;
  /**
   * Of the won CS-sourced opportunities, those linked to one of the account's goals that was achieved on or
   * before the close date: revenue that followed an achieved goal.
   */
  afterGoalCount: number;
  afterGoalAmount: number;
}

export interface GoalSummary {
  total: number;
  /** Goals not yet achieved, missed or cancelled. */
  openCount: number;
  achieved: number;
  overdue: number;
  dueSoon: number;
  /** Sum of Value_Realized__c over achieved goals. */
  valueRealized: number;
  /** Days from the first goal's start to the first achievement. */
  daysToFirstValue: number | null;
}

export interface AccountPanel<G extends CustomerGoal, R extends CustomerRisk, P extends CharterRole> {
  health: HealthResult;
  /** The stored snapshots as a trend, and what changed from the latest of them to today's score. */
  healthHistory: HealthHistory;
  fit: FitResult;
  /** Product adoption from usage: utilisation, its change, key features used and unused, the weekly trend. */
  adoption: UsageAdoption;
  lifecycle: LifecycleStep[];
  /** Goals, what needs attention first. */
  goals: GoalStanding<G>[];
  goalSummary: GoalSummary;
  /** Open risks, highest score first. */
  risks: RiskStanding<R>[];
  people: StagePeople<P>;
  revenue: RevenueFacts;
}

/**
 * Attention rank: overdue, then open goals flagged At Risk, then due soon, on track, unscheduled; finished goals
 * last (missed before achieved, because a miss is worth a conversation).
 */
function attentionRank(standing: GoalStanding): number {
  switch (standing.timeliness) {
    case 'overdue':
      return 0;
    case 'dueSoon':
      return standing.goal.Status__c === 'At Risk' ? 1 : 2;
    case 'onTrack':
    case 'unscheduled':
      if (standing.goal.Status__c === 'At Risk') return 1;
      return standing.timeliness === 'onTrack' ? 3 : 4;
    case 'missed':
      return 5;
    case 'achieved':
      return 6;
    default:
      return 7;
  }
}

function compareGoals(a: GoalStanding, b: GoalStanding): number {
  const rank = attentionRank(a) - attentionRank(b);
  if (rank !== 0) return rank;
  // Sooner target first; unscheduled after scheduled.
  const aDays = a.daysToTarget ?? Infinity;
  const bDays = b.daysToTarget ?? Infinity;
  if (aDays !== bDays) return aDays < bDays ? -1 : 1;
  return (a.goal.Name ?? '').localeCompare(b.goal.Name ?? '');
}

/** Each goal's standing on `today`, sorted so what needs attention comes first. */
export function goalStandings<G extends CustomerGoal>(goals: readonly G[], today: IsoDate): GoalStanding<G>[] {
  return goals
    .map((goal): GoalStanding<G> => {
      const timeliness = goalTimeliness(goal, today);
      return {
        goal,
        progress: goalProgress(goal),
        timeliness,
        daysToTarget: daysBetween(today, goal.Target_Date__c),
        daysToValue: timeToValue(goal),
        isOpen: isOpenGoal(goal.Status__c)
      };
    })
    .sort(compareGoals);
}

export function summarizeGoals(standings: readonly GoalStanding[]): GoalSummary {
  const summary: GoalSummary = {
    total: standings.length,
    openCount: 0,
    achieved: 0,
    overdue: 0,
    dueSoon: 0,
    valueRealized: 0,
    daysToFirstValue: accountTimeToFirstValue(standings.map((standing) => standing.goal))
  };
  let value = 0;
  for (const standing of standings) {
    if (standing.isOpen) summary.openCount++;
    if (standing.timeliness === 'overdue') summary.overdue++;
    if (standing.timeliness === 'dueSoon') summary.dueSoon++;
    if (standing.timeliness === 'achieved') {
      summary.achieved++;
      value += standing.goal.Value_Realized__c ?? 0;
    }
  }
  summary.valueRealized = Math.round(value * 100) / 100;
  return summary;
}

/** Open risks (not Closed), highest score first; unscored risks last. */
export function openRisksByScore<R extends CustomerRisk>(risks: readonly R[]): RiskStanding<R>[] {
  return risks
    .filter(isOpenRisk)
    .map((risk): RiskStanding<R> => {
      const score = scoreOf(risk);
      return { risk, score, rating: riskRating(score) };
    })
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.risk.Name ?? '').localeCompare(b.risk.Name ?? ''));
}

const stageLabel = (stage: LifecycleStageConfig): string => stage.MasterLabel ?? stage.DeveloperName.replace(/_/g, ' ');

/**
 * The configured stages in order, each marked complete, current or upcoming against the account's stage. The current
 * step carries the days since the account entered the stage and whether that is past the stage's target days.
 */
export function lifecyclePath(
  stages: readonly LifecycleStageConfig[],
  current: string | null | undefined,
  stageEntered?: IsoDate | null,
  today?: IsoDate
): LifecycleStep[] {
  const ordered = [...stages].sort((a, b) => (a.Order__c ?? 0) - (b.Order__c ?? 0));
  const currentIndex = ordered.findIndex((stage) => stageLabel(stage) === current || stage.DeveloperName === current);
  const days = today ? daysBetween(stageEntered, today) : null;
  const daysInStage = days !== null && days >= 0 ? days : null;
  return ordered.map((stage, index) => {
    const isCurrent = index === currentIndex;
    const targetDays = stage.Target_Days__c ?? null;
    return {
      key: stage.DeveloperName,
      label: stageLabel(stage),
      targetDays,
      description: stage.Description__c ?? null,
      state: currentIndex < 0 || index > currentIndex ? 'upcoming' : isCurrent ? 'current' : 'complete',
      daysInStage: isCurrent ? daysInStage : null,
      overdueInStage: isCurrent && daysInStage !== null && targetDays !== null && daysInStage > targetDays
    };
  });
}

/** Accountable and Responsible roles of the charter RACI for one lifecycle stage. */
export function stagePeople<P extends CharterRole>(
  roles: readonly P[],
  stage: LifecycleStage | null | undefined
): StagePeople<P> {
  const entry = raciMatrix(roles).stages.find((candidate) => candidate.stage === stage);
  if (!entry) return { stage: null, accountable: [], responsible: [], gaps: [], conflicts: [] };
  return {
    stage: entry.stage,
    accountable: entry.accountable as P[],
    responsible: entry.responsible as P[],
    gaps: entry.gaps,
    conflicts: entry.conflicts
  };
}

export function revenueFacts(
  account: AccountRecord,
  opportunities: readonly OpportunityRecord[],
  today: IsoDate,
  goals: readonly CustomerGoal[] = []
): RevenueFacts {
  const achievedOn = new Map<string, number>();
  for (const goal of goals) {
    const day = parseDay(goal.Achieved_Date__c);
    if (goal.Id && goal.Status__c === 'Achieved' && !Number.isNaN(day)) achievedOn.set(goal.Id, day);
  }
  let pipelineCount = 0;
  let pipeline = 0;
  let wonCount = 0;
  let won = 0;
  let afterGoalCount = 0;
  let afterGoal = 0;
  for (const opportunity of opportunities) {
    if (!opportunity.CS_Sourced__c) continue;
    const amount = opportunity.Amount ?? 0;
    if (!opportunity.IsClosed) {
      pipelineCount++;
      pipeline += amount;
    } else if (opportunity.IsWon) {
      wonCount++;
      won += amount;
      const goalDay = opportunity.Customer_Goal__c ? achievedOn.get(opportunity.Customer_Goal__c) : undefined;
      if (goalDay !== undefined && goalDay <= parseDay(opportunity.CloseDate)) {
        afterGoalCount++;
        afterGoal += amount;
      }
    }
  }
  const cents = (value: number): number => Math.round(value * 100) / 100;
  return {
    arr: account.ARR__c ?? null,
    renewalDate: account.Renewal_Date__c ?? null,
    daysToRenewal: daysBetween(today, account.Renewal_Date__c),
    pipelineCount,
    pipelineAmount: cents(pipeline),
    wonCount,
    wonAmount: cents(won),
    afterGoalCount,
    afterGoalAmount: cents(afterGoal)
  };
}

/** Everything the Account success panel shows, computed once per load. */
export function accountPanel<G extends CustomerGoal, R extends CustomerRisk, P extends CharterRole>(
  input: PanelInput<G, R, P>,
  today: IsoDate
): AccountPanel<G, R, P> {
  const { account, config } = input;
  const goals = goalStandings(input.goals, today);
  const usage = input.usage ?? [];
  const adoption = usageAdoption(usage, config.keyFeatures ?? [], today);
  const health = healthScore({ account, goals: input.goals, risks: input.risks, usage }, config, today);
  return {
    health,
    healthHistory: healthHistory(input.healthSnapshots ?? [], health, config),
    fit: evaluateFit(account, config.criteria, adoption.measures),
    adoption,
    lifecycle: lifecyclePath(config.stages, account.Lifecycle_Stage__c, account.Stage_Entered_Date__c, today),
    goals,
    goalSummary: summarizeGoals(goals),
    risks: openRisksByScore(input.risks),
    people: stagePeople(input.roles, account.Lifecycle_Stage__c),
    revenue: revenueFacts(account, input.opportunities, today, input.goals)
  };
}
