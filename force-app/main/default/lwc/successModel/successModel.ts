// successModel: the domain model. Every number the product shows is computed here, once, from records passed in.
// Pure TypeScript: no DOM, no platform imports, and "today" is always an argument.
// Named re-exports (not `export *`) keep the public surface explicit; a test checks nothing is left out.

export {
  CHANGE_TYPES,
  DIRECTIONS,
  GOAL_STATUSES,
  ICP_OPERATORS,
  LIFECYCLE_STAGES,
  METRIC_TYPES,
  MILESTONE_STATUSES,
  MILESTONE_TYPES,
  RACI_VALUES,
  RISK_STATUSES,
  RISK_TYPES
} from './types';
export type {
  AccountRecord,
  ChangeType,
  CharterMilestone,
  CharterObjective,
  CharterRisk,
  CharterRole,
  CustomerGoal,
  CustomerRisk,
  Direction,
  GoalStatus,
  HealthBandConfig,
  HealthDimensionConfig,
  IcpCriterionConfig,
  IcpOperator,
  IsoDate,
  LifecycleStage,
  LifecycleStageConfig,
  MetricType,
  MilestoneStatus,
  MilestoneType,
  OpportunityRecord,
  RaciValue,
  RiskStatus,
  RiskType,
  SuccessCharter,
  Widen
} from './types';
export {
  civilFromDay,
  dayFromCivil,
  daysBetween,
  daysInMonth,
  formatDay,
  isLeapYear,
  monthIndexOfDay,
  monthKey,
  parseDay,
  requireDay
} from './dates';
export type { CivilDate } from './dates';
export { FACT_CODES, fact, round1 } from './facts';
export type { Fact, FactCode } from './facts';
export {
  DUE_SOON_DAYS,
  FINISHED_GOAL_STATUSES,
  accountTimeToFirstValue,
  isOpenGoal,
  goalProgress,
  goalTimeliness,
  measureProgress,
  timeToFirstValueByAccount,
  timeToValue,
  timelinessOfDay
} from './goals';
export type { Measurable, Progress, ProgressUnknownReason, Timeliness } from './goals';
export { VELOCITY_STAGES, VELOCITY_TIERS, goalVelocity, percentile, velocityTrend } from './velocity';
export type {
  GoalVelocity,
  Granularity,
  VelocityFigures,
  VelocityOptions,
  VelocityPeriod,
  VelocitySegments,
  VelocityStage,
  VelocityTier
} from './velocity';
export { HEALTH_DIMENSIONS, MIN_EVIDENCE_PERCENT, explainChange, healthBand, healthScore } from './health';
export type {
  DimensionChange,
  DimensionResult,
  HealthBand,
  HealthChange,
  HealthConfig,
  HealthDimensionName,
  HealthInput,
  HealthResult
} from './health';
export { TREND_SNAPSHOTS, healthHistory } from './history';
export type {
  HealthChangeKind,
  HealthHistory,
  HealthSince,
  HealthSnapshotRecord,
  HealthTrend,
  MovedDimension,
  TrendPoint,
  TrendSegment
} from './history';
export { FIT_TIERS, evaluateFit, fitTier } from './fit';
export { HEALTH_MODEL_VERSION, healthModelFingerprint } from './fingerprint';
export type { CriterionOutcome, CriterionResult, FitResult, FitTier } from './fit';
export {
  RISK_RATINGS,
  heatMap,
  heatMapCell,
  isOpenRisk,
  residualScore,
  riskExposure,
  riskRating,
  riskScore,
  riskScoreHelpText,
  scoreOf
} from './risk';
export type { HeatMap, HeatMapCell, RiskExposure, RiskRating } from './risk';
export { raciMatrix } from './raci';
export type { RaciMatrix, StageRaci } from './raci';
export { CHARTER_PARTS, STATEMENT_FIELDS, charterCompleteness } from './charter';
export type { CharterCompleteness, CharterInput, CharterPart, PartCompleteness } from './charter';
export { milestoneState, roadmapByMonth } from './roadmap';
export type { MilestoneState, RoadmapItem, RoadmapMonth } from './roadmap';
export { goalMetricFigure, healthyShare, objectiveMetrics } from './objectives';
export type { MetricScope, ObjectiveData, ObjectiveMetric } from './objectives';
export {
  ADOPTION_WEEKS,
  TREND_WEEKS,
  USAGE_MEASURES,
  USAGE_PERIODS,
  activeKeyFeatures,
  addAdoption,
  adoptionBySegment,
  adoptionOfTally,
  combineAdoptionTallies,
  emptyAdoptionTally,
  featureAdoption,
  nextPeriodStart,
  periodOfDay,
  usageAdoption,
  usageView,
  utilisation
} from './usage';
export type {
  AdoptionSegment,
  AdoptionTally,
  FeatureAdoption,
  KeyFeature,
  KeyFeatureConfig,
  PeriodRange,
  ProductUsageRecord,
  UsageAdoption,
  UsageMeasures,
  UsageChartBar,
  UsagePeriod,
  UsageView,
  UsageWeek
} from './usage';
export {
  PLAY_CLEAR_WINDOW_DAYS,
  PLAY_CLOSE_OUTCOMES,
  PLAY_TRIGGERS,
  PlaybookConfigError,
  closePlayFields,
  evaluatePlaybooks,
  manualPlay,
  planSteps,
  playKey,
  playStandings,
  playbookEffectiveness,
  reconcilePlays,
  startablePlaybooks,
  stepTaskFields
} from './plays';
export type {
  ManualPlayRecords,
  PlayCloseOutcome,
  PlayDecision,
  PlayStanding,
  PlayStepStanding,
  PlayTaskRecord,
  PlayRecord,
  PlaySignals,
  PlayTrigger,
  PlaybookConfig,
  PlaybookEffectiveness,
  PlaybookStepConfig,
  StepPlan,
  TriggerResult
} from './plays';
export {
  SENTIMENTS,
  SENTIMENT_FRESH_DAYS,
  sentimentDisagreementRows,
  sentimentFreshSince,
  sentimentInput,
  sentimentStanding,
  toSentiment
} from './sentiment';
export type {
  BandLike,
  Sentiment,
  SentimentDisagreement,
  SentimentDisagreementRow,
  SentimentInput,
  SentimentRecord,
  SentimentStanding
} from './sentiment';
export { MODEL_FIELDS } from './schema';
export type { ModelObject } from './schema';

