// `npm run seed`: a thin wrapper over runSeed. Ctrl-C stops the run at once (a request in flight is journaled as
// unsent), so the journal ends with every key's outcome and --resume can pick up from there; a second Ctrl-C kills it.
import { runSeed } from './seed';

const controller = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nInterrupted: writing the journal...\n');
  controller.abort();
});

runSeed({ argv: process.argv.slice(2), signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
    // A request abandoned at Ctrl-C may still hold a socket open: the run is over, so is the process.
    if (controller.signal.aborted) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
);
