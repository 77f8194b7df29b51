import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/charterLabels';
import type { MilestoneState, RoadmapMonth } from 'c/successModel';

const STATES: Record<MilestoneState, { label: string; badge: string }> = {
  done: { label: LABELS.StateDone, badge: 'slds-theme_success' },
  onTrack: { label: LABELS.StateOnTrack, badge: '' },
  dueSoon: { label: LABELS.StateDueSoon, badge: 'slds-theme_warning' },
  overdue: { label: LABELS.StateOverdue, badge: 'slds-theme_error' },
  cancelled: { label: LABELS.StateCancelled, badge: 'slds-theme_shade' },
  unscheduled: { label: LABELS.StateUnscheduled, badge: 'slds-theme_shade' }
};

/** The roadmap and communications plan, month by month, each item's state (overdue marked). */
export default class CharterRoadmap extends LightningElement {
  @api months: RoadmapMonth[] = [];
  labels = LABELS;

  get hasItems(): boolean {
    return this.months.length > 0;
  }

  get monthViews() {
    return this.months.map((month) => ({
      key: month.month ?? 'none',
      title: month.month ?? LABELS.NoDate,
      items: month.items.map((item, index) => {
        const milestone = item.milestone;
        const name = milestone.Name ?? '';
        return {
          key: milestone.Id ?? `${month.month}-${index}`,
          id: milestone.Id,
          name,
          date: item.date ?? '',
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
      })
    }));
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
