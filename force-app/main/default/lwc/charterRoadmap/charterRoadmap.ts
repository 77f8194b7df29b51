import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/charterLabels';
import { formatDate, formatLabel, formatMonth } from 'c/figureFormat';
import type { MilestoneState, RoadmapMonth } from 'c/successModel';

/** Items shown at first and added by each "Show more": a screenful, so a long roadmap opens fast. */
const PAGE_SIZE = 25;

const STATES: Record<MilestoneState, { label: string; badge: string }> = {
  done: { label: LABELS.StateDone, badge: 'slds-theme_success' },
  onTrack: { label: LABELS.StateOnTrack, badge: '' },
  dueSoon: { label: LABELS.StateDueSoon, badge: 'slds-theme_warning' },
  overdue: { label: LABELS.StateOverdue, badge: 'slds-theme_error' },
  cancelled: { label: LABELS.StateCancelled, badge: 'slds-theme_shade' },
  unscheduled: { label: LABELS.StateUnscheduled, badge: 'slds-theme_shade' }
};

interface MonthView {
  key: string;
  title: string;
  items: Array<ReturnType<typeof itemView>>;
}

function itemView(month: RoadmapMonth, item: RoadmapMonth['items'][number], index: number) {
  const milestone = item.milestone;
  const name = milestone.Name ?? '';
  return {
    key: milestone.Id ?? `${month.month}-${index}`,
    id: milestone.Id,
    name,
    date: item.date ? formatDate(item.date) : '',
    type: milestone.Type__c ?? '',
    audience: milestone.Audience__c ?? '',
    channel: milestone.Channel__c ?? '',
    message: milestone.Message__c ?? '',
    state: item.state,
    stateLabel: STATES[item.state].label,
    badgeClass: `slds-badge state ${STATES[item.state].badge}`,
    rowClass: item.state === 'overdue' ? 'item overdue slds-text-color_error' : 'item',
    editLabel: formatLabel(LABELS.EditRecord, name)
  };
}

function monthView(month: RoadmapMonth): MonthView {
  return {
    key: month.month ?? 'none',
    title: month.month ? formatMonth(month.month) : LABELS.NoDate,
    items: month.items.map((item, index) => itemView(month, item, index))
  };
}

/**
 * The roadmap and communications plan, month by month, each item's state (overdue marked). The first PAGE_SIZE
 * items in date order show, and "Show more" adds a page at a time; a month cut by the page ends where the page does.
 */
export default class CharterRoadmap extends LightningElement {
  labels = LABELS;
  limit = PAGE_SIZE;
  readonly pageSize = PAGE_SIZE;
  total = 0;
  private monthsValue: RoadmapMonth[] = [];
  private allMonths: MonthView[] = [];

  /** Views are built once per roadmap (a new roadmap starts again at the first page), not on every render. */
  /** The user may create these records (the object's createable, from getObjectInfo): Add is shown only then. */
  @api canCreate = false;
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  @api
  get months(): RoadmapMonth[] {
    return this.monthsValue;
  }
  set months(value: RoadmapMonth[]) {
    this.monthsValue = value ?? [];
    this.allMonths = this.monthsValue.map(monthView);
    this.total = this.allMonths.reduce((count, month) => count + month.items.length, 0);
    this.limit = PAGE_SIZE;
  }

  get hasItems(): boolean {
    return this.allMonths.length > 0;
  }

  get monthViews(): MonthView[] {
    const shown: MonthView[] = [];
    let left = this.limit;
    for (const month of this.allMonths) {
      if (left <= 0) break;
      shown.push(month.items.length <= left ? month : { ...month, items: month.items.slice(0, left) });
      left -= month.items.length;
    }
    return shown;
  }

  handleShowMore(event: CustomEvent<{ limit: number }>): void {
    this.limit = event.detail.limit;
  }

  handleAdd(): void {
    this.request(undefined);
  }

  handleEdit(event: Event): void {
    this.request((event.currentTarget as HTMLElement).dataset.id);
  }

  private request(recordId: string | undefined): void {
    this.dispatchEvent(
      new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Milestone__c', recordId } })
    );
  }
}
