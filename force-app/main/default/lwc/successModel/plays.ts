// Plays: a playbook's trigger turns a signal on one account into owned, dated steps, and the play's record says
// whether the corrective action worked (the trigger cleared). Pure: the scoring run and the panel call it with
// records and `today`; nothing here reads an org.

import { formatDay, parseDay, requireDay } from './dates';
import { fact, type Fact } from './facts';
import { timelinessOfDay } from './goals';
import type { HealthBand } from './health';
import { RISK_RATINGS, riskRating, scoreOf, type RiskRating } from './risk';
import type { Sentiment } from './sentiment';
import type {
  AccountRecord,
  CharterRole,
  CustomerGoal,
  CustomerRisk,
  HealthBandConfig,
  IsoDate,
  RaciValue
} from './types';

export const PLAY_TRIGGERS = ['Health Band', 'Goal Overdue', 'Customer Risk', 'Sentiment Red', 'Renewal'] as const;
export type PlayTrigger = (typeof PLAY_TRIGGERS)[number];

/** Ratings from the lowest up, for "this rating or higher". */
const RATING_ORDER: readonly RiskRating[] = RISK_RATINGS.map((band) => band.rating);

/** A play is judged by whether its trigger cleared within this many days of the play starting. */
export const PLAY_CLEAR_WINDOW_DAYS = 30;

/** Playbook__mdt: the trigger and its threshold. */
export interface PlaybookConfig {
  DeveloperName: string;
  MasterLabel?: string | null;
  Trigger__c?: string | null;
  /** Health Band: fires at this band or a lower one. Renewal: fires below this band. A Health_Band__mdt name. */
  Band__c?: string | null;
  /** Customer Risk: fires for an open customer risk rated this or higher. */
  Minimum_Rating__c?: string | null;
  /** Renewal: fires when the renewal date is this many days away or fewer (and not past). */
  Renewal_Days__c?: number | null;
  Active__c?: boolean | null;
  Sort_Order__c?: number | null;
  /** The charter risk whose corrective action this playbook carries out (Charter_Risk__c.Risk_Key__c). */
  Charter_Risk_Key__c?: string | null;
}

/** Playbook_Step__mdt: one ordered step of a playbook. */
export interface PlaybookStepConfig {
  DeveloperName: string;
  /** The playbook's DeveloperName. */
  Playbook__c?: string | null;
  Step_Number__c?: number | null;
  Subject__c?: string | null;
  Days_After_Start__c?: number | null;
  /** Who owns the step: the holder of this RACI role for the account's lifecycle stage. */
  Owner_Role__c?: RaciValue | null;
}

/** What a trigger reads about one account. */
export interface PlaySignals {
  account: AccountRecord & { OwnerId?: string | null };
  /** The live or stored band; null when health is unknown (not enough data): unknown never fires a play. */
  band: HealthBand | null;
  goals: readonly CustomerGoal[];
  risks: readonly CustomerRisk[];
  sentiment: Sentiment | null;
}

export interface TriggerResult {
  playbook: string;
  fired: boolean;
  /** Why it fired, in the user's words; empty when it did not. */
  facts: Fact[];
}

export class PlaybookConfigError extends Error {}

const orZero = (value: number | null | undefined): number => value ?? 0;

/** Bands ordered from the lowest minimum score up: index is the band's rank (0 = worst). */
function bandRanks(bands: readonly HealthBandConfig[]): Map<string, number> {
  const sorted = [...bands].sort((a, b) => orZero(a.Minimum_Score__c) - orZero(b.Minimum_Score__c));
  return new Map(sorted.map((band, index) => [band.DeveloperName, index]));
}

function requireBand(playbook: PlaybookConfig, ranks: Map<string, number>): number {
  const rank = playbook.Band__c ? ranks.get(playbook.Band__c) : undefined;
  if (rank === undefined) {
    throw new PlaybookConfigError(
      `Playbook ${playbook.DeveloperName}: Band__c "${playbook.Band__c ?? ''}" is not a health band`
    );
  }
  return rank;
}

