// A local org with the product's force-app deployed through migrate, and seeded from a plan where a test asks, for
// tests of what the org enforces with the project's own metadata (validation rules, permission sets, sharing models)
// and of the preview against seeded data. One org per test file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startLocalOrg, type LocalOrg } from '../index';
import { PROJECT_ROOT } from '../../lib/paths';
import { runMigrate } from '../../migrate/cli';
import { runSeed } from '../../seed/seed';

export interface ForceAppOrg extends LocalOrg {
  dataDir: string;
  dispose(): Promise<void>;
}

/** The demo seed plan, as `npm start` loads it. */
export const DEMO_PLAN = path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml');

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
}

/**
 * A fresh local org in a temp folder with force-app migrated in and, given `seedPlan`, seeded from it (the journal in
 * the org's folder); a failing step fails with its output, and the org is disposed of.
 */
export async function startForceAppOrg(options: { seedPlan?: string } = {}): Promise<ForceAppOrg> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localorg-force-app-'));
  const org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
  const forceAppOrg = Object.assign(org, {
    dataDir,
    dispose: async () => {
      await org.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  const output: string[] = [];
  // The token reaches the scripts through the environment only, never the command line.
  const io = { env: { ...process.env, SF_ACCESS_TOKEN: org.accessToken }, stdout: sink(output), stderr: sink(output) };
  try {
    const migrated = await runMigrate({ argv: ['--instance-url', org.instanceUrl], ...io });
    assert.equal(migrated, 0, `migrate failed:\n${output.join('')}`);
    if (options.seedPlan) {
      const journal = path.join(dataDir, 'seed-journal.jsonl');
      const seeded = await runSeed({
        argv: ['--instance-url', org.instanceUrl, '--plan', options.seedPlan, '--journal', journal],
        cwd: dataDir,
        ...io
      });
      assert.equal(seeded, 0, `seed failed:\n${output.join('')}`);
    }
  } catch (error) {
    await forceAppOrg.dispose();
    throw error;
  }
  return forceAppOrg;
}
