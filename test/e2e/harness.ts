// Brings the whole product up the way `npm start` does, in a temp folder and on free ports:
// local org -> migrate -> seed (the demo plan, or another plan) -> usage (optional) -> score -> preview build ->
// preview server. Used by the browser tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Connection } from 'jsforce';
import { connect } from '../../scripts/lib/connection';
import type { InProcessRun } from '../../scripts/lib/command.mjs';
import { PROJECT_ROOT } from '../../scripts/lib/paths';
import { startLocalOrg, type LocalOrg } from '../../scripts/localOrg';
import { runMigrate } from '../../scripts/migrate/cli';
import { runSeed } from '../../scripts/seed/seed';
import { runScore } from '../../scripts/score/score';
import { runUsage } from '../../scripts/usage/usage';
import { buildPreview } from '../../preview/build';
import { startPreviewServer, type PreviewServer } from '../../preview/server/server';
import { previewUsers } from '../../preview/server/users';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export interface Product {
  org: LocalOrg;
  connection: Connection;
  server: PreviewServer;
  output: string[];
  close(): Promise<void>;
}

export interface ProductOptions {
  /** The seed plan to load; default data/demo-plan.yaml, as npm start does. */
  plan?: string;
  /** A usage export to load after the seed and before the scoring run (npm run usage --file). */
  usage?: string;
  /**
   * "Today" as YYYY-MM-DD for the whole run: seed resolves relative dates against it, usage and score run on it and
   * the preview's view-models use it. The browser's own clock is the test's to pin (page.clock). Default: the real
   * day.
   */
  today?: string;
}

export async function startProduct(options: ProductOptions = {}): Promise<Product> {
  const plan = options.plan ?? path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml');
  const pinned = options.today;
  if (pinned !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(pinned)) throw new Error(`today ${pinned}: give YYYY-MM-DD`);
  // Noon UTC, so the day is the same in every time zone a few hours either side.
  const now = pinned === undefined ? undefined : () => new Date(`${pinned}T12:00:00Z`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-e2e-org-'));
  const org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
  const output: string[] = [];
  try {
    const env = { ...process.env, SF_ACCESS_TOKEN: org.accessToken };
    const kept = { write: (text: string) => output.push(text) };
    /** One step of npm start against the org; its output is in the error if it fails. */
    const step = async <C extends object>(
      name: string,
      run: (context: InProcessRun<C>) => Promise<number>,
      context: InProcessRun<C>
    ): Promise<void> => {
      const code = await run({
        env,
        stdout: kept,
        stderr: kept,
        ...context,
        argv: ['--instance-url', org.instanceUrl, ...context.argv]
      });
      if (code !== 0) throw new Error(`${name} exited ${code}:\n${output.join('')}`);
    };
    await step('migrate', runMigrate, { argv: [] });
    const journal = path.join(dataDir, 'seed-journal.jsonl');
    await step('seed', runSeed, { argv: ['--plan', plan, '--journal', journal], cwd: dataDir, now });
    if (options.usage !== undefined) {
      await step('usage', runUsage, { argv: ['--file', options.usage], cwd: dataDir, now });
    }
    // As npm start does: the scoring run stores health and the program snapshots the workspace reads.
    await step('score', runScore, { argv: [], cwd: dataDir, now });
    execFileSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'preview/tsconfig.json'],
      {
        cwd: PROJECT_ROOT,
        stdio: 'pipe'
      }
    );
    await buildPreview();
    const { connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken });
    const users = await previewUsers(org);
    const server = await startPreviewServer({
      port: 0,
      connection,
      users,
      ...(pinned === undefined ? {} : { today: () => pinned })
    });
    return {
      org,
      connection,
      server,
      output,
      async close() {
        await server.close();
        await org.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    };
  } catch (error) {
    await org.close();
    throw error;
  }
}