function evaluateOne(
  playbook: PlaybookConfig,
  signals: PlaySignals,
  ranks: Map<string, number>,
  todayDay: number
): Fact[] {
  const bandRank = signals.band ? ranks.get(signals.band.key) : undefined;
  switch (playbook.Trigger__c) {
    case 'Health Band': {
      const threshold = requireBand(playbook, ranks);
      if (bandRank === undefined || bandRank > threshold) return [];
      return [fact('playHealthBand', { name: (signals.band as HealthBand).label })];
    }
    case 'Goal Overdue': {
      const overdue = signals.goals.filter(
        (goal) => timelinessOfDay(goal.Status__c, parseDay(goal.Target_Date__c), todayDay, 0) === 'overdue'
      );
      if (overdue.length === 0) return [];
      const names = overdue
        .map((goal) => goal.Name ?? goal.Goal_Key__c ?? '')
        .filter((name) => name !== '')
        .join(', ');
      return [fact('playGoalOverdue', { count: overdue.length, name: names })];
    }
    case 'Customer Risk': {
      const minimum = RATING_ORDER.indexOf(playbook.Minimum_Rating__c as RiskRating);
      if (minimum < 0) {
        throw new PlaybookConfigError(
          `Playbook ${playbook.DeveloperName}: Minimum_Rating__c "${playbook.Minimum_Rating__c ?? ''}" is not Low, Medium, High or Critical`
        );
      }
      const serious = signals.risks.filter((risk) => {
        if (risk.Status__c === 'Closed') return false;
        const rating = riskRating(scoreOf(risk));
        return rating !== null && RATING_ORDER.indexOf(rating) >= minimum;
      });
      if (serious.length === 0) return [];
      return [fact('playRiskOpen', { count: serious.length, name: playbook.Minimum_Rating__c as string })];
    }
    case 'Sentiment Red':
      return signals.sentiment === 'Red' ? [fact('playSentimentRed')] : [];
    case 'Renewal': {
      const threshold = requireBand(playbook, ranks);
      const days = playbook.Renewal_Days__c;
      if (typeof days !== 'number' || days < 0) {
        throw new PlaybookConfigError(`Playbook ${playbook.DeveloperName}: Renewal_Days__c must be 0 or more`);
      }
      const renewal = parseDay(signals.account.Renewal_Date__c);
      if (Number.isNaN(renewal) || renewal < todayDay || renewal - todayDay > days) return [];
      if (bandRank === undefined || bandRank >= threshold) return [];
      return [fact('playRenewal', { count: renewal - todayDay, name: (signals.band as HealthBand).label })];
    }
    default:
      throw new PlaybookConfigError(
        `Playbook ${playbook.DeveloperName}: Trigger__c "${playbook.Trigger__c ?? ''}" is not one of ${PLAY_TRIGGERS.join(', ')}`
      );
  }
}

/** Active playbooks in their sort order, each with whether its trigger fires for this account today. */
export function evaluatePlaybooks(
  signals: PlaySignals,
  playbooks: readonly PlaybookConfig[],
  bands: readonly HealthBandConfig[],
  today: IsoDate
): TriggerResult[] {
  const todayDay = requireDay(today);
  const ranks = bandRanks(bands);
  return playbooks
    .filter((playbook) => playbook.Active__c !== false)
    .sort((a, b) => orZero(a.Sort_Order__c) - orZero(b.Sort_Order__c))
    .map((playbook) => {
      const facts = evaluateOne(playbook, signals, ranks, todayDay);
      return { playbook: playbook.DeveloperName, fired: facts.length > 0, facts };
    });
}

export interface StepPlan {
  stepNumber: number;
  subject: string;
  due: IsoDate;
  /** A User Id: the role holder, else the account owner (null only when the account has no owner either). */
  ownerId: string | null;
  ownerSource: 'role' | 'accountOwner';
  /** Set when the owner fell back to the account owner: which role was missing. */
  fallback: Fact | null;
}

const addDays = (day: number, days: number): IsoDate => formatDay(day + days);

/**
 * The steps of a play started on `start`: each due `Days_After_Start__c` days later, owned by the person holding
 * the step's RACI role for the account's lifecycle stage in the Active charter, else by the account owner.
 */
