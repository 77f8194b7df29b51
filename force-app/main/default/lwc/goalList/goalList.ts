import { LightningElement, api } from 'lwc';
import type { GoalStanding, IsoDate } from 'c/successModel';
import type { PanelGoal } from '../accountSuccessPanel/panelTypes';
import LABEL_GOALS from '@salesforce/label/c.Panel_Goals';

/** The goals in the order successModel gives them (what needs attention first). */
export default class GoalList extends LightningElement {
  @api goals: GoalStanding<PanelGoal>[] = [];
  @api today: IsoDate | undefined;

  labels = { goals: LABEL_GOALS };

  get items(): Array<{ key: string; standing: GoalStanding<PanelGoal> }> {
    return (this.goals ?? []).map((standing, index) => ({ key: standing.goal.Id ?? `goal-${index}`, standing }));
  }

  handleGoalSaved(event: CustomEvent<{ recordId: string }>): void {
    // Re-dispatched so the panel hears it without the row's event crossing shadow boundaries.
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('goalsaved', { detail: event.detail }));
  }
}
