// What every CS ops script shares: exit codes, argument parsing that names the bad flag,
// and output that never carries a token.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes, the same for migrate and seed. */
export const EXIT = {
  /** done, or nothing to do */
  OK: 0,
  /** the work failed (a deploy failed, records failed) */
  FAILED: 1,
  /** bad usage or bad input: nothing was sent */
  USAGE: 2,
  /** connection, authentication or API limit error */
  CONNECTION: 3
} as const;

export class UsageError extends Error {
  readonly exitCode = EXIT.USAGE;
}

export class ConnectionError extends Error {
  readonly exitCode = EXIT.CONNECTION;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly: an unknown flag or a missing value is a UsageError naming it. */
export function parseFlags<T extends Options>(argv: string[], options: T) {
  try {
    return { ...parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const secrets = new Set<string>();

/** Registers a value (an access token) that must never appear in output. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) secrets.add(value);
}

/** Replaces every registered secret, and anything shaped like a session id, with a mask. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  // Salesforce session ids: 00D + 12-15 chars + '!' + long tail.
  return out.replace(/00D\w{12,15}![\w.]{20,}/g, '[redacted]').replace(/(Bearer\s+)[\w.!-]{16,}/gi, '$1[redacted]');
}

/** Writers that redact: scripts print through these only. */
export const out = {
  info(message: string): void {
    process.stdout.write(`${redact(message)}\n`);
  },
  error(message: string): void {
    process.stderr.write(`${redact(message)}\n`);
  },
  json(value: unknown): void {
    process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
  }
};
