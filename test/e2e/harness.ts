// Brings the whole product up the way `npm start` does, in a temp folder and on free ports:
// local org -> migrate -> seed (the demo plan, or another plan) -> usage (optional) -> score -> preview build ->
// preview server. Used by the browser tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import type { Connection } from 'jsforce';
import { connect } from '../../scripts/lib/connection';
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

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
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
    const migrated = await runMigrate({
      argv: ['--instance-url', org.instanceUrl],
      env,
      stdout: sink(output),
      stderr: sink(output)
    });
    if (migrated !== 0) throw new Error(`migrate exited ${migrated}:\n${output.join('')}`);
    const seeded = await runSeed({
      argv: ['--instance-url', org.instanceUrl, '--plan', plan, '--journal', path.join(dataDir, 'seed-journal.jsonl')],
      env,
      cwd: dataDir,
      now,
      stdout: sink(output),
      stderr: sink(output)
    });
    if (seeded !== 0) throw new Error(`seed exited ${seeded}:\n${output.join('')}`);
    if (options.usage !== undefined) {
      const loaded = await runUsage({
        argv: ['--instance-url', org.instanceUrl, '--file', options.usage],
        env,
        cwd: dataDir,
        now,
        stdout: sink(output),
        stderr: sink(output)
      });
      if (loaded !== 0) throw new Error(`usage exited ${loaded}:\n${output.join('')}`);
    }
    // As npm start does: the scoring run stores health and the program snapshots the workspace reads.
    const scored = await runScore({
      argv: ['--instance-url', org.instanceUrl],
      env,
      cwd: dataDir,
      now,
      stdout: sink(output),
      stderr: sink(output)
    });
    if (scored !== 0) throw new Error(`score exited ${scored}:\n${output.join('')}`);
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
