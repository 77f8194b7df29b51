import { api } from 'lwc';
import { CharterPart } from 'c/charterPart';
import { formatDate, formatLabel, formatMonth } from 'c/figureFormat';
import type { MilestoneState, RoadmapMonth } from 'c/successModel';
import LABEL_STATE_DONE from '@salesforce/label/c.Workspace_StateDone';
import LABEL_STATE_ON_TRACK from '@salesforce/label/c.Workspace_StateOnTrack';
import LABEL_STATE_DUE_SOON from '@salesforce/label/c.Workspace_StateDueSoon';
import LABEL_STATE_OVERDUE from '@salesforce/label/c.Workspace_StateOverdue';
import LABEL_STATE_CANCELLED from '@salesforce/label/c.Workspace_StateCancelled';
import LABEL_STATE_UNSCHEDULED from '@salesforce/label/c.Workspace_StateUnscheduled';
import LABEL_EDIT_RECORD from '@salesforce/label/c.Workspace_EditRecord';
import LABEL_NO_DATE from '@salesforce/label/c.Workspace_NoDate';
import LABEL_ROADMAP from '@salesforce/label/c.Workspace_Roadmap';
import LABEL_ADD_MILESTONE from '@salesforce/label/c.Workspace_AddMilestone';
import LABEL_DATE from '@salesforce/label/c.Workspace_Date';
import LABEL_MILESTONE from '@salesforce/label/c.Workspace_Milestone';
import LABEL_TYPE from '@salesforce/label/c.Workspace_Type';
import LABEL_AUDIENCE from '@salesforce/label/c.Workspace_Audience';
import LABEL_CHANNEL from '@salesforce/label/c.Workspace_Channel';
import LABEL_MESSAGE from '@salesforce/label/c.Workspace_Message';
import LABEL_STATE from '@salesforce/label/c.Workspace_State';
import LABEL_EDIT from '@salesforce/label/c.Workspace_Edit';
import LABEL_NO_MILESTONES from '@salesforce/label/c.Workspace_NoMilestones';

/** Items shown at first and added by each "Show more": a screenful, so a long roadmap opens fast. */
const PAGE_SIZE = 25;

const STATES: Record<MilestoneState, { label: string; badge: string }> = {
  done: { label: LABEL_STATE_DONE, badge: 'slds-theme_success' },
  onTrack: { label: LABEL_STATE_ON_TRACK, badge: '' },
  dueSoon: { label: LABEL_STATE_DUE_SOON, badge: 'slds-theme_warning' },
  overdue: { label: LABEL_STATE_OVERDUE, badge: 'slds-theme_error' },
  cancelled: { label: LABEL_STATE_CANCELLED, badge: 'slds-theme_shade' },
  unscheduled: { label: LABEL_STATE_UNSCHEDULED, badge: 'slds-theme_shade' }
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
    editLabel: formatLabel(LABEL_EDIT_RECORD, name)
  };
}

function monthView(month: RoadmapMonth): MonthView {
  return {
    key: month.month ?? 'none',
    title: month.month ? formatMonth(month.month) : LABEL_NO_DATE,
    items: month.items.map((item, index) => itemView(month, item, index))
  };
}

/**
 * The roadmap and communications plan, month by month, each item's state (overdue marked). The first PAGE_SIZE
 * items in date order show, and "Show more" adds a page at a time; a month cut by the page ends where the page does.
 */
export default class CharterRoadmap extends CharterPart {
  labels = {
    roadmap: LABEL_ROADMAP,
    addMilestone: LABEL_ADD_MILESTONE,
    date: LABEL_DATE,
    milestone: LABEL_MILESTONE,
    type: LABEL_TYPE,
    audience: LABEL_AUDIENCE,
    channel: LABEL_CHANNEL,
    message: LABEL_MESSAGE,
    state: LABEL_STATE,
    edit: LABEL_EDIT,
    noMilestones: LABEL_NO_MILESTONES
  };
  limit = PAGE_SIZE;
  readonly pageSize = PAGE_SIZE;
  total = 0;
  private monthsValue: RoadmapMonth[] = [];
  private allMonths: MonthView[] = [];

  protected readonly objectApiName = 'Charter_Milestone__c';

  /** Views are built once per roadmap (a new roadmap starts again at the first page), not on every render. */
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
}
