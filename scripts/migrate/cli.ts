// runMigrate: the `cs migrate` command run in this process with its own argv, streams and injected steps (tests
// point it at a copied project; `npm start` and the preview's contract test run it against the local org). Same
// flags, help, --json and exit codes as `npm run migrate`.
import type { InProcessRun } from '../lib/command.mjs';
import type { MigrateInjections } from '../commands/cs/migrate.mjs';

export type MigrateOptions = InProcessRun<MigrateInjections>;

export async function runMigrate(options: MigrateOptions): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommandWith }, { default: Migrate }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/migrate.mjs')
  ]);
  return runCommandWith(Migrate, 'cs:migrate', options);
}
