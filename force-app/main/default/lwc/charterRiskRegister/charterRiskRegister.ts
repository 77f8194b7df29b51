import { LightningElement, api } from 'lwc';
import { residualScore, riskRating, scoreOf } from 'c/successModel';
import { formatDate, formatLabel, formatNumber } from 'c/figureFormat';
import { firstRows } from 'c/showMore';
import type { RiskAccount, RiskAccountCount, WorkspaceRisk } from 'c/charterWorkspace';
import LABEL_EDIT_RECORD from '@salesforce/label/c.Workspace_EditRecord';
import LABEL_NO_ACCOUNTS from '@salesforce/label/c.Workspace_NoAccounts';
import LABEL_ACCOUNT_COUNT_ONE from '@salesforce/label/c.Workspace_AccountCountOne';
import LABEL_ACCOUNT_COUNT_MANY from '@salesforce/label/c.Workspace_AccountCountMany';
import LABEL_REGISTER from '@salesforce/label/c.Workspace_Register';
import LABEL_RISK from '@salesforce/label/c.Workspace_Risk';
import LABEL_SCORE from '@salesforce/label/c.Workspace_Score';
import LABEL_ASSESSMENT from '@salesforce/label/c.Workspace_Assessment';
import LABEL_CORRECTIVE_ACTION from '@salesforce/label/c.Workspace_CorrectiveAction';
import LABEL_RESIDUAL from '@salesforce/label/c.Workspace_Residual';
import LABEL_OWNER from '@salesforce/label/c.Workspace_Owner';
import LABEL_REVIEW_DATE from '@salesforce/label/c.Workspace_ReviewDate';
import LABEL_ACCOUNTS from '@salesforce/label/c.Workspace_Accounts';
import LABEL_EDIT from '@salesforce/label/c.Workspace_Edit';
import LABEL_NO_RISKS from '@salesforce/label/c.Workspace_NoRisks';

/** Rows shown at first and added by each "Show more": a screenful, so a big register opens fast. */
const PAGE_SIZE = 25;

/** An account where a risk occurs: its Id (for the link to its page) and its name. */
interface AccountLink {
  id: string | undefined;
  label: string;
}

type Inputs = [WorkspaceRisk[], RiskAccount[], RiskAccountCount[]];

function toRow(
  risk: WorkspaceRisk,
  index: number,
  score: number | null,
  counts: Map<string, number>,
  names: Map<string, AccountLink[]>
) {
  const id = risk.Id ?? String(index);
  const accountCount = counts.get(risk.Id ?? '') ?? 0;
  const residual = residualScore(risk);
  const name = risk.Name ?? '';
  return {
    key: id,
    id: risk.Id,
    name,
    category: risk.Category__c ?? '',
    score,
    rating: riskRating(score) ?? '',
    residual,
    residualRating: riskRating(residual) ?? '',
    assessment: risk.Assessment__c ?? '',
    correctiveAction: risk.Corrective_Action__c ?? '',
    owner: risk.Owner__r?.Name ?? '',
    reviewDate: risk.Review_Date__c ? formatDate(risk.Review_Date__c) : '',
    status: risk.Status__c ?? '',
    hasAccounts: accountCount > 0,
    accountsText: accountsText(accountCount),
    accounts: (names.get(risk.Id ?? '') ?? []).map((account, i) => ({ key: `${id}-${i}`, ...account })),
    listId: `accounts-${id}`,
    editLabel: formatLabel(LABEL_EDIT_RECORD, name)
  };
}

/** "No accounts", "1 account", "12 accounts": a risk at no account offers nothing to open. */
function accountsText(count: number): string {
  if (count === 0) return LABEL_NO_ACCOUNTS;
  return formatLabel(count === 1 ? LABEL_ACCOUNT_COUNT_ONE : LABEL_ACCOUNT_COUNT_MANY, formatNumber(count, 0));
}

type RegisterRow = ReturnType<typeof toRow>;