export {
  accountPanel,
  goalStandings,
  lifecyclePath,
  openRisksByScore,
  revenueFacts,
  stagePeople,
  summarizeGoals
} from './panel';
export type {
  AccountPanel,
  GoalStanding,
  GoalSummary,
  LifecycleStep,
  PanelConfig,
  PanelInput,
  RevenueFacts,
  RiskStanding,
  StagePeople,
  StepState
} from './panel';
export { DAYS_TO_VALUE_RANGES, daysRangeIndex, histogramPercentile, rangeBuckets } from './speed';
export type { DaysBucket } from './speed';
export {
  CHANGE_TYPE_SEGMENTS,
  PROGRAM_PERIOD_MONTHS,
  changeTypeSegment,
  customerBook,
  programFromSnapshots,
  programObjectiveMetrics,
  programPeriod,
  programSnapshotRecords
} from './program';
export type {
  AttentionRow,
  ChangeTypeSegment,
  CustomerBook,
  PeriodOptions,
  ProgramAdoption,
  ProgramAdoptionInput,
  ProgramFigures,
  ProgramMonth,
  ProgramSegmentType,
  ProgramSnapshotInput,
  ProgramSnapshotRecord,
  ProgramVelocity,
  TierBandCell,
  TierBandCountRow,
  TierRow
} from './program';