export function planSteps(
  playbook: string,
  steps: readonly PlaybookStepConfig[],
  account: AccountRecord & { OwnerId?: string | null },
  roles: readonly CharterRole[],
  start: IsoDate
): StepPlan[] {
  const startDay = requireDay(start, 'start');
  const stage = account.Lifecycle_Stage__c ?? null;
  return steps
    .filter((step) => step.Playbook__c === playbook)
    .sort((a, b) => orZero(a.Step_Number__c) - orZero(b.Step_Number__c))
    .map((step, index) => {
      const raci = step.Owner_Role__c ?? 'Responsible';
      const holders = roles
        .filter((role) => role.Lifecycle_Stage__c === stage && role.RACI__c === raci && role.Person__c)
        .sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? ''));
      const holder = stage ? holders[0] : undefined;
      return {
        stepNumber: step.Step_Number__c ?? index + 1,
        subject: step.Subject__c ?? step.DeveloperName,
        due: addDays(startDay, Math.max(0, Math.round(step.Days_After_Start__c ?? 0))),
        ownerId: holder ? (holder.Person__c as string) : (account.OwnerId ?? null),
        ownerSource: holder ? 'role' : 'accountOwner',
        fallback: holder ? null : fact('stepOwnerFallback', { name: stage ? `${raci} for ${stage}` : raci })
      };
    });
}

/** A stored play (Success_Play__c), as much of it as the run and the panel read. */
export interface PlayRecord {
  Id?: string;
  Play_Key__c?: string | null;
  Playbook__c?: string | null;
  Status__c?: 'Open' | 'Closed' | null;
  Source__c?: 'Trigger' | 'Manual' | null;
  Opened_On__c?: IsoDate | null;
  Closed_On__c?: IsoDate | null;
  Outcome__c?: string | null;
  Trigger_Facts__c?: string | null;
  Days_To_Clear__c?: number | null;
}

export interface PlayDecision {
  playbook: string;
  action: 'open' | 'update' | 'close' | 'keep';
  /** The play's facts as stored text (one line each), for open and update. */
  facts: string;
  /** For close: days from the play's start to the day its trigger cleared. */
  daysToClear: number | null;
}

const factsText = (facts: readonly Fact[]): string => facts.map((item) => item.text).join('\n');

/**
 * What the scoring run does with one account's plays: at most one open play per playbook (an open one is updated,
 * never duplicated); a triggered play whose trigger has cleared is closed as resolved. A play started by hand is
 * never closed by the run: its trigger did not open it, so its clearing proves nothing.
 */
export function reconcilePlays(
  triggers: readonly TriggerResult[],
  openPlays: readonly PlayRecord[],
  today: IsoDate
): PlayDecision[] {
  const todayDay = requireDay(today);
  const decisions: PlayDecision[] = [];
  for (const trigger of triggers) {
    const open = openPlays.find((play) => play.Playbook__c === trigger.playbook && play.Status__c === 'Open');
    const facts = factsText(trigger.facts);
    if (trigger.fired) {
      if (!open) decisions.push({ playbook: trigger.playbook, action: 'open', facts, daysToClear: null });
      else if (open.Source__c !== 'Manual' && (open.Trigger_Facts__c ?? '') !== facts) {
        decisions.push({ playbook: trigger.playbook, action: 'update', facts, daysToClear: null });
      } else decisions.push({ playbook: trigger.playbook, action: 'keep', facts, daysToClear: null });
    } else if (open && open.Source__c !== 'Manual') {
      const opened = parseDay(open.Opened_On__c);
      const daysToClear = Number.isNaN(opened) ? null : Math.max(0, todayDay - opened);
      decisions.push({ playbook: trigger.playbook, action: 'close', facts: open.Trigger_Facts__c ?? '', daysToClear });
    }
  }
  return decisions;
}

/** The key of a play: account, playbook and start date, so a re-run on the same day finds the same record. */
export function playKey(accountKey: string, playbook: string, opened: IsoDate): string {
  return `${accountKey}:${playbook}:${opened}`;
}