/** Every threat as a row, by score highest first (unscored last, then in the order given). */
function registerRows([risks, riskAccounts, riskAccountCounts]: Inputs): RegisterRow[] {
  const counts = new Map(riskAccountCounts.map((count) => [count.riskId, count.accounts]));
  const names = new Map<string, AccountLink[]>();
  for (const link of riskAccounts) {
    const id = link.Charter_Risk__c ?? '';
    const list = names.get(id) ?? [];
    list.push({ id: link.Account__c ?? undefined, label: link.Account__r?.Name ?? link.Account__c ?? '' });
    names.set(id, list);
  }
  return risks
    .map((risk, index) => ({ risk, index, score: scoreOf(risk) }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.index - b.index)
    .map(({ risk, index, score }) => toRow(risk, index, score, counts, names));
}

/**
 * Threats by score, highest first, with assessment, corrective action, residual score, owner and accounts.
 * The first PAGE_SIZE rows show, and "Show more" adds a page at a time: sorting and the heat map filter apply to the
 * whole register before the cut, so the rows shown are always the highest-scored of the current selection.
 */
export default class CharterRiskRegister extends LightningElement {
  @api riskAccounts: RiskAccount[] = [];
  @api riskAccountCounts: RiskAccountCount[] = [];
  /** The user may edit these records (updateable, and edit access to the charter): Edit is shown only then. */
  @api canEdit = false;
  labels = {
    register: LABEL_REGISTER,
    risk: LABEL_RISK,
    score: LABEL_SCORE,
    assessment: LABEL_ASSESSMENT,
    correctiveAction: LABEL_CORRECTIVE_ACTION,
    residual: LABEL_RESIDUAL,
    owner: LABEL_OWNER,
    reviewDate: LABEL_REVIEW_DATE,
    accounts: LABEL_ACCOUNTS,
    edit: LABEL_EDIT,
    noRisks: LABEL_NO_RISKS
  };
  expandedId: string | null = null;
  limit = PAGE_SIZE;
  readonly pageSize = PAGE_SIZE;
  private risksValue: WorkspaceRisk[] = [];
  // Rows are built once per change of the inputs, not on every render (expanding a row or Show more re-renders).
  // A plain object field: LWC does not observe its properties, so filling it during render is not a mutation.
  private readonly memo: { inputs?: Inputs; rows: RegisterRow[] } = { rows: [] };

  /** The threats to list; a new list (the heat map filter changed) starts again at the first page. */
  @api
  get risks(): WorkspaceRisk[] {
    return this.risksValue;
  }
  set risks(value: WorkspaceRisk[]) {
    this.risksValue = value ?? [];
    this.limit = PAGE_SIZE;
  }

  private get allRows(): RegisterRow[] {
    const inputs: Inputs = [this.risksValue, this.riskAccounts ?? [], this.riskAccountCounts ?? []];
    const last = this.memo.inputs;
    if (!last || inputs.some((input, i) => input !== last[i])) {
      this.memo.inputs = inputs;
      this.memo.rows = registerRows(inputs);
    }
    return this.memo.rows;
  }

  get hasRisks(): boolean {
    return this.risksValue.length > 0;
  }

  get rows() {
    return firstRows(this.allRows, this.limit).map((row) => {
      const expanded = this.expandedId === row.key;
      return { ...row, expanded, ariaExpanded: String(expanded) };
    });
  }

  get total(): number {
    return this.allRows.length;
  }

  handleShowMore(event: CustomEvent<{ limit: number }>): void {
    this.limit = event.detail.limit;
  }

  handleToggle(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
    this.expandedId = this.expandedId === id ? null : id;
  }

  handleEdit(event: Event): void {
    const recordId = (event.currentTarget as HTMLElement).dataset.id;
    this.dispatchEvent(new CustomEvent('recordrequest', { detail: { objectApiName: 'Charter_Risk__c', recordId } }));
  }
}
