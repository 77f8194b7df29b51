// Sending the package and waiting for it. migrate polls checkDeployStatus itself, with back-off and its own time
// limit from --wait, instead of jsforce's poller (10 s default timeout). The sleep is injected so tests run at once.
import type { Connection } from 'jsforce';
import { noRetry, type Retrying } from '../seed/retry';
import type { SourceItem } from './source';

export interface Failure {
  componentType: string;
  fullName: string;
  /** The source file in force-app when the component maps back to one, else the package path the org named. */
  fileName: string;
  line?: number;
  column?: number;
  problem: string;
}

export interface DeployOutcome {
  id: string;
  status: string;
  success: boolean;
  done: boolean;
  checkOnly: boolean;
  componentsDeployed: number;
  componentsTotal: number;
  failures: Failure[];
  errorMessage?: string;
}

export interface PollOptions {
  /** Give up waiting (the deploy keeps running in the org) after this many milliseconds. */
  timeoutMs: number;
  sleep(ms: number): Promise<void>;
  now(): number;
  onProgress?(status: { deployed: number; total: number; errors: number; state: string }): void;
  /** First wait and ceiling of the back-off, in ms. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Retries of each status check on a transient failure (checkDeployStatus is a POST: jsforce never retries it). */
  retry?: Retrying;
}

export class DeployTimeout extends Error {
  constructor(
    readonly id: string,
    minutes: number
  ) {
    super(`deploy ${id} still running after ${minutes} minutes; pick it up with --resume ${id}`);
  }
}

function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

interface RawMessage {
  componentType?: string;
  fullName?: string;
  fileName?: string;
  lineNumber?: number | string;
  columnNumber?: number | string;
  problem?: string;
  problemType?: string;
}

/** Maps the package path the org reports (objects/Account.object) back to the source file for the component. */
export function sourceFileFor(items: SourceItem[], message: RawMessage): string {
  const match =
    items.find((i) => i.type === message.componentType && i.fullName === message.fullName) ??
    // A component failure reported on a package-level file: match on the name alone.
    items.find((i) => i.fullName === message.fullName);
  return match ? match.file : (message.fileName ?? '');
}

function toNumber(value: number | string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function outcomeOf(raw: Record<string, unknown>, items: SourceItem[]): DeployOutcome {
  const details = (raw.details ?? {}) as { componentFailures?: RawMessage | RawMessage[] };
  const failures = asArray(details.componentFailures).map((m) => ({
    componentType: m.componentType ?? '',
    fullName: m.fullName ?? '',
    fileName: sourceFileFor(items, m),
    line: toNumber(m.lineNumber),
    column: toNumber(m.columnNumber),
    problem: m.problem ?? 'no problem given'
  }));
  return {
    id: String(raw.id),
    status: String(raw.status ?? ''),
    success: raw.success === true || raw.success === 'true',
    done: raw.done === true || raw.done === 'true',
    checkOnly: raw.checkOnly === true || raw.checkOnly === 'true',
    componentsDeployed: Number(raw.numberComponentsDeployed ?? 0),
    componentsTotal: Number(raw.numberComponentsTotal ?? 0),
    failures,
    errorMessage: typeof raw.errorMessage === 'string' && raw.errorMessage ? raw.errorMessage : undefined
  };
}

/** Starts a deploy; returns its id at once. Always rollbackOnError: nothing is ever half-applied. */
export async function startDeploy(
  connection: Connection,
  zip: Buffer,
  options: { checkOnly: boolean; retry?: Retrying }
): Promise<string> {
  // Sent again only when the org refused it (a 503): after a broken connection a deploy may have started.
  const result = await (options.retry ?? noRetry)(
    options.checkOnly ? 'validate (check-only deploy)' : 'deploy',
    async () =>
      await connection.metadata.deploy(zip, {
        checkOnly: options.checkOnly,
        rollbackOnError: true,
        singlePackage: true,
        ignoreWarnings: false
      }),
    { idempotent: false }
  );
  const id = (result as { id?: string }).id;
  if (!id) throw new Error('the org accepted the deploy but returned no id');
  return id;
}

/**
 * Polls until the deploy is done, growing the wait up to a ceiling, within the caller's time limit. Our own loop,
 * not jsforce's poller (10 s default timeout) or source-deploy-retrieve's (it needs an sf CLI connection, and the
 * --instance-url path has a plain jsforce one): the back-off, --wait and the progress line are the run's.
 */
export async function waitForDeploy(
  connection: Connection,
  id: string,
  items: SourceItem[],
  options: PollOptions
): Promise<DeployOutcome> {
  const started = options.now();
  let delay = options.initialDelayMs ?? 1000;
  const ceiling = options.maxDelayMs ?? 15_000;
  for (;;) {
    const raw = (await (options.retry ?? noRetry)(`checkDeployStatus ${id}`, () =>
      connection.metadata.checkDeployStatus(id, true)
    )) as unknown as Record<string, unknown>;
    const outcome = outcomeOf(raw, items);
    options.onProgress?.({
      deployed: outcome.componentsDeployed,
      total: outcome.componentsTotal,
      errors: outcome.failures.length,
      state: outcome.status
    });
    if (outcome.done) return outcome;
    if (options.now() - started >= options.timeoutMs) throw new DeployTimeout(id, options.timeoutMs / 60_000);
    await options.sleep(Math.min(delay, Math.max(0, options.timeoutMs - (options.now() - started))));
    delay = Math.min(ceiling, Math.round(delay * 1.5));
  }
}

export function failureLines(outcome: DeployOutcome): string[] {
  const lines = outcome.failures.map((f) => {
    const where =
      f.line !== undefined ? `${f.fileName}:${f.line}${f.column !== undefined ? `:${f.column}` : ''}` : f.fileName;
    return `  ${where}: ${f.componentType} ${f.fullName}: ${f.problem}`;
  });
  if (outcome.errorMessage) lines.push(`  ${outcome.errorMessage}`);
  return lines;
}