export interface PlaybookEffectiveness {
  playbook: string;
  opened: number;
  // eslint-disable-next-line no-restricted-globals -- a type member, not the window.closed global
  closed: number;
  /** Plays started in the period whose trigger cleared within PLAY_CLEAR_WINDOW_DAYS. */
  clearedInWindow: number;
  /** Plays started in the period whose window has ended or whose trigger cleared: the ones that can be judged. */
  judged: number;
  /** clearedInWindow / judged as a percent, one decimal; null when none can be judged yet. */
  clearRate: number | null;
}

/** Per playbook, for plays in [from, to]: opened, closed, and how often the trigger cleared within 30 days. */
export function playbookEffectiveness(
  plays: readonly PlayRecord[],
  playbooks: readonly PlaybookConfig[],
  from: IsoDate,
  to: IsoDate
): PlaybookEffectiveness[] {
  const fromDay = requireDay(from, 'from');
  const toDay = requireDay(to, 'to');
  const inPeriod = (value: IsoDate | null | undefined): boolean => {
    const day = parseDay(value);
    return !Number.isNaN(day) && day >= fromDay && day <= toDay;
  };
  return playbooks.map((playbook) => {
    const mine = plays.filter((play) => play.Playbook__c === playbook.DeveloperName);
    const started = mine.filter((play) => inPeriod(play.Opened_On__c));
    let clearedInWindow = 0;
    let judged = 0;
    for (const play of started) {
      const cleared = typeof play.Days_To_Clear__c === 'number' && play.Days_To_Clear__c <= PLAY_CLEAR_WINDOW_DAYS;
      const windowOver = toDay - parseDay(play.Opened_On__c) >= PLAY_CLEAR_WINDOW_DAYS;
      if (cleared) clearedInWindow++;
      if (cleared || windowOver) judged++;
    }
    return {
      playbook: playbook.DeveloperName,
      opened: started.length,
      closed: mine.filter((play) => play.Status__c === 'Closed' && inPeriod(play.Closed_On__c)).length,
      clearedInWindow,
      judged,
      clearRate: judged === 0 ? null : Math.round((clearedInWindow / judged) * 1000) / 10
    };
  });
}

/** The outcomes a person closes a play with (Trigger Cleared is the scoring run's). */
export const PLAY_CLOSE_OUTCOMES = ['Resolved', 'Not Resolved', 'No Longer Relevant'] as const;
export type PlayCloseOutcome = (typeof PLAY_CLOSE_OUTCOMES)[number];

/** A step of a play as stored: a Task whose WhatId is the play. */
export interface PlayTaskRecord {
  Id?: string;
  Subject?: string | null;
  ActivityDate?: IsoDate | null;
  Status?: string | null;
  IsClosed?: boolean | null;
  WhatId?: string | null;
  OwnerId?: string | null;
}

export interface PlayStepStanding<T extends PlayTaskRecord = PlayTaskRecord> {
  task: T;
  /** Closed (Completed), as the platform derives IsClosed. */
  done: boolean;
  /** Not done and past its due date (the due date itself is not overdue). */
  overdue: boolean;
  /** Days past the due date for an overdue step, else 0. */
  daysOverdue: number;
}

export interface PlayStanding<P extends PlayRecord = PlayRecord, T extends PlayTaskRecord = PlayTaskRecord> {
  play: P;
  /** The play's Tasks by due date (undated last), then subject. */
  steps: PlayStepStanding<T>[];
  stepsDone: number;
  overdueSteps: number;
  /** Days from the start to the close (closed) or to today (open); null without a start date. */
  daysOpen: number | null;
}

const isDone = (task: PlayTaskRecord): boolean => task.IsClosed === true || task.Status === 'Completed';

