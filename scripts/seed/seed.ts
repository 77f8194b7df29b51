// runSeed: the `cs seed` command run in this process with its own argv, streams, clock and back-off (tests,
// `npm start`, the benchmark). Same flags, help, --json and exit codes as `npm run seed`.
import type { InProcessRun } from '../lib/command.mjs';
import type { SeedInjections } from '../commands/cs/seed.mjs';

export type SeedContext = InProcessRun<SeedInjections>;

export async function runSeed(context: SeedContext): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommandWith }, { default: Seed }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/seed.mjs')
  ]);
  return runCommandWith(Seed, 'cs:seed', context);
}
