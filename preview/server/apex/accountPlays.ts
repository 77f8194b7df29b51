// Preview implementation of AccountPlaysController.getPlays: the same selector queries, by name, in the same order of
// decisions, shaped into the PlaysViewModel the component receives in Lightning Experience.
import type { PlaysViewModel } from '../../../force-app/main/default/lwc/accountPlays/playsTypes';
import { apexQueries } from './controllerQueries';
import type { ApexTransaction } from './governor';

type Config = PlaysViewModel['config'];

export async function getPlays(tx: ApexTransaction, params: { accountId?: string }): Promise<PlaysViewModel> {
  const accountId = params.accountId;
  // The controller's messages, so the component's error state reads the same.
  if (!accountId) throw new Error('An account Id is required.');
  const q = apexQueries();
  const binds = { accountId };
  const [account] = await q.run<PlaysViewModel['account']>(tx, 'PlaySelector.account', binds);
  if (!account) throw new Error('The account does not exist or you do not have access to it.');
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
  const stage = account.Lifecycle_Stage__c;
  const roles =
    charter?.Id && stage
      ? await q.run<PlaysViewModel['roles'][number]>(tx, 'CharterSelector.rolesForStage', {
          charterId: charter.Id,
          stage
        })
      : [];
  const config: Config = {
    playbooks: await q.run<Config['playbooks'][number]>(tx, 'PlaySelector.playbooks'),
    steps: await q.run<Config['steps'][number]>(tx, 'PlaySelector.playbookSteps')
  };
  return { account, openPlays, openPlayCount, closedPlays, closedPlayCount, steps, stepCount, roles, config };
}
