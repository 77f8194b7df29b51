// Rolling rows up per account and period. Counts that add (events, key events, features used) are kept per slot
// (one account-period); distinct users and sessions go through DistinctCounter, so the memory is the number of
// slots plus the distinct (slot, user) pairs, never the events. Events of one account in two files land in the same
// slots as in one file: the figures are the same however the export was split, as long as one run reads them all.
import {
  nextPeriodStart,
  periodOfDay,
  type KeyFeature,
  type UsagePeriod
} from '../../force-app/main/default/lwc/successModel/usage';
import { formatDay } from '../../force-app/main/default/lwc/successModel/dates';
import { DistinctCounter } from './distinct';
import type { EventRow, MetricRow } from './read';

/** An account the load matched, as read from the org. */
export interface UsageAccount {
  Id: string;
  Success_Key__c: string | null;
  Product_Account_Id__c: string | null;
  Licensed_Seats__c: number | null;
}

export type UsageSource = 'Events' | 'Daily Metrics';

export interface RollupRow {
  account: UsageAccount;
  period: UsagePeriod;
  start: number;
  end: number;
  source: UsageSource;
  activeUsers: number;
  /** From a daily-metrics export (the last day's seats in the period); null when the export had none. */
  exportSeats: number | null;
  sessions: number | null;
  events: number;
  keyEvents: number;
  /** DeveloperNames of the key features used, in feature order. */
  featuresUsed: string[];
}

interface Slot {
  id: number;
  account: UsageAccount;
  start: number;
  source: UsageSource;
  users: number;
  sessions: number | null;
  events: number;
  keyEvents: number;
  features: number[];
  seats: number | null;
  seatsDay: number;
}

export interface RollupStats {
  slots: number;
  distinctPairs: number;
  distinctBytes: number;
  firstDay: number | null;
  lastDay: number | null;
}

export class UsageConflictError extends Error {}

export class Rollup {
  private readonly slots = new Map<string, Slot>();
  private readonly distinct = new DistinctCounter();
  private readonly featureOfEvent = new Map<string, number[]>();
  private readonly featureIndex = new Map<string, number>();
  private sessionsSeen = false;
  private firstDay = Infinity;
  private lastDay = -Infinity;
  private readonly conflicts: string[] = [];

  constructor(
    readonly period: UsagePeriod,
    readonly features: readonly KeyFeature[]
  ) {
    features.forEach((f, index) => {
      this.featureIndex.set(f.developerName, index);
      for (const event of f.events) {
        const list = this.featureOfEvent.get(event) ?? [];
        if (!list.includes(index)) list.push(index);
        this.featureOfEvent.set(event, list);
      }
    });
  }

  private slot(account: UsageAccount, day: number, source: UsageSource): Slot {
    const start = periodOfDay(day, this.period).start;
    const key = `${account.Id}|${start}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = {
        id: this.slots.size,
        account,
        start,
        source,
        users: 0,
        sessions: null,
        events: 0,
        keyEvents: 0,
        features: [],
        seats: null,
        seatsDay: -Infinity
      };
      this.slots.set(key, slot);
    } else if (slot.source !== source && this.conflicts.length < 20) {
      this.conflicts.push(
        `${account.Success_Key__c ?? account.Product_Account_Id__c ?? account.Id} ${formatDay(start)}`
      );
    }
    if (day < this.firstDay) this.firstDay = day;
    if (day > this.lastDay) this.lastDay = day;
    return slot;
  }

  addEvent(account: UsageAccount, row: EventRow): void {
    const slot = this.slot(account, row.day, 'Events');
    slot.events++;
    // Users and sessions share the table: user pairs use the slot id times two, sessions that plus one.
    if (this.distinct.add(slot.id * 2, row.user)) slot.users++;
    if (row.session !== null) {
      this.sessionsSeen = true;
      if (this.distinct.add(slot.id * 2 + 1, row.session)) slot.sessions = (slot.sessions ?? 0) + 1;
    }
    const features = this.featureOfEvent.get(row.event);
    if (features) {
      slot.keyEvents++;
      for (const f of features) if (!slot.features.includes(f)) slot.features.push(f);
    }
  }

  addMetric(account: UsageAccount, row: MetricRow): void {
    const slot = this.slot(account, row.day, 'Daily Metrics');
    // A daily export names no users: the period's active users is its busiest day (see Source__c).
    slot.users = Math.max(slot.users, row.activeUsers);
    if (row.sessions !== null) slot.sessions = (slot.sessions ?? 0) + row.sessions;
    if (row.events !== null) slot.events += row.events;
    if (row.seats !== null && row.day >= slot.seatsDay) {
      slot.seats = row.seats;
      slot.seatsDay = row.day;
    }
    for (const [name, uses] of row.features) {
      const f = this.featureIndex.get(name);
      if (f === undefined) continue;
      slot.keyEvents += uses;
      if (!slot.features.includes(f)) slot.features.push(f);
    }
  }

  get stats(): RollupStats {
    return {
      slots: this.slots.size,
      distinctPairs: this.distinct.size,
      distinctBytes: this.distinct.bytes,
      firstDay: Number.isFinite(this.firstDay) ? this.firstDay : null,
      lastDay: Number.isFinite(this.lastDay) ? this.lastDay : null
    };
  }

  /**
   * The rollups, by account then period. An account seen in an event export gets a zero rollup for every period
   * from its own first event to the run's last one (over all accounts) in which it sent nothing: no events in a
   * week the export covers is evidence of no use, not a gap.
   */
  rows(): RollupRow[] {
    if (this.conflicts.length) {
      throw new UsageConflictError(
        `an account-period is in both an event export and a daily-metrics export (${this.conflicts.join(', ')}): load one source per period`
      );
    }
    const byAccount = new Map<string, Slot[]>();
    for (const slot of this.slots.values()) {
      const list = byAccount.get(slot.account.Id) ?? [];
      list.push(slot);
      byAccount.set(slot.account.Id, list);
    }
    const out: RollupRow[] = [];
    const last = Number.isFinite(this.lastDay) ? periodOfDay(this.lastDay, this.period).start : -1;
    for (const slots of byAccount.values()) {
      const account = slots[0].account;
      const held = new Map(slots.map((s) => [s.start, s]));
      const fill = slots.some((s) => s.source === 'Events');
      const own = slots.map((s) => s.start).sort((a, b) => a - b);
      const starts = fill ? periodsBetween(own[0], last, this.period) : own;
      for (const start of starts) {
        const slot = held.get(start);
        out.push({
          account,
          period: this.period,
          start,
          end: periodOfDay(start, this.period).end,
          source: slot?.source ?? 'Events',
          activeUsers: slot?.users ?? 0,
          exportSeats: slot?.seats ?? null,
          sessions: slot
            ? (slot.sessions ?? (this.sessionsSeen && slot.source === 'Events' ? 0 : null))
            : this.sessionsSeen
              ? 0
              : null,
          events: slot?.events ?? 0,
          keyEvents: slot?.keyEvents ?? 0,
          featuresUsed: slot ? [...slot.features].sort((a, b) => a - b).map((f) => this.features[f].developerName) : []
        });
      }
    }
    return out;
  }
}

function periodsBetween(first: number, last: number, period: UsagePeriod): number[] {
  const out: number[] = [];
  for (let start = first; start <= last; start = nextPeriodStart(start, period)) out.push(start);
  return out;
}
