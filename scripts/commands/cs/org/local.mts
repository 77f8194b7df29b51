// `npm run org:local` / `sf cs org local`: serves the local org until stopped. The org itself is scripts/localOrg.
import path from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { EXIT } from '../../../lib/cli';
import { CsCommand } from '../../../lib/command.mjs';
import { PROJECT_ROOT } from '../../../lib/paths';
import { startLocalOrg } from '../../../localOrg';

const DEFAULT_PORT = 6466;

export interface LocalOrgReport {
  exitCode: number;
  instanceUrl: string;
  /** org.json with instanceUrl and accessToken, for clients that log in (the token is never printed). */
  credentials: string;
}

export default class OrgLocal extends CsCommand<LocalOrgReport> {
  public static override readonly summary = 'Serve a local Salesforce org on 127.0.0.1 for development and tests.';
  public static override readonly description =
    'Speaks the REST, query, composite, Bulk API 2.0 and Metadata APIs the scripts and the preview use. When ready it prints the instance URL (with --json: one document with instanceUrl and credentials) and writes org.json with instanceUrl and accessToken into the data directory. Ctrl-C stops it.';
  public static override readonly examples = [
    'npm run org:local',
    'npm run org:local -- --port 0 --data-dir /tmp/org --reset --json',
    'sf cs org local --reset'
  ];
  // The local org takes no org flags: it is the org.
  public static override readonly envVariablesSection = undefined;

  public static override readonly flags = {
    port: Flags.integer({
      summary: `Port to listen on (0 picks a free one).`,
      min: 0,
      max: 65535,
      default: DEFAULT_PORT
    }),
    'data-dir': Flags.string({ summary: 'Where records and org.json live (default .localorg/).' }),
    reset: Flags.boolean({ summary: 'Start from an empty org (standard objects only).' })
  };

  private readyPrinted = false;

  public async run(): Promise<LocalOrgReport> {
    const { flags } = await this.parse(OrgLocal);
    const dataDir = path.resolve(this.io.cwd, flags['data-dir'] ?? path.join(PROJECT_ROOT, '.localorg'));
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    const org = await startLocalOrg({ port: flags.port, dataDir, reset: flags.reset });
    const report: LocalOrgReport = {
      exitCode: EXIT.OK,
      instanceUrl: org.instanceUrl,
      credentials: path.join(dataDir, 'org.json')
    };
    // A server's --json document is printed when it is ready (a CI step reads the URL from it), not when it stops.
    if (this.jsonEnabled()) this.logJson(report);
    this.log(`Local org ready at ${org.instanceUrl}`);
    this.log(`Credentials: ${report.credentials}`);
    await stopped;
    await org.close();
    this.log('Local org stopped');
    return report;
  }

  public override logJson(json: unknown): void {
    if (this.readyPrinted) return;
    this.readyPrinted = true;
    super.logJson(json);
  }
}
