// Objective metrics: the current value of each charter objective, computed from customer data where its metric
// type says so, and its progress from baseline to target.

import { parseDay } from './dates';
import { measureProgress, type Progress } from './goals';
import type { HealthResult } from './health';
import { goalVelocity, type GoalVelocity, type VelocityFigures, type VelocityOptions } from './velocity';
import type { AccountRecord, CharterObjective, CustomerGoal, MetricType, OpportunityRecord } from './types';

export type MetricScope = 'manual' | 'linkedGoals' | 'allGoals' | 'opportunities' | 'accounts';

export interface ObjectiveData {
  goals: readonly CustomerGoal[];
  accounts: readonly AccountRecord[];
  /** Needed for CS-Sourced Revenue. */
  opportunities?: readonly OpportunityRecord[];
  /** One health result per account, needed for Healthy Accounts %. */
  health?: readonly HealthResult[];
}

export interface ObjectiveMetric {
  objective: CharterObjective;
  metricType: MetricType | null;
  /** False for Manual (and blank) metric types: the value is the one people typed in. */
  computed: boolean;
  value: number | null;
  /** What the value was computed over. Goal metrics use the goals linked to the objective, or all goals if none. */
  scope: MetricScope;
  progress: Progress;
}

function csSourcedRevenue(opportunities: readonly OpportunityRecord[], fromDay: number, toDay: number): number {
  let total = 0;
  for (const opportunity of opportunities) {
    const day = parseDay(opportunity.CloseDate);
    if (opportunity.CS_Sourced__c && opportunity.IsWon && day >= fromDay && day <= toDay) {
      total += opportunity.Amount ?? 0;
    }
  }
  return Math.round(total * 100) / 100;
}

/** Healthy Accounts %: healthy of known, one decimal; null when no account's health is known. */
export function healthyShare(healthy: number, known: number): number | null {
  if (known <= 0) return null;
  return Math.round((healthy / known) * 1000) / 10;
}

/** Share of accounts with a known health score whose band is the success variant. */
function healthyPercent(health: readonly HealthResult[]): number | null {
  const known = health.filter((result) => result.score !== null);
  return healthyShare(known.filter((result) => result.band?.variant === 'success').length, known.length);
}

/** The goal-velocity figure each goal metric type reads; the other metric types read something else. */
const GOAL_METRIC_FIGURES = new Map<MetricType | null, keyof VelocityFigures>([
  ['Goal Achievement Rate', 'achievementRatePercent'],
  ['Customers Achieving Goals', 'customersAchieving'],
  ['Median Days To Value', 'medianDaysToValue'],
  ['Value Realized', 'valueRealized']
]);

/** The goal-velocity figure a metric type reads, or null when it is not a goal metric type (or not one we know). */
export function goalMetricFigure(metricType: MetricType | null): keyof VelocityFigures | null {
  return GOAL_METRIC_FIGURES.get(metricType) ?? null;
}

export function objectiveMetrics(
  objectives: readonly CharterObjective[],
  data: ObjectiveData,
  options: VelocityOptions
): ObjectiveMetric[] {
  const linked = new Map<string, CustomerGoal[]>();
  for (const goal of data.goals) {
    const objectiveId = goal.Charter_Objective__c;
    if (!objectiveId) continue;
    const list = linked.get(objectiveId);
    if (list) list.push(goal);
    else linked.set(objectiveId, [goal]);
  }
  let wholeBook: GoalVelocity | null = null;
  const velocityOf = (goals: readonly CustomerGoal[] | undefined): GoalVelocity => {
    if (goals) return goalVelocity(goals, data.accounts, options);
    wholeBook ??= goalVelocity(data.goals, data.accounts, options);
    return wholeBook;
  };

  return objectives.map((objective): ObjectiveMetric => {
    const metricType = objective.Metric_Type__c ?? null;
    const goalFigure = goalMetricFigure(metricType);
    let value: number | null;
    let scope: MetricScope;
    if (goalFigure) {
      const goals = objective.Id ? linked.get(objective.Id) : undefined;
      scope = goals ? 'linkedGoals' : 'allGoals';
      value = velocityOf(goals).overall[goalFigure];
    } else if (metricType === 'CS-Sourced Revenue') {
      scope = 'opportunities';
      value = data.opportunities
        ? csSourcedRevenue(data.opportunities, parseDay(options.from), parseDay(options.to))
        : null;
    } else if (metricType === 'Healthy Accounts %') {
      scope = 'accounts';
      value = data.health ? healthyPercent(data.health) : null;
    } else {
      scope = 'manual';
      value = objective.Current_Value__c ?? null;
    }
    return {
      objective,
      metricType,
      computed: scope !== 'manual',
      value,
      scope,
      progress: measureProgress({ ...objective, Current_Value__c: value })
    };
  });
}
