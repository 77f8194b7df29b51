// A local org with force-app deployed, for the seed tests and bench: each caller gets its own org in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection } from 'jsforce';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { startLocalOrg, type LocalOrg } from '../../localOrg';
import { DEFAULT_DIR, pinnedApiVersion } from '../../lib/paths';

export interface SeededOrg {
  org: LocalOrg;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

const zips = new Map<string, Promise<Buffer>>();

/**
 * The data model's zip (objects only: seeding needs the schema, and Apex or components being edited elsewhere must not
 * break the seed tests; with `customMetadata`, the configuration records too), built once per process because
 * conversion is the slow part of a deploy.
 */
function forceAppZip(customMetadata: boolean): Promise<Buffer> {
  const folders = customMetadata ? ['objects', 'customMetadata'] : ['objects'];
  const id = folders.join('+');
  let zip = zips.get(id);
  if (!zip) {
    const set = ComponentSet.fromSource(folders.map((f) => path.join(DEFAULT_DIR, f)));
    set.sourceApiVersion = pinnedApiVersion();
    set.apiVersion = pinnedApiVersion();
    zip = new MetadataConverter().convert(set, 'metadata', { type: 'zip' }).then((r) => {
      if (!r.zipBuffer) throw new Error('source-deploy-retrieve made no zip');
      return r.zipBuffer;
    });
    zips.set(id, zip);
  }
  return zip;
}

export async function startDeployedOrg(
  options: { durable?: boolean; customMetadata?: boolean } = {}
): Promise<SeededOrg> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'seed-org-'));
  const org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: options.durable ?? false });
  const connection = new Connection({
    instanceUrl: org.instanceUrl,
    accessToken: org.accessToken,
    version: pinnedApiVersion()
  });
  connection.metadata.pollInterval = 50;
  connection.metadata.pollTimeout = 60_000;
  const deploy = connection.metadata.deploy(await forceAppZip(options.customMetadata ?? false), {
    rollbackOnError: true,
    singlePackage: true
  });
  const result = await deploy.complete(true);
  // jsforce passes SOAP booleans through as strings.
  if (String(result.success) !== 'true') {
    throw new Error(`deploy into the local org failed: ${JSON.stringify(result.details?.componentFailures)}`);
  }
  return {
    org,
    dataDir,
    env: { SF_ACCESS_TOKEN: org.accessToken },
    close: async () => {
      await org.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
