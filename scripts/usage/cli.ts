// `npm run usage`: a thin wrapper over runUsage. Ctrl-C asks the run to stop after the request in flight, so the
// journal ends with every rollup's outcome and --resume can pick up from there.
import { runUsage } from './run';

const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nInterrupted: finishing the request in flight and writing the journal...\n');
  controller.abort();
});

runUsage({ argv: process.argv.slice(2), signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`usage failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
);
