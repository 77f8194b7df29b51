import { LightningElement, api } from 'lwc';
import type { GoalStanding, IsoDate } from 'c/successModel';
import { cutText, firstRows } from 'c/showMore';
import type { PanelGoal } from '../accountSuccessPanel/panelTypes';
import LABEL_GOALS from '@salesforce/label/c.Panel_Goals';
import LABEL_SHOW_ALL from '@salesforce/label/c.Panel_ShowAllGoals';
import LABEL_SHOW_FEWER from '@salesforce/label/c.Panel_ShowFewerGoals';
import LABEL_GOALS_CUT from '@salesforce/label/c.Panel_GoalsCut';
import { formatLabel } from 'c/figureFormat';

/** How many goals show before "Show all": the ones needing attention fit on screen, and a big account stays fast. */
const VISIBLE_GOALS = 10;

/** The goals in the order successModel gives them (what needs attention first). */
export default class GoalList extends LightningElement {
  @api goals: GoalStanding<PanelGoal>[] = [];
  @api today: IsoDate | undefined;
  /** Every goal of the account, when the view-model holds only the first of them. */
  @api total: number | undefined;
  /** The user may update goals: each row offers its actions only then. */
  @api canEdit = false;

  expanded = false;
  labels = { goals: LABEL_GOALS, showFewer: LABEL_SHOW_FEWER };
  readonly visible = VISIBLE_GOALS;

  get items(): Array<{ key: string; standing: GoalStanding<PanelGoal> }> {
    const goals = this.goals ?? [];
    return firstRows(goals, this.limit).map((standing, index) => ({
      key: standing.goal.Id ?? `goal-${index}`,
      standing
    }));
  }

  get count(): number {
    return (this.goals ?? []).length;
  }

  /** Every goal once expanded, the first VISIBLE_GOALS before. */
  get limit(): number {
    return this.expanded ? this.count : VISIBLE_GOALS;
  }

  get showAllLabel(): string {
    return formatLabel(LABEL_SHOW_ALL, this.count);
  }

  /** "Showing 2,000 of 2,400 goals": said, never silent, when the Apex cut the list. */
  get cutText(): string {
    return cutText(LABEL_GOALS_CUT, (this.goals ?? []).length, this.total);
  }

  handleMore(): void {
    this.expanded = true;
  }

  handleLess(): void {
    this.expanded = false;
  }

  handleGoalSaved(event: CustomEvent<{ recordId: string }>): void {
    // Re-dispatched so the panel hears it without the row's event crossing shadow boundaries.
    event.stopPropagation();
    this.dispatchEvent(new CustomEvent('goalsaved', { detail: event.detail }));
  }
}
