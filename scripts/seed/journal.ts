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

/** A run's start time (ISO) as it appears in the names of the files it writes: no colons or dots. */
export const fileStamp = (started: string): string => started.replace(/[:.]/g, '-');

/**
 * Where a run's journal is, under `cwd`: the one it resumes, else the --journal given, else
 * `<folder>/journal-<start time>.jsonl`.
 */
export function journalPath(
  cwd: string,
  folder: string,
  started: string,
  flags: { resume?: string; journal?: string }
): string {
  if (flags.resume) return path.resolve(cwd, flags.resume);
  return path.resolve(cwd, flags.journal ?? path.join(folder, `journal-${fileStamp(started)}.jsonl`));
}

export const outcomeId = (object: string, key: string): string => `${object}\u0000${key}`;

/**
 * A journal's entries (seed, usage or score) in file order. A torn last line is a write the process did not finish
 * and is skipped; any other line that is not JSON means the file is not a journal: `notALine(its line number)` is
 * thrown.
 */
export function* journalEntries(text: string, notALine: (line: number) => Error): Generator<{ t?: string }> {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    let entry: { t?: string };
    try {
      entry = JSON.parse(line) as { t?: string };
    } catch {
      if (index >= lines.length - 2) continue;
      throw notALine(index + 1);
    }
    yield entry;
  }
}

/** Reads a journal; a torn last line (the process died mid-write) is ignored, any other bad line is an error. */
export function readJournal(file: string): JournalState {
  if (!existsSync(file)) throw new Error(`${file}: no such journal`);
  let header: RunHeader | undefined;
  const outcomes = new Map<string, OutcomeLine>();
  for (const entry of journalEntries(
    readFileSync(file, 'utf8'),
    (n) => new Error(`${file}:${n}: not a journal line`)
  )) {
    if (entry.t === 'run' && !header) header = entry as RunHeader;
    if (entry.t === 'out') {
      const out = entry as OutcomeLine;
      outcomes.set(outcomeId(out.o, out.k), out);
    }
  }
  if (!header) throw new Error(`${file}: not a seed journal (no run header)`);
  return { header, outcomes };
}

export const SUCCESS: ReadonlySet<Outcome> = new Set(['created', 'updated', 'unchanged']);
