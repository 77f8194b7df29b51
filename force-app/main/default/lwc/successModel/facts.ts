// The one place that turns a fact into English. Components show labels keyed by `code` and fill in the numbers;
// `text` is the plain English fallback for scripts, logs and the docs.

export type FactCode =
  | 'goalsAttainment'
  | 'goalsProgressUnknown'
  | 'goalsOverdue'
  | 'goalsMissed'
  | 'goalsOnSchedule'
  | 'goalsLate'
  | 'noGoals'
  | 'noScheduledGoals'
  | 'noOpenRisks'
  | 'fitFieldsBlank'
  | 'noFitCriteria'
  | 'notEnoughEvidence'
  | 'openRisks'
  | 'highRisks'
  | 'productAdoption'
  | 'noUsage'
  | 'seatsActive'
  | 'activeUsersNoSeats'
  | 'usageChange'
  | 'keyFeaturesUsed'
  | 'fitScore'
  | 'noData'
  | 'unknownDimension'
  | 'dimensionRaised'
  | 'dimensionLowered'
  | 'fieldMissing'
  | 'noObjectives'
  | 'objectiveWithoutMetric'
  | 'objectiveWithoutTarget'
  | 'noRoles'
  | 'noAccountable'
  | 'multipleAccountable'
  | 'noResponsible'
  | 'roleWithoutPerson'
  | 'noRoadmapItems'
  | 'noCommunications'
  | 'communicationIncomplete'
  | 'noRisks'
  | 'riskWithoutCorrectiveAction'
  | 'playHealthBand'
  | 'playGoalOverdue'
  | 'playRiskOpen'
  | 'playSentimentRed'
  | 'playRenewal'
  | 'stepOwnerFallback';

export interface Fact {
  code: FactCode;
  /** How many things the fact is about, e.g. 2 overdue goals. */
  count?: number;
  /** Out of how many, e.g. of 5 goals. */
  of?: number;
  /** A measured value (percent, points, score). */
  value?: number;
  /** A name the fact is about: a field API name, a stage, a record name, a dimension. */
  // eslint-disable-next-line no-restricted-globals -- a type member, not the window.name global
  name?: string;
  /** The lifecycle stage the fact is about, when it is not the name (a role without a person in a stage). */
  stage?: string;
  text: string;
}

type FactParams = Omit<Fact, 'code' | 'text'>;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const n = (value: number | undefined): number => value ?? 0;
const s = (value: string | undefined): string => value ?? '';

const TEXT: Record<FactCode, (p: FactParams) => string> = {
  goalsAttainment: (p) => `Average progress ${n(p.value)}% across ${plural(n(p.count), 'goal', 'goals')}`,
  goalsProgressUnknown: (p) => `${plural(n(p.count), 'goal has', 'goals have')} no measurable progress`,
  goalsOverdue: (p) => `${n(p.count)} of ${plural(n(p.of), 'goal', 'goals')} overdue`,
  goalsMissed: (p) => `${n(p.count)} of ${plural(n(p.of), 'goal', 'goals')} missed`,
  goalsOnSchedule: (p) => `${n(p.count)} of ${plural(n(p.of), 'goal', 'goals')} achieved or on schedule`,
  goalsLate: (p) => {
    const count = n(p.count);
    return count === 1
      ? '1 goal is overdue or missed: Goal Timeliness counts it'
      : `${count} goals are overdue or missed: Goal Timeliness counts them`;
  },
  noGoals: () => 'No goals yet',
  noScheduledGoals: () => 'No goal has a target date',
  noOpenRisks: () => 'No open risks',
  fitFieldsBlank: (p) => `Fit unknown until these are filled in: ${s(p.name)}`,
  noFitCriteria: () => 'No ideal customer profile criteria are set up',
  notEnoughEvidence: (p) =>
    `Not enough data to score: evidence covers ${n(p.value)}% of the weight, at least ${n(p.of)}% is needed`,
  openRisks: (p) => `${plural(n(p.count), 'open risk', 'open risks')}, combined exposure ${n(p.value)}%`,
  highRisks: (p) => `${plural(n(p.count), 'risk is', 'risks are')} rated High or Critical`,
  productAdoption: (p) => `Product adoption ${n(p.value)}%`,
  noUsage: (p) => `No product usage loaded for the last ${n(p.count)} weeks`,
  seatsActive: (p) => `${n(p.count)} of ${plural(n(p.of), 'seat', 'seats')} active`,
  activeUsersNoSeats: (p) => `${plural(n(p.count), 'active user', 'active users')} a week; licensed seats unknown`,
  usageChange: (p) => {
    const value = n(p.value);
    if (value === 0) return `no change in ${n(p.count)} weeks`;
    return `${value < 0 ? 'down' : 'up'} ${Math.abs(value)}% in ${n(p.count)} weeks`;
  },
  keyFeaturesUsed: (p) => `${n(p.count)} of ${plural(n(p.of), 'key feature', 'key features')} used`,
  fitScore: (p) => `${s(p.name)} fit ${n(p.value)}%: ${n(p.count)} of ${plural(n(p.of), 'criterion', 'criteria')} met`,
  noData: () => 'No data yet: its weight goes to the other dimensions',
  unknownDimension: (p) => `${s(p.name)} is not a dimension the model computes: its weight goes to the others`,
  dimensionRaised: (p) => `${s(p.name)} raised the score by ${plural(n(p.value), 'point', 'points')}`,
  dimensionLowered: (p) => `${s(p.name)} lowered the score by ${plural(n(p.value), 'point', 'points')}`,
  fieldMissing: (p) => `${s(p.name)} is blank`,
  noObjectives: () => 'No objectives yet',
  objectiveWithoutMetric: (p) => `Objective "${s(p.name)}" has no metric type`,
  objectiveWithoutTarget: (p) => `Objective "${s(p.name)}" has no target`,
  noRoles: () => 'No roles yet',
  noAccountable: (p) => `${s(p.name)} has no Accountable role`,
  multipleAccountable: (p) => `${s(p.name)} has ${n(p.count)} Accountable roles; there should be one`,
  noResponsible: (p) => `${s(p.name)} has no Responsible role`,
  roleWithoutPerson: (p) => {
    const role = `"${s(p.name)}" has no person`;
    return p.stage ? `${p.stage}: role ${role}` : `Role ${role}`;
  },
  noRoadmapItems: () => 'No milestones, events or activities yet',
  noCommunications: () => 'No communications planned yet',
  communicationIncomplete: (p) => `Communication "${s(p.name)}" needs an audience and a channel`,
  noRisks: () => 'No risks or enablers recorded yet',
  riskWithoutCorrectiveAction: (p) => `Risk "${s(p.name)}" has no corrective action`,
  playHealthBand: (p) => `Health is ${s(p.name)}`,
  playGoalOverdue: (p) => `${plural(n(p.count), 'goal is', 'goals are')} overdue${p.name ? `: ${p.name}` : ''}`,
  playRiskOpen: (p) => `${plural(n(p.count), 'open risk is', 'open risks are')} rated ${s(p.name)} or higher`,
  playSentimentRed: () => 'The account manager marked sentiment red',
  playRenewal: (p) => `Renewal in ${plural(n(p.count), 'day', 'days')} with health ${s(p.name)}`,
  stepOwnerFallback: (p) => `Nobody holds ${s(p.name)} in the Active charter: assigned to the account owner`
};

export const FACT_CODES = Object.keys(TEXT) as FactCode[];

export function fact(code: FactCode, params: FactParams = {}): Fact {
  return { code, ...params, text: TEXT[code](params) };
}

/** Rounds for display-grade figures; one rule for the whole model. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
