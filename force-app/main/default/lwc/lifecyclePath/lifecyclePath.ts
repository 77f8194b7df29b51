import { LightningElement, api } from 'lwc';
import type { LifecycleStep } from 'c/successModel';
import { formatDays, formatLabel } from 'c/figureFormat';
import LABEL_LIFECYCLE from '@salesforce/label/c.Panel_Lifecycle';
import LABEL_NO_STAGE from '@salesforce/label/c.Panel_NoStage';
import LABEL_COMPLETE from '@salesforce/label/c.Panel_StageComplete';
import LABEL_CURRENT from '@salesforce/label/c.Panel_StageCurrent';
import LABEL_UPCOMING from '@salesforce/label/c.Panel_StageUpcoming';
import LABEL_DAYS_IN_STAGE from '@salesforce/label/c.Panel_DaysInStage';
import LABEL_DAYS_IN_STAGE_NO_TARGET from '@salesforce/label/c.Panel_DaysInStageNoTarget';
import LABEL_OVERDUE_IN_STAGE from '@salesforce/label/c.Panel_OverdueInStage';
import LABEL_NO_STAGE_DATE from '@salesforce/label/c.Panel_NoStageDate';

const STATE_LABEL = { complete: LABEL_COMPLETE, current: LABEL_CURRENT, upcoming: LABEL_UPCOMING };

/**
 * The configured lifecycle stages in order, every name in full (the steps wrap at narrow widths instead of being cut
 * to "Onboar…"), the account's stage marked current, and its days in stage against the stage's target.
 */
export default class LifecyclePath extends LightningElement {
  @api steps: LifecycleStep[] = [];

  labels = { lifecycle: LABEL_LIFECYCLE, noStage: LABEL_NO_STAGE };

  get hasSteps(): boolean {
    return (this.steps ?? []).length > 0;
  }

  get items() {
    return (this.steps ?? []).map((step) => ({
      key: step.key,
      label: step.label,
      // The state in words for screen readers; sighted users see it from the style and the check mark.
      assistive: formatLabel(STATE_LABEL[step.state], step.label),
      isComplete: step.state === 'complete',
      ariaCurrent: step.state === 'current' ? 'step' : null,
      className: `step step_${step.state}${step.state === 'current' && step.overdueInStage ? ' step_overdue' : ''}`
    }));
  }

  private get current(): LifecycleStep | undefined {
    return (this.steps ?? []).find((step) => step.state === 'current');
  }

  get noCurrent(): boolean {
    return this.current === undefined;
  }

  get stageText(): string {
    const current = this.current;
    if (!current) return '';
    if (current.daysInStage === null) return LABEL_NO_STAGE_DATE;
    const days = formatDays(current.daysInStage);
    return current.targetDays === null
      ? formatLabel(LABEL_DAYS_IN_STAGE_NO_TARGET, days, current.label)
      : formatLabel(LABEL_DAYS_IN_STAGE, days, current.label, formatDays(current.targetDays));
  }

  get overdueText(): string {
    const current = this.current;
    if (!current?.overdueInStage) return '';
    return formatLabel(
      LABEL_OVERDUE_IN_STAGE,
      formatDays((current.daysInStage as number) - (current.targetDays as number))
    );
  }
}
