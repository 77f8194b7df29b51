// The local org's programmatic API for tests and scripts: startLocalOrg({ port, dataDir, reset }).
export { startLocalOrg } from './server';
export type { LocalOrg, LocalOrgOptions } from './server';
