// The journal: one JSON line per event, appended and fsync'd after every API answer, so a crash, Ctrl-C or a
// stop at the API limit leaves a file that --resume can trust. It never holds a token: only keys, outcomes and
// the platform's error messages, redacted like every other output.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { redact } from '../lib/cli';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'unsent';

export interface RunHeader {
  t: 'run';
  version: 1;
  started: string;
  /** The day relative dates were resolved against; a resume resolves them the same way. */
  today: string;
  plan?: string;
  generate?: string;
  planHash: string;
  /** The org written to (its 18-character Id): --resume refuses any other org, or this one after a reset. */
  orgId?: string;
}

export interface OutcomeLine {
  t: 'out';
  o: string;
  k: string;
  s: Outcome;
  code?: string;
  msg?: string;
  fields?: string[];
}

export class Journal {
  private readonly fd: number;

  constructor(readonly file: string) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a', 0o600);
  }

  append(lines: object[]): void {
    if (!lines.length) return;
    writeSync(this.fd, redact(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
    fsyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export interface JournalState {
  header: RunHeader;
  /** The last outcome of each "object\0key". */
  outcomes: Map<string, OutcomeLine>;
}

export const outcomeId = (object: string, key: string): string => `${object}\u0000${key}`;

/** Reads a journal; a torn last line (the process died mid-write) is ignored, any other bad line is an error. */
export function readJournal(file: string): JournalState {
  if (!existsSync(file)) throw new Error(`${file}: no such journal`);
  const lines = readFileSync(file, 'utf8').split('\n');
  let header: RunHeader | undefined;
  const outcomes = new Map<string, OutcomeLine>();
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    let entry: { t?: string };
    try {
      entry = JSON.parse(line) as { t?: string };
    } catch {
      if (index >= lines.length - 2) return;
      throw new Error(`${file}:${index + 1}: not a journal line`);
    }
    if (entry.t === 'run' && !header) header = entry as RunHeader;
    if (entry.t === 'out') {
      const out = entry as OutcomeLine;
      outcomes.set(outcomeId(out.o, out.k), out);
    }
  });
  if (!header) throw new Error(`${file}: not a seed journal (no run header)`);
  return { header, outcomes };
}

export const SUCCESS: ReadonlySet<Outcome> = new Set(['created', 'updated', 'unchanged']);
