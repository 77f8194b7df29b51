// Preview implementation of AccountPlaysController.getPlays: the same selector queries, by name, in the same order of
// decisions, shaped into the PlaysViewModel the component receives in Lightning Experience.
import type { PlaysViewModel } from '../../../force-app/main/default/lwc/accountPlays/playsTypes';
import { readAccount, rolesForStage } from './accountControllers';
import { apexQueries } from './controllerQueries';
import type { ApexTransaction } from './governor';

type Config = PlaysViewModel['config'];

export async function getPlays(tx: ApexTransaction, params: { accountId?: string }): Promise<PlaysViewModel> {
  const q = apexQueries();
  const { account, binds } = await readAccount<PlaysViewModel['account']>(
    tx,
    q,
    'PlaySelector.account',
    params.accountId
  );
  const openPlays = await q.run<PlaysViewModel['openPlays'][number]>(tx, 'PlaySelector.openPlays', binds);
  const openPlayCount = await q.count(tx, 'PlaySelector.openPlayCount', binds);
  const closedPlays = await q.run<PlaysViewModel['closedPlays'][number]>(tx, 'PlaySelector.closedPlays', binds);
  const closedPlayCount = await q.count(tx, 'PlaySelector.closedPlayCount', binds);
  const playIds = openPlays.map((play) => String(play.Id));
  const steps = playIds.length
    ? await q.run<PlaysViewModel['steps'][number]>(tx, 'PlaySelector.steps', { playIds })
    : [];
  const stepCount = playIds.length ? await q.count(tx, 'PlaySelector.stepCount', { playIds }) : 0;
  const [charter] = await q.run<{ Id?: string }>(tx, 'CharterSelector.activeSummary');
  const roles = await rolesForStage<PlaysViewModel['roles'][number]>(tx, q, charter?.Id, account.Lifecycle_Stage__c);
  const config: Config = {
    playbooks: await q.run<Config['playbooks'][number]>(tx, 'PlaySelector.playbooks'),
    steps: await q.run<Config['steps'][number]>(tx, 'PlaySelector.playbookSteps')
  };
  return { account, openPlays, openPlayCount, closedPlays, closedPlayCount, steps, stepCount, roles, config };
}
