// runMigrate: the `cs migrate` command run in this process with its own argv, streams and injected steps (tests
// point it at a copied project; `npm start` and the preview's contract test run it against the local org). Same
// flags, help, --json and exit codes as `npm run migrate`.
import type { MigrateEnvironment } from './run';

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface MigrateOptions extends Pick<MigrateEnvironment, 'poll' | 'dataMigrations' | 'build' | 'clock'> {
  projectRoot?: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: Writable;
  stderr?: Writable;
}

export async function runMigrate(options: MigrateOptions): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommand }, { default: Migrate }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/migrate.mjs')
  ]);
  const { argv, env, stdout, stderr, ...injections } = options;
  return runCommand(Migrate, 'cs:migrate', argv, { env, stdout, stderr }, injections);
}
