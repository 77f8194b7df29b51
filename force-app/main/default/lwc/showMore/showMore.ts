import { LightningElement, api } from 'lwc';
import { formatLabel, formatNumber } from 'c/figureFormat';
import LABEL_SHOWING from '@salesforce/label/c.Workspace_ShowingCount';
import LABEL_SHOW_MORE from '@salesforce/label/c.Workspace_ShowMore';

/** Where a cut list stands: the rows shown, the rows in all, and how many the next "Show more" adds. */
export interface ShowMoreState {
  shown: number;
  total: number;
  more: number;
}

/**
 * The one rule for cutting a list: of `total` rows the first `limit` show (never more than there are, never fewer
 * than none), and "Show more" adds `step` rows, or what is left when fewer are left.
 */
export function showMoreState(total: number, limit: number, step: number): ShowMoreState {
  const all = Math.max(0, total);
  const shown = Math.min(Math.max(0, limit), all);
  return { shown, total: all, more: Math.min(Math.max(0, step), all - shown) };
}

/** The rows a list shows under the limit: the first `limit` of them, in the order given. */
export function firstRows<T>(rows: readonly T[], limit: number): T[] {
  return rows.slice(0, Math.max(0, limit));
}

/**
 * What a list says when the server sent only the first `shown` of `total` rows ("Showing 2,000 of 2,400 goals"), filled
 * into the list's own label; blank when every row came (or the total is unknown), so a cut is never silent.
 */
export function cutText(label: string, shown: number, total: number | undefined): string {
  return typeof total === 'number' && total > shown
    ? formatLabel(label, formatNumber(shown, 0), formatNumber(total, 0))
    : '';
}

/**
 * The control under a cut list, used wherever a list is cut. The list goes in the default slot; the button's
 * `aria-controls` names the region that holds it. Two ways to cut:
 * - paged (default): "Showing {shown} of {total}" (a polite live status) and "Show {n} more", which asks for `step`
 *   more rows (`more`, detail `{ limit }` the new limit); the button goes once every row shows.
 * - `collapsible`: one toggle (`aria-expanded`) that shows every row (`more`, limit `total`) and then the first
 *   `step` again (`less`, limit `step`), labelled by the parent's `more-label` / `less-label`; no status line.
 * The parent owns the limit and slices its rows with `firstRows`: the control only says and asks.
 */
export default class ShowMore extends LightningElement {
  /** Rows in the whole list. */
  @api total = 0;
  /** Rows shown now. */
  @api limit = 0;
  /** Rows each "Show more" adds (paged), or the rows shown when collapsed (collapsible). */
  @api step = 0;
  /** One toggle between the first `step` rows and all of them, instead of paging. */
  @api collapsible = false;
  /** The collapsible toggle's label while collapsed ("Show all 12 goals"). */
  @api moreLabel = '';
  /** The collapsible toggle's label while every row shows ("Show fewer goals"). */
  @api lessLabel = '';

  private get state(): ShowMoreState {
    return showMoreState(this.total ?? 0, this.limit ?? 0, this.step ?? 0);
  }

  private get expanded(): boolean {
    const { shown, total } = this.state;
    return shown === total;
  }

  get hasBar(): boolean {
    return this.hasStatus || this.hasButton;
  }

  get hasStatus(): boolean {
    return !this.collapsible;
  }

  get statusText(): string {
    const { shown, total } = this.state;
    return formatLabel(LABEL_SHOWING, formatNumber(shown, 0), formatNumber(total, 0));
  }

  get hasButton(): boolean {
    return this.collapsible ? this.state.total > Math.max(0, this.step ?? 0) : this.state.more > 0;
  }

  get buttonClass(): string {
    return this.collapsible ? 'slds-button show-all' : 'slds-button show-more';
  }

  get buttonLabel(): string {
    if (this.collapsible) return this.expanded ? this.lessLabel : this.moreLabel;
    return formatLabel(LABEL_SHOW_MORE, formatNumber(this.state.more, 0));
  }

  /** `aria-expanded` only on the toggle: a paged button adds rows, it does not open and close. */
  get ariaExpanded(): string | null {
    return this.collapsible ? String(this.expanded) : null;
  }

  handleClick(): void {
    const { shown, total, more } = this.state;
    if (this.collapsible && this.expanded) {
      this.dispatchEvent(new CustomEvent('less', { detail: { limit: Math.max(0, this.step ?? 0) } }));
    } else {
      this.dispatchEvent(new CustomEvent('more', { detail: { limit: this.collapsible ? total : shown + more } }));
    }
  }
}
