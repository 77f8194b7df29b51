import { LightningElement, api } from 'lwc';
import type { HealthHistory, HealthSince, TrendPoint } from 'c/successModel';
import { factText } from 'c/panelFormat';
import { formatDate, formatLabel, formatNumber, formatSignedNumber } from 'c/figureFormat';
import LABEL_TITLE from '@salesforce/label/c.Health_TrendTitle';
import LABEL_NONE from '@salesforce/label/c.Health_TrendNone';
import LABEL_SUMMARY from '@salesforce/label/c.Health_TrendSummary';
import LABEL_SUMMARY_ONE from '@salesforce/label/c.Health_TrendSummaryOne';
import LABEL_SUMMARY_UNSCORED from '@salesforce/label/c.Health_TrendSummaryUnscored';
import LABEL_DATE from '@salesforce/label/c.Health_TrendDate';
import LABEL_SCORE from '@salesforce/label/c.Health_TrendScore';
import LABEL_BAND from '@salesforce/label/c.Health_TrendBand';
import LABEL_POINT from '@salesforce/label/c.Health_TrendPoint';
import LABEL_SINCE from '@salesforce/label/c.Health_TrendSince';
import LABEL_NOW_SCORED from '@salesforce/label/c.Health_TrendNowScored';
import LABEL_NO_LONGER_SCORED from '@salesforce/label/c.Health_TrendNoLongerScored';
import LABEL_STILL_UNSCORED from '@salesforce/label/c.Health_TrendStillUnscored';
import LABEL_MODEL_CHANGED from '@salesforce/label/c.Health_TrendModelChanged';
import LABEL_MOVED from '@salesforce/label/c.Health_TrendMoved';
import LABEL_MOVED_BY from '@salesforce/label/c.Health_TrendMovedBy';
import LABEL_NO_MOVE from '@salesforce/label/c.Health_TrendNoMove';
import LABEL_UNREADABLE from '@salesforce/label/c.Health_TrendUnreadable';
import LABEL_NO_SCORE from '@salesforce/label/c.Panel_HealthNoScore';

interface DotView {
  key: string;
  cx: string;
  cy: string;
  className: string;
  title: string;
}

interface RowView {
  key: string;
  date: string;
  score: string;
  band: string;
}

interface MovedView {
  key: string;
  heading: string;
  facts: string;
}

const SINCE_LABELS: Record<HealthSince['kind'], string> = {
  explained: LABEL_SINCE,
  modelChanged: LABEL_SINCE,
  nowScored: LABEL_NOW_SCORED,
  noLongerScored: LABEL_NO_LONGER_SCORED,
  stillUnscored: LABEL_STILL_UNSCORED
};

const scoreText = (point: TrendPoint): string => (point.score === null ? LABEL_NO_SCORE : formatNumber(point.score, 0));

/**
 * Health over time on the success panel: the latest stored snapshots as a small chart (SVG drawn from template
 * bindings, with the same points in a table for screen readers) and "since <date>: 83 -> 71" with the dimensions
 * that moved it and the facts behind each. successModel.healthHistory computes every figure and position.
 */
export default class HealthTrend extends LightningElement {
  @api healthHistory: HealthHistory | undefined;

  labels = {
    title: LABEL_TITLE,
    none: LABEL_NONE,
    date: LABEL_DATE,
    score: LABEL_SCORE,
    band: LABEL_BAND,
    modelChanged: LABEL_MODEL_CHANGED,
    movedBy: LABEL_MOVED_BY,
    noMove: LABEL_NO_MOVE
  };

  get points(): TrendPoint[] {
    return this.healthHistory?.trend.points ?? [];
  }

  get hasPoints(): boolean {
    return this.points.length > 0;
  }

  get summary(): string {
    const trend = this.healthHistory?.trend;
    const first = trend?.firstScored;
    const last = trend?.lastScored;
    if (!first || !last) return formatLabel(LABEL_SUMMARY_UNSCORED, this.points.length);
    if (this.points.length === 1) {
      return formatLabel(LABEL_SUMMARY_ONE, scoreText(first), formatDate(first.date));
    }
    return formatLabel(
      LABEL_SUMMARY,
      this.points.length,
      scoreText(first),
      formatDate(first.date),
      scoreText(last),
      formatDate(last.date)
    );
  }

  get segments(): Array<{ key: string; x1: string; y1: string; x2: string; y2: string }> {
    return (this.healthHistory?.trend.segments ?? []).map((segment, index) => ({
      key: `segment-${index}`,
      x1: `${segment.x1}%`,
      y1: `${segment.y1}%`,
      x2: `${segment.x2}%`,
      y2: `${segment.y2}%`
    }));
  }

  get dots(): DotView[] {
    return this.points
      .filter((point) => point.y !== null)
      .map((point) => ({
        key: point.date,
        cx: `${point.x}%`,
        cy: `${point.y}%`,
        className: `dot dot_${point.band?.variant ?? 'none'}`,
        title: formatLabel(LABEL_POINT, formatDate(point.date), scoreText(point))
      }));
  }

  get rows(): RowView[] {
    return this.points.map((point) => ({
      key: point.date,
      date: formatDate(point.date),
      score: scoreText(point),
      band: point.band?.label ?? ''
    }));
  }

  get change(): HealthSince | null {
    return this.healthHistory?.change ?? null;
  }

  get sinceText(): string {
    const change = this.change;
    if (!change) return '';
    return formatLabel(
      SINCE_LABELS[change.kind],
      formatDate(change.since),
      change.scoreBefore === null ? '' : formatNumber(change.scoreBefore, 0),
      change.scoreAfter === null ? '' : formatNumber(change.scoreAfter, 0)
    );
  }

  get modelChanged(): boolean {
    return this.change?.kind === 'modelChanged';
  }

  get breakdownUnreadable(): boolean {
    return this.change?.breakdownUnreadable === true;
  }

  get unreadableText(): string {
    return formatLabel(LABEL_UNREADABLE, formatDate(this.change?.since));
  }

  get moved(): MovedView[] {
    return (this.change?.moved ?? []).map((dimension) => ({
      key: dimension.key,
      heading: formatLabel(LABEL_MOVED, dimension.label, formatSignedNumber(dimension.delta)),
      facts: dimension.facts.map((fact) => factText(fact)).join('; ')
    }));
  }

  get hasMoved(): boolean {
    return this.moved.length > 0;
  }

  /** Same model, both scored, a readable breakdown and nothing moved: said, not left blank. */
  get noMove(): boolean {
    return this.change?.kind === 'explained' && !this.breakdownUnreadable && !this.hasMoved;
  }
}
