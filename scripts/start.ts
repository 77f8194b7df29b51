// npm start: the whole product on a laptop with no Salesforce org.
// Starts the local org (its data kept between runs), migrates force-app into it, seeds the
// demo plan, builds the preview and serves it on 127.0.0.1. A second start with nothing
// changed sends no deploy and writes no seed data. Ctrl-C stops everything.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { EXIT, UsageError, out, parseFlags } from './lib/cli';
import { connect } from './lib/connection';
import { PROJECT_ROOT } from './lib/paths';
import { startLocalOrg } from './localOrg';
import { runMigrate } from './migrate/cli';
import { runSeed } from './seed/seed';
import { runScore } from './score/score';
import { runUsage } from './usage/usage';
import { writeSample } from './usage/sample';
import { lastSunday } from './usage/generate';
import { DIST_DIR, PREVIEW_DIR, buildPreview } from '../preview/build';
import { startPreviewServer } from '../preview/server/server';
import { previewUsers } from '../preview/server/users';

const USAGE = `Usage: npm start -- [--port N] [--org-port N] [--reset]

  --port N      the preview's port on 127.0.0.1 (default: PORT from the environment, else 6470)
  --org-port N  the local org's port (default 6466)
  --reset       start the local org empty (its data is otherwise kept in .localorg/)`;

function port(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`${flag} ${value}: give a port number from 0 to 65535`);
  return n;
}

function run(command: string, args: string[]): void {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', ...command.split('/')), ...args], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit'
  });
}

/** A digest of everything the preview bundle is built from, so an unchanged tree skips the rollup build. */
function previewInputsDigest(): string {
  const hash = crypto.createHash('sha256');
  const roots = [
    path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'lwc'),
    path.join(PREVIEW_DIR, 'modules'),
    path.join(PREVIEW_DIR, 'platform'),
    path.join(PROJECT_ROOT, 'force-app', 'main', 'default', 'labels')
  ];
  const visit = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__') visit(full);
      } else if (/\.(js|html|css|xml)$/.test(entry.name)) {
        hash.update(path.relative(PROJECT_ROOT, full));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  roots.forEach(visit);
  hash.update(fs.readFileSync(path.join(PREVIEW_DIR, 'main.js')));
  return hash.digest('hex');
}

export async function start(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    port: { type: 'string' },
    'org-port': { type: 'string' },
    reset: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
  });
  if (flags.help) {
    out.info(USAGE);
    return EXIT.OK;
  }
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const previewPort = port(flags.port as string | undefined, port(process.env.PORT, 6470, 'PORT'), '--port');
  const orgPort = port(flags['org-port'] as string | undefined, 6466, '--org-port');

  out.info('1/5 starting the local org');
  const org = await startLocalOrg({
    port: orgPort,
    dataDir: path.join(PROJECT_ROOT, '.localorg'),
    reset: Boolean(flags.reset)
  });
  const stopOrg = () => org.close();
  try {
    const env = { ...process.env, SF_ACCESS_TOKEN: org.accessToken };
    out.info(`    ${org.instanceUrl} (${elapsed()})`);

    out.info('2/5 migrating force-app into it');
    const migrated = await runMigrate({ argv: ['--instance-url', org.instanceUrl], env });
    if (migrated !== EXIT.OK) throw new Error(`migrate exited ${migrated}`);

    out.info(`3/5 seeding the demo plan (${elapsed()})`);
    const seeded = await runSeed({
      argv: ['--instance-url', org.instanceUrl, '--plan', path.join(PROJECT_ROOT, 'data', 'demo-plan.yaml')],
      env,
      cwd: PROJECT_ROOT
    });
    if (seeded !== EXIT.OK) throw new Error(`seed exited ${seeded}`);

    // The demo book's product usage for the eight weeks to last Sunday, as an export the usage load reads: the
    // panel's adoption and trend always show current weeks. Unchanged weeks write nothing on the next start.
    out.info(`    loading the demo book's product usage (${elapsed()})`);
    const usageDir = path.join(PROJECT_ROOT, '.localorg', 'usage');
    fs.mkdirSync(usageDir, { recursive: true });
    const exportFile = path.join(usageDir, 'demo-events.csv');
    writeSample(exportFile, lastSunday(new Date().toISOString().slice(0, 10)));
    const loaded = await runUsage({
      argv: ['--instance-url', org.instanceUrl, '--file', exportFile],
      env,
      cwd: PROJECT_ROOT,
      stdout: { write: () => true }
    });
    if (loaded !== EXIT.OK) throw new Error(`usage exited ${loaded}`);

    // The scoring run (after usage, which it reads) stores every account's health and the program snapshots the
    // workspace reads.
    out.info(`    scoring the book (${elapsed()})`);
    const scored = await runScore({ argv: ['--instance-url', org.instanceUrl], env, cwd: PROJECT_ROOT });
    if (scored !== EXIT.OK) throw new Error(`score exited ${scored}`);

    out.info(`4/5 building the preview (${elapsed()})`);
    run('typescript/bin/tsc', ['-p', 'preview/tsconfig.json']);
    const digest = previewInputsDigest();
    const digestFile = path.join(DIST_DIR, '.inputs-digest');
    if (
      fs.existsSync(digestFile) &&
      fs.readFileSync(digestFile, 'utf8') === digest &&
      fs.existsSync(path.join(DIST_DIR, 'main.js'))
    ) {
      out.info('    unchanged since the last build');
    } else {
      const built = await buildPreview();
      fs.writeFileSync(digestFile, digest);
      out.info(`    built in ${(built.milliseconds / 1000).toFixed(1)} s`);
    }

    out.info('5/5 serving the preview');
    const { connection } = await connect({ instanceUrl: org.instanceUrl, accessToken: org.accessToken });
    // The admin, an account manager and a viewer: the shell's "View as" switches between them.
    const users = await previewUsers(org);
    const server = await startPreviewServer({ port: previewPort, connection, users });
    out.info(`\nCustomer Success preview: ${server.url} (ready in ${elapsed()})`);
    out.info(`  charter workspace  ${server.url}#/workspace`);
    out.info(`  accounts           ${server.url}#/accounts`);
    out.info('Press Ctrl-C to stop.');

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    out.info('stopping');
    await server.close();
    await stopOrg();
    return EXIT.OK;
  } catch (error) {
    await stopOrg();
    throw error;
  }
}

if (require.main === module) {
  start(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      out.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(error instanceof UsageError ? EXIT.USAGE : EXIT.FAILED);
    }
  );
}
