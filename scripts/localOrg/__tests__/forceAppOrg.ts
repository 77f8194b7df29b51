// A local org with the product's force-app deployed through migrate, for tests of what the org enforces with the
// project's own metadata (validation rules, permission sets, sharing models). One org per test file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startLocalOrg, type LocalOrg } from '../index';
import { runMigrate } from '../../migrate/cli';

export interface ForceAppOrg extends LocalOrg {
  dataDir: string;
  dispose(): Promise<void>;
}

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
}

export async function startForceAppOrg(): Promise<ForceAppOrg> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localorg-force-app-'));
  const org = await startLocalOrg({ port: 0, dataDir, reset: true, durable: false });
  const output: string[] = [];
  // The token reaches migrate through the environment only, never the command line.
  const env = { ...process.env, SF_ACCESS_TOKEN: org.accessToken };
  const code = await runMigrate({
    argv: ['--instance-url', org.instanceUrl],
    env,
    stdout: sink(output),
    stderr: sink(output)
  });
  assert.equal(code, 0, `migrate failed:\n${output.join('')}`);
  return Object.assign(org, {
    dataDir,
    dispose: async () => {
      await org.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
