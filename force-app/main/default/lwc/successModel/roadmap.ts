// Roadmap and communications plan: milestone states and a month-by-month view.

import { formatDay, parseDay, requireDay } from './dates';
import { DUE_SOON_DAYS } from './goals';
import type { CharterMilestone, IsoDate } from './types';

export type MilestoneState = 'done' | 'onTrack' | 'dueSoon' | 'overdue' | 'cancelled' | 'unscheduled';

/** Due date decides; a milestone with only a start date is judged by that. The due day itself is not overdue. */
export function milestoneState(
  milestone: CharterMilestone,
  today: IsoDate,
  dueSoonDays: number = DUE_SOON_DAYS
): MilestoneState {
  if (milestone.Status__c === 'Done') return 'done';
  if (milestone.Status__c === 'Cancelled') return 'cancelled';
  const due = dateOf(milestone);
  if (Number.isNaN(due)) return 'unscheduled';
  const todayDay = requireDay(today);
  if (due < todayDay) return 'overdue';
  return due - todayDay <= dueSoonDays ? 'dueSoon' : 'onTrack';
}

function dateOf(milestone: CharterMilestone): number {
  const due = parseDay(milestone.Due_Date__c);
  return Number.isNaN(due) ? parseDay(milestone.Start_Date__c) : due;
}

export interface RoadmapItem {
  milestone: CharterMilestone;
  state: MilestoneState;
  /** The date the item is placed on: due date, else start date. */
  date: IsoDate | null;
}

export interface RoadmapMonth {
  /** 'YYYY-MM', or null for the items with no date (always last). */
  month: string | null;
  items: RoadmapItem[];
}

/** Items grouped by month in date order; within a month by date, then name. */
export function roadmapByMonth(milestones: readonly CharterMilestone[], today: IsoDate): RoadmapMonth[] {
  const items = milestones.map((milestone) => {
    const day = dateOf(milestone);
    return {
      day,
      item: { milestone, state: milestoneState(milestone, today), date: Number.isNaN(day) ? null : formatDay(day) }
    };
  });
  items.sort((a, b) => {
    const aDated = !Number.isNaN(a.day);
    const bDated = !Number.isNaN(b.day);
    if (aDated !== bDated) return aDated ? -1 : 1;
    if (aDated && a.day !== b.day) return a.day - b.day;
    return (a.item.milestone.Name ?? '').localeCompare(b.item.milestone.Name ?? '');
  });
  const months: RoadmapMonth[] = [];
  for (const { item } of items) {
    const month = item.date === null ? null : item.date.slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.month === month) last.items.push(item);
    else months.push({ month, items: [item] });
  }
  return months;
}
