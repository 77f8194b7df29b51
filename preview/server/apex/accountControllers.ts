// What the per-account controllers (AccountSuccessController.getPanel, AccountPlaysController.getPlays) do alike:
// read the account first, refused with the controllers' own messages, and read the active charter's roles for the
// account's lifecycle stage.
import type { ApexQueries } from './controllerQueries';
import type { ApexTransaction } from './governor';

/**
 * The account the named selector query reads, and the binds (`accountId` as given) the controller's other queries
 * take; the controllers' errors when no Id is given or the user cannot see the account.
 */
export async function readAccount<A extends object>(
  tx: ApexTransaction,
  q: ApexQueries,
  selector: string,
  accountId: string | undefined
): Promise<{ account: A; binds: { accountId: string } }> {
  // The controller's messages, so the component's error state reads the same.
  if (!accountId) throw new Error('An account Id is required.');
  const [account] = await q.run<A>(tx, selector, { accountId });
  if (!account) throw new Error('The account does not exist or you do not have access to it.');
  return { account, binds: { accountId } };
}

/** The active charter's roles for a lifecycle stage; none (and no query) without a charter or a stage. */
export async function rolesForStage<R extends object>(
  tx: ApexTransaction,
  q: ApexQueries,
  charterId: string | undefined,
  stage: string | null | undefined
): Promise<R[]> {
  return charterId && stage ? q.run<R>(tx, 'CharterSelector.rolesForStage', { charterId, stage }) : [];
}
