// runScore: the `cs score` command run in this process with its own argv, streams, clock and back-off (tests, the
// benchmark, `npm start`). Same flags, help, --json and exit codes as `npm run score`.
import type { InProcessRun } from '../lib/command.mjs';
import type { ScoreInjections } from '../commands/cs/score.mjs';

export type ScoreContext = InProcessRun<ScoreInjections>;

export async function runScore(context: ScoreContext): Promise<number> {
  // The command is ESM (the sf CLI's framework is), so it is imported, not required.
  const [{ runCommandWith }, { default: Score }] = await Promise.all([
    import('../lib/command.mjs'),
    import('../commands/cs/score.mjs')
  ]);
  return runCommandWith(Score, 'cs:score', context);
}
