// Preview implementation of AccountSuccessController.getPanel: the same selector queries, by name, in the same
// order of decisions, shaped into the PanelViewModel the component receives in Lightning Experience.
import type { PanelViewModel } from '../../../force-app/main/default/lwc/accountSuccessPanel/panelTypes';
import { readAccount, rolesForStage } from './accountControllers';
import { apexQueries } from './controllerQueries';
import type { ApexTransaction } from './governor';

type Config = PanelViewModel['config'];

export async function getPanel(tx: ApexTransaction, params: { accountId?: string }): Promise<PanelViewModel> {
  const q = apexQueries();
  const { account, binds } = await readAccount<PanelViewModel['account']>(
    tx,
    q,
    'CustomerSelector.account',
    params.accountId
  );
  const goals = await q.run<PanelViewModel['goals'][number]>(tx, 'CustomerSelector.goals', binds);
  const goalCount = await q.count(tx, 'CustomerSelector.goalCount', binds);
  const risks = await q.run<PanelViewModel['risks'][number]>(tx, 'CustomerSelector.openRisks', binds);
  const openRiskCount = await q.count(tx, 'CustomerSelector.openRiskCount', binds);
  const opportunities = await q.run<PanelViewModel['opportunities'][number]>(
    tx,
    'CustomerSelector.csSourcedOpportunities',
    binds
  );
  const opportunityCount = await q.count(tx, 'CustomerSelector.csSourcedOpportunityCount', binds);
  const usage = await q.run<PanelViewModel['usage'][number]>(tx, 'CustomerSelector.usage', binds);
  const healthSnapshots = await q.run<PanelViewModel['healthSnapshots'][number]>(
    tx,
    'CustomerSelector.healthSnapshots',
    binds
  );
  const [charter = null] = await q.run<NonNullable<PanelViewModel['charter']>>(tx, 'CharterSelector.activeSummary');
  const roles = await rolesForStage<PanelViewModel['roles'][number]>(tx, q, charter?.Id, account.Lifecycle_Stage__c);
  const config: Config = {
    dimensions: await q.run<Config['dimensions'][number]>(tx, 'ConfigSelector.dimensions'),
    bands: await q.run<Config['bands'][number]>(tx, 'ConfigSelector.bands'),
    stages: await q.run<Config['stages'][number]>(tx, 'ConfigSelector.stages'),
    criteria: await q.run<Config['criteria'][number]>(tx, 'ConfigSelector.criteria'),
    keyFeatures: await q.run<Config['keyFeatures'][number]>(tx, 'ConfigSelector.keyFeatures')
  };
  return {
    account,
    charter,
    goals,
    goalCount,
    risks,
    openRiskCount,
    opportunities,
    opportunityCount,
    roles,
    usage,
    healthSnapshots,
    config
  };
}
