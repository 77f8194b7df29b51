// runUsage: the `cs usage` command run in this process with its own argv, streams, clock and back-off (tests, the
// benchmark). Same flags, help, --json and exit codes as `npm run usage`.
import type { InProcessRun } from '../lib/command.mjs';
import type { UsageInjections } from '../commands/cs/usage.mjs';

export type UsageContext = InProcessRun<UsageInjections>;

export async function runUsage(context: UsageContext): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommandWith }, { default: Usage }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/usage.mjs')
  ]);
  return runCommandWith(Usage, 'cs:usage', context);
}
