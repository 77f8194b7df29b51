// The Apex methods the components import, as the preview implements them against the local org.
// Each returns the same view-model type as its controller (contract-tested against the jest fixtures).
import type { Connection } from 'jsforce';
import { getPanel } from './accountSuccess';
import { getWorkspace } from './charterWorkspace';

export type ApexMethod = (connection: Connection, params: Record<string, unknown>, today: string) => Promise<unknown>;

export const apexMethods: Record<string, ApexMethod> = {
  'AccountSuccessController.getPanel': (connection, params) => getPanel(connection, params as { accountId?: string }),
  'CharterWorkspaceController.getWorkspace': (connection, params, today) =>
    getWorkspace(connection, params as { charterId?: string | null }, today)
};
