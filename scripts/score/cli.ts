// `npm run score`: a thin wrapper over runScore. Ctrl-C asks the run to stop after the request in flight, so the
// journal ends with every confirmed range and --resume can pick up from there.
import { runScore } from './run';

const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nInterrupted: finishing the request in flight and writing the journal...\n');
  controller.abort();
});

runScore({ argv: process.argv.slice(2), signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`score failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
);
