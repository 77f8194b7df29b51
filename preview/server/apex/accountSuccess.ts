// Preview implementation of AccountSuccessController.getPanel: the controller's own queries,
// shaped into the PanelViewModel the component receives in Lightning Experience.
import type { ApexTransaction } from './governor';
import type { PanelViewModel } from '../../../force-app/main/default/lwc/accountSuccessPanel/panelTypes';
import { ControllerQueries } from './controllerQueries';

let queries: ControllerQueries | undefined;
const controller = () => (queries ??= new ControllerQueries('AccountSuccessController'));

export async function getPanel(tx: ApexTransaction, params: { accountId?: string }): Promise<PanelViewModel> {
  const accountId = params.accountId;
  // The controller's messages, so the component's error state reads the same.
  if (!accountId) throw new Error('An account Id is required.');
  const q = controller();
  const [account] = await q.run<PanelViewModel['account']>(tx, 'Account', { accountId });
  if (!account) throw new Error('The account does not exist or you do not have access to it.');
  const [goals, risks, opportunities, charters, dimensions, bands, stages, criteria] = await Promise.all([
    q.run<PanelViewModel['goals'][number]>(tx, 'Customer_Goal__c', { accountId }),
    q.run<PanelViewModel['risks'][number]>(tx, 'Customer_Risk__c', { accountId }),
    q.run<PanelViewModel['opportunities'][number]>(tx, 'Opportunity', { accountId }),
    q.run<NonNullable<PanelViewModel['charter']>>(tx, 'Success_Charter__c'),
    q.run<PanelViewModel['config']['dimensions'][number]>(tx, 'Health_Dimension__mdt'),
    q.run<PanelViewModel['config']['bands'][number]>(tx, 'Health_Band__mdt'),
    q.run<PanelViewModel['config']['stages'][number]>(tx, 'Lifecycle_Stage__mdt'),
    q.run<PanelViewModel['config']['criteria'][number]>(tx, 'ICP_Criterion__mdt')
  ]);
  const charter = charters[0] ?? null;
  const stage = account.Lifecycle_Stage__c;
  const roles =
    charter?.Id && stage
      ? await q.run<PanelViewModel['roles'][number]>(tx, 'Charter_Role__c', { charterId: charter.Id, stage })
      : [];
  return { account, charter, goals, risks, opportunities, roles, config: { dimensions, bands, stages, criteria } };
}
