// Where migrate writes. Every line goes through `redact` (scripts/lib/cli.ts), so a token registered by the
// connection module can never reach a terminal or a CI log, whichever stream the caller hands in.
import { redact } from '../lib/cli';

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export class Printer {
  private progressShown = false;

  constructor(
    private readonly stdout: Writable,
    private readonly stderr: Writable,
    /** With --json only the final document goes to stdout; human lines go to stderr. */
    private readonly json: boolean
  ) {}

  info(message: string): void {
    this.endProgress();
    (this.json ? this.stderr : this.stdout).write(`${redact(message)}\n`);
  }

  error(message: string): void {
    this.endProgress();
    this.stderr.write(`${redact(message)}\n`);
  }

  document(value: unknown): void {
    this.endProgress();
    this.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
  }

  /** One updating line on a terminal; nothing elsewhere, so CI logs are not flooded with carriage returns. */
  progress(message: string): void {
    const stream = this.json ? this.stderr : this.stdout;
    if (!stream.isTTY) return;
    stream.write(`\r\u001b[2K${redact(message)}`);
    this.progressShown = true;
  }

  private endProgress(): void {
    if (!this.progressShown) return;
    (this.json ? this.stderr : this.stdout).write('\n');
    this.progressShown = false;
  }
}