/** Each play with its steps (the Tasks whose WhatId is the play), which are done and which are overdue today. */
export function playStandings<P extends PlayRecord, T extends PlayTaskRecord>(
  plays: readonly P[],
  tasks: readonly T[],
  today: IsoDate
): PlayStanding<P, T>[] {
  const todayDay = requireDay(today);
  const byPlay = new Map<string, T[]>();
  for (const task of tasks) {
    const list = byPlay.get(task.WhatId ?? '') ?? [];
    list.push(task);
    byPlay.set(task.WhatId ?? '', list);
  }
  const dueOf = (task: PlayTaskRecord): number => {
    const day = parseDay(task.ActivityDate);
    return Number.isNaN(day) ? Number.POSITIVE_INFINITY : day;
  };
  return plays.map((play) => {
    const mine = play.Id ? (byPlay.get(play.Id) ?? []) : [];
    const steps = [...mine]
      .sort((a, b) => dueOf(a) - dueOf(b) || (a.Subject ?? '').localeCompare(b.Subject ?? ''))
      .map((task) => {
        const done = isDone(task);
        const due = dueOf(task);
        const overdue = !done && due < todayDay;
        return { task, done, overdue, daysOverdue: overdue ? todayDay - due : 0 };
      });
    const opened = parseDay(play.Opened_On__c);
    const closed = parseDay(play.Closed_On__c);
    const end = play.Status__c === 'Closed' && !Number.isNaN(closed) ? closed : todayDay;
    return {
      play,
      steps,
      stepsDone: steps.filter((step) => step.done).length,
      overdueSteps: steps.filter((step) => step.overdue).length,
      daysOpen: Number.isNaN(opened) ? null : Math.max(0, end - opened)
    };
  });
}

/** Active playbooks in their sort order that have no open play on the account: the ones a person may start. */
export function startablePlaybooks<B extends PlaybookConfig>(
  playbooks: readonly B[],
  openPlays: readonly PlayRecord[]
): B[] {
  const running = new Set(openPlays.filter((play) => play.Status__c === 'Open').map((play) => play.Playbook__c));
  return playbooks
    .filter((playbook) => playbook.Active__c !== false && !running.has(playbook.DeveloperName))
    .sort((a, b) => orZero(a.Sort_Order__c) - orZero(b.Sort_Order__c));
}

/** The Task fields of a planned step (WhatId left to the caller: the play's Id, or its key in one flush). */
export function stepTaskFields(step: StepPlan): Record<string, string> {
  return {
    Subject: step.subject,
    ActivityDate: step.due,
    Status: 'Not Started',
    Priority: 'Normal',
    ...(step.ownerId ? { OwnerId: step.ownerId } : {}),
    ...(step.fallback ? { Description: step.fallback.text } : {})
  };
}

export interface ManualPlayRecords {
  /** Success_Play__c fields to create. */
  play: Record<string, string>;
  /** Task fields, one per step, each to get WhatId = the created play's Id. */
  tasks: Record<string, string>[];
  /** Steps whose owner fell back to the account owner. */
  ownerFallbacks: number;
}

/**
 * A play started by hand today (Source__c Manual): the play and its steps, due and owned as the scoring run plans
 * them (planSteps). The key is the scoring run's (account, playbook, start date), so a run the same day finds it.
 */
export function manualPlay(
  accountId: string,
  playbook: PlaybookConfig,
  steps: readonly PlaybookStepConfig[],
  account: AccountRecord & { OwnerId?: string | null },
  roles: readonly CharterRole[],
  today: IsoDate
): ManualPlayRecords {
  const planned = planSteps(playbook.DeveloperName, steps, account, roles, today);
  return {
    play: {
      Name: (playbook.MasterLabel ?? playbook.DeveloperName).slice(0, 80),
      Account__c: accountId,
      Playbook__c: playbook.DeveloperName,
      Play_Key__c: playKey(accountId, playbook.DeveloperName, today),
      Status__c: 'Open',
      Source__c: 'Manual',
      Opened_On__c: today
    },
    tasks: planned.map(stepTaskFields),
    ownerFallbacks: planned.filter((step) => step.fallback).length
  };
}

/** The fields that close a play by hand: a person's outcome and the day; Days_To_Clear__c stays the trigger's. */
export function closePlayFields(
  playId: string,
  outcome: string,
  comment: string | null | undefined,
  today: IsoDate
): Record<string, string | null> {
  requireDay(today);
  if (!(PLAY_CLOSE_OUTCOMES as readonly string[]).includes(outcome)) {
    throw new PlaybookConfigError(`"${outcome}" is not one of ${PLAY_CLOSE_OUTCOMES.join(', ')}`);
  }
  const text = (comment ?? '').trim();
  return {
    Id: playId,
    Status__c: 'Closed',
    Closed_On__c: today,
    Outcome__c: outcome,
    Outcome_Comment__c: text === '' ? null : text.slice(0, 255)
  };
}
