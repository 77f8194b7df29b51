// The local org's programmatic API for tests and scripts: startLocalOrg({ port, dataDir, reset }).
export { startLocalOrg } from './server';
export type { FaultKind, FaultRule, LocalOrg, LocalOrgOptions } from './server';
export type { Store, SObjectRecord } from './store';
