// The one way scripts reach an org. `--target-org` takes an sf CLI alias or username
// (read through @salesforce/core's auth store); `--instance-url` with SF_ACCESS_TOKEN in the
// environment is for CI and the local org. The token is registered as a secret at once so
// no output can print it.
import { Connection } from 'jsforce';
import type { Org } from '@salesforce/core';
import { ConnectionError, UsageError, registerSecret } from './cli';
import { pinnedApiVersion } from './paths';

export interface ConnectionOptions {
  targetOrg?: string;
  /** An org the sf CLI's --target-org flag already resolved. */
  org?: Org;
  instanceUrl?: string;
  /** Defaults to SF_ACCESS_TOKEN from the environment. */
  accessToken?: string;
  apiVersion?: string;
}

export interface OrgConnection {
  connection: Connection;
  /** Where it points, safe to print. */
  describe: string;
}

export function connectionOptionsFrom(
  flags: { 'target-org'?: string; 'instance-url'?: string },
  env: NodeJS.ProcessEnv = process.env
): ConnectionOptions {
  const instanceUrl = flags['instance-url'] ?? (flags['target-org'] ? undefined : env.SF_INSTANCE_URL);
  if (flags['target-org'] && flags['instance-url']) {
    throw new UsageError('use --target-org or --instance-url, not both');
  }
  if (!flags['target-org'] && !instanceUrl) {
    throw new UsageError(
      'no org given: pass --target-org <alias|username>, or --instance-url <url> with SF_ACCESS_TOKEN set'
    );
  }
  return { targetOrg: flags['target-org'], instanceUrl, accessToken: env.SF_ACCESS_TOKEN };
}

export async function connect(options: ConnectionOptions): Promise<OrgConnection> {
  const version = options.apiVersion ?? pinnedApiVersion();
  if (options.instanceUrl) {
    let url: URL;
    try {
      url = new URL(options.instanceUrl);
    } catch {
      throw new UsageError(`--instance-url ${options.instanceUrl} is not a URL`);
    }
    if (!options.accessToken) throw new UsageError('--instance-url needs SF_ACCESS_TOKEN in the environment');
    registerSecret(options.accessToken);
    const connection = new Connection({ instanceUrl: url.origin, accessToken: options.accessToken, version });
    await verify(connection, url.origin);
    return { connection, describe: url.origin };
  }
  const target = options.org?.getUsername() ?? (options.targetOrg as string);
  try {
    const org = options.org ?? (await (await import('@salesforce/core')).Org.create({ aliasOrUsername: target }));
    const coreConnection = org.getConnection(version);
    registerSecret(coreConnection.accessToken ?? undefined);
    // @salesforce/core's Connection is a jsforce Connection; the scripts use the jsforce API only.
    const connection = coreConnection as unknown as Connection;
    await verify(connection, `${target} (${org.getUsername() ?? 'unknown user'})`);
    return { connection, describe: `${target} (${coreConnection.instanceUrl})` };
  } catch (error) {
    if (error instanceof ConnectionError || error instanceof UsageError) throw error;
    throw new ConnectionError(
      `cannot connect to org ${target}: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

/** One cheap call so a bad token or URL fails before any plan or write. */
async function verify(connection: Connection, where: string): Promise<void> {
  try {
    await connection.request(`/services/data/v${connection.version}/limits`);
  } catch (error) {
    const code = (error as { errorCode?: string }).errorCode;
    const message = error instanceof Error ? error.message : String(error);
    throw new ConnectionError(`cannot reach ${where}: ${code ? `${code}: ` : ''}${message}`);
  }
}
