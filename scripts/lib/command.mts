// The one base for the product's commands (`npm run seed`, `sf cs seed`, ...), on the sf CLI's own framework:
// @salesforce/sf-plugins-core's SfCommand over oclif. A command declares its flags once; oclif parses them, writes
// --help from them and adds --json. This base adds what every command here shares: the org flags (--target-org as
// the sf CLI's, --instance-url with SF_ACCESS_TOKEN for CI and the local org, --api-version), the project's exit
// codes, output that never carries a token, and a way to run a command in-process with its own streams (tests,
// `npm start`). This module is ESM (.mts) because sf-plugins-core is ESM with top-level await in its graph.
import path from 'node:path';
import { Config, Errors, type Command, type Interfaces } from '@oclif/core';
import { Flags, SfCommand, toHelpSection } from '@salesforce/sf-plugins-core';
import { SfError, type Org } from '@salesforce/core';
import { ConnectionError, EXIT, UsageError, redact } from './cli';
import { connect, connectionOptionsFrom, type OrgConnection } from './connection';
import CsHelp from './help.mjs';
import { PROJECT_ROOT, pinnedApiVersion } from './paths';
import type { RetryPolicy } from '../seed/retry';
import { INTERRUPTED_EXIT, type RunEnvironment, type RunOutput } from './run';

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Where a command reads and writes. The CLI gets the process's own; tests and `npm start` hand in theirs. */
export interface CommandIo {
  stdout: Stream;
  stderr: Stream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted when the user asks the run to stop (Ctrl-C): long commands finish the request in flight. */
  signal?: AbortSignal;
}

/** What every command returns: its report, printed as the --json document, with the exit code. */
export interface CommandResult {
  exitCode: number;
}

/** The project's exit codes (EXIT in cli.ts), as every command's help lists them. */
export const EXIT_CODE_MEANINGS: Record<string, string> = {
  [EXIT.OK]: 'Done, or nothing to do.',
  [EXIT.FAILED]: 'The work failed (a deploy failed, records failed or were not sent).',
  [EXIT.USAGE]: 'Bad usage or bad input: nothing was sent.',
  [EXIT.CONNECTION]: 'Connection, authentication or API limit.'
};

const CONNECTION_ENV_HELP = toHelpSection('ENVIRONMENT VARIABLES', {
  SF_ACCESS_TOKEN: 'Access token used with --instance-url (never printed or stored).',
  SF_INSTANCE_URL: 'Org URL used when neither --target-org nor --instance-url is given.'
});

/** The org flags, declared once for every command that talks to an org. */
export const orgFlags = {
  'target-org': Flags.optionalOrg({
    summary: 'Username or alias of the target org (from the sf CLI auth store).',
    description: 'Without it, --instance-url (or SF_INSTANCE_URL) with SF_ACCESS_TOKEN, then the sf CLI default org.',
    exclusive: ['instance-url']
  }),
  'instance-url': Flags.string({
    summary: 'URL of the org; the access token comes from SF_ACCESS_TOKEN (CI, the local org).',
    exclusive: ['target-org']
  }),
  'api-version': Flags.orgApiVersion({
    summary: 'API version for every request (default: sourceApiVersion in sfdx-project.json).',
    description: 'The project pins one API version; override it only to try a newer one.'
  })
};

/**
 * The exit codes of a journaled org run (seed, usage, score): the project's, then 130 for Ctrl-C saying what its
 * journal holds (`every key`), with any code's meaning overridden by `meanings`.
 */
export function runExitCodes(
  journalHolds: string,
  meanings: Record<string, string> = {}
): ReturnType<typeof toHelpSection> {
  return toHelpSection('EXIT CODES', {
    ...EXIT_CODE_MEANINGS,
    ...meanings,
    [INTERRUPTED_EXIT]: `Interrupted (Ctrl-C): the journal holds ${journalHolds}; --resume picks up from there.`
  });
}

/** The flags of a journaled org run: where its journal goes (under `folder` by default) and its API-call budget. */
export function runFlags(folder: string) {
  return {
    journal: Flags.string({ summary: `Where to write the journal (default ${folder}/journal-<time>.jsonl).` }),
    'max-api-calls': Flags.integer({ summary: 'Stop cleanly before making more than this many API calls.', min: 1 })
  };
}

/** What tests and the benchmark inject into every org run: its clock and its back-off. */
export interface RunInjections {
  now: () => Date;
  retry: Partial<RetryPolicy>;
}

interface OrgFlagValues {
  'target-org'?: Org;
  'instance-url'?: string;
  'api-version'?: string;
}

/** Signals SfCommand would answer by exiting at once; our commands stop after the request in flight instead. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGBREAK', 'SIGHUP'] as const;

export abstract class CsCommand<R extends CommandResult, C extends object = object> extends SfCommand<R> {
  public static override readonly errorCodes = toHelpSection('EXIT CODES', EXIT_CODE_MEANINGS);
  public static override readonly envVariablesSection = CONNECTION_ENV_HELP;

  /** Set by runCommand for an in-process run; the CLI writes to the process's own streams. */
  public io: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
  /** What tests inject beyond streams (clocks, back-off, build steps); empty on the command line. */
  public context: Partial<C> = {};
  /** The exit code of the last run, for in-process callers; the CLI gets it as process.exitCode. */
  public exitCode: number = EXIT.OK;
  /** Set by a command whose run was cut short while requests may still hold sockets: exit once the report is out. */
  protected exitWhenDone = false;
  private inProcess = false;
  private readonly signalListeners = new Map<string, Set<(...args: unknown[]) => void>>();

  public constructor(argv: string[], config: Config) {
    super(argv, config);
    for (const signal of STOP_SIGNALS) {
      this.signalListeners.set(signal, new Set(process.listeners(signal) as Array<(...args: unknown[]) => void>));
    }
  }

  public override async init(): Promise<void> {
    // SfCommand's _run has just added listeners that exit 130 on the first Ctrl-C, mid-request; take them off again
    // so a command can finish the request in flight and write its journal (each command decides how it stops).
    for (const signal of STOP_SIGNALS) {
      const before = this.signalListeners.get(signal) ?? new Set();
      for (const listener of process.listeners(signal)) {
        if (!before.has(listener as (...args: unknown[]) => void)) process.removeListener(signal, listener);
      }
    }
    await super.init();
  }

  /** A human line on stdout; with --json only the document goes to stdout, so it is left out. */
  public override log(message = ''): void {
    if (!this.jsonEnabled()) this.io.stdout.write(`${redact(message)}\n`);
  }

  /** A line on stderr, --json or not: problems and progress notes are for the person watching. */
  public override logToStderr(message = ''): void {
    this.io.stderr.write(`${redact(message)}\n`);
  }

  public override logJson(json: unknown): void {
    this.io.stdout.write(`${redact(JSON.stringify(json, null, 2))}\n`);
  }

  /** The --json document is the command's report itself (it carries exitCode), as the scripts always printed. */
  protected override toSuccessJson(result: R): SfCommand.Json<R> {
    return result as unknown as SfCommand.Json<R>;
  }

  /** Whether progress may draw on the terminal: a TTY, no --json, not captured by a caller. */
  protected get interactive(): boolean {
    return !this.inProcess && this.io.stderr.isTTY === true && !this.jsonEnabled();
  }

  /**
   * Runs `work` with the signal Ctrl-C aborts (an in-process caller's own signal instead): the run stops after the
   * request in flight, with `note` on stderr. A request abandoned at Ctrl-C may still hold a socket open: once the
   * report is out, so is the process.
   */
  protected async interruptible<T>(note: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const interrupt = new AbortController();
    const onSigint = (): void => {
      this.logToStderr(`\nInterrupted: ${note}`);
      interrupt.abort();
    };
    if (!this.io.signal) process.once('SIGINT', onSigint);
    try {
      const result = await work(this.io.signal ?? interrupt.signal);
      if (interrupt.signal.aborted) this.exitWhenDone = true;
      return result;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  }

  /**
   * What every org run gets from its command: the working directory, the clock and retries tests inject, Ctrl-C's
   * signal, the connection from the org flags (checked when the run connects) and the output (see runOutput).
   */
  protected runEnvironment(flags: OrgFlagValues, signal: AbortSignal, title: string, unit: string): RunEnvironment {
    const context = this.context as Partial<RunInjections>;
    return {
      cwd: this.io.cwd,
      now: context.now ?? (() => new Date()),
      retry: context.retry,
      signal,
      connect: () => this.orgConnector(flags)(),
      output: this.runOutput(title, unit)
    };
  }

  /**
   * A run's output through the framework: human lines on stdout (not under --json), notes on stderr, and on a
   * terminal the framework's progress bar, `title | bar | done/total <unit>, <calls> API calls`.
   */
  private runOutput(title: string, unit: string): RunOutput {
    return {
      say: (text) => this.log(text),
      warn: (text) => this.logToStderr(text),
      progress: this.interactive
        ? {
            start: (total) =>
              this.progress.start(
                total,
                { calls: 0 },
                { title, format: `%s | {bar} | {value}/{total} ${unit}, {calls} API calls` }
              ),
            update: (done, calls) => this.progress.update(done, { calls }),
            stop: () => this.progress.finish()
          }
        : undefined
    };
  }

  /**
   * Checks the org flags now (no org, or --instance-url without SF_ACCESS_TOKEN, is a usage error before anything is
   * sent) and returns how to connect, through the one connection module.
   */
  protected orgConnector(flags: OrgFlagValues): () => Promise<OrgConnection> {
    const apiVersion = flags['api-version'] ?? pinnedApiVersion();
    const org = flags['target-org'];
    if (org) return () => connect({ org, apiVersion });
    const options = connectionOptionsFrom({ 'instance-url': flags['instance-url'] }, this.io.env);
    return () => connect({ ...options, accessToken: this.io.env.SF_ACCESS_TOKEN, apiVersion });
  }

  public override async _run<T>(): Promise<T> {
    const result = await super._run<T>();
    const code = (result as CommandResult | undefined)?.exitCode;
    if (typeof code === 'number') this.finish(code);
    if (this.exitWhenDone && !this.inProcess) process.exit(this.exitCode);
    return result;
  }

  /** Parse errors, --help, usage and connection errors become the project's exit codes, printed once. */
  protected override async catch(error: Error): Promise<never> {
    const code = exitCodeOf(error);
    if (!(error instanceof Errors.ExitError)) {
      if (this.jsonEnabled()) {
        this.logJson({ exitCode: code, ok: false, error: { name: error.name, message: error.message } });
      } else {
        this.logToStderr(`${commandName(this.id)}: ${error.message}`);
      }
    }
    this.finish(code);
    // oclif wants catch() to end the run; an in-process caller reads exitCode instead of a thrown error.
    return undefined as never;
  }

  private finish(code: number): void {
    this.exitCode = code;
    if (!this.inProcess) process.exitCode = code;
  }

  /** Marks this instance as run by runCommand: no process-wide exit code, no terminal drawing. */
  public runInProcess(io: CommandIo, context: Partial<C>): void {
    this.inProcess = true;
    this.io = io;
    this.context = context;
  }
}

/** oclif parse errors and --help exits carry their code; our own errors carry theirs; an unknown org is auth (3). */
export function exitCodeOf(error: unknown): number {
  if (error instanceof Errors.ExitError) return error.oclif.exit ?? EXIT.OK;
  if (error instanceof UsageError) return EXIT.USAGE;
  if (error instanceof ConnectionError) return EXIT.CONNECTION;
  if (error instanceof Errors.CLIError) return EXIT.USAGE;
  if (error instanceof SfError || (error as { name?: string }).name?.endsWith('Error')) {
    const name = (error as { name?: string }).name ?? '';
    if (/NoAuthInfoFound|NamedOrgNotFound|AuthInfo|NoDefaultEnv|OrgNotFound|INVALID_SESSION/i.test(name)) {
      return EXIT.CONNECTION;
    }
    if (/InvalidApiVersion|RetiredApiVersion/.test(name)) return EXIT.USAGE;
  }
  return EXIT.FAILED;
}

/** `cs:org:local` -> `org:local`: the name a command goes by in messages (and its npm script). */
function commandName(id: string | undefined): string {
  return (id ?? '').replace(/^cs:/, '');
}

let config: Promise<Config> | undefined;

/**
 * The oclif configuration the commands run under, from package.json, with command discovery pointed at the
 * TypeScript sources (package.json's `oclif.commands` names the built bundle that a linked sf CLI loads).
 */
export function cliConfig(): Promise<Config> {
  config ??= (async () => {
    const { readFile } = await import('node:fs/promises');
    const pjson = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Interfaces.PJSON;
    pjson.oclif = { ...pjson.oclif, commands: './scripts/commands', helpClass: './scripts/lib/help.mts' };
    return Config.load({ root: PROJECT_ROOT, pjson });
  })();
  return config;
}

type CsCommandClass<C extends object> = (new (argv: string[], config: Config) => CsCommand<CommandResult, C>) &
  Pick<typeof Command, 'id'>;

/**
 * Runs a command in this process with its own streams, as the CLI would run it: the same flag parsing, help, --json
 * and exit codes. Returns the exit code.
 */
export async function runCommand<C extends object>(
  Cmd: CsCommandClass<C>,
  id: string,
  argv: string[],
  io: Partial<CommandIo>,
  context: Partial<C> = {}
): Promise<number> {
  const cfg = await cliConfig();
  const streams: CommandIo = {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    signal: io.signal
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    const command = cfg.findCommand(id);
    if (!command) throw new Error(`command ${id} is not in the oclif configuration`);
    await new CapturedHelp(cfg, streams.stdout).showCommandHelp(command);
    return EXIT.OK;
  }
  const cmd = new Cmd(argv, cfg);
  cmd.id = id;
  cmd.runInProcess(streams, context);
  await cmd._run();
  return cmd.exitCode;
}

/** A command run in this process (tests, `npm start`, the benchmark): its argv, its own io, and what tests inject. */
export type InProcessRun<C extends object> = { argv: string[] } & Partial<CommandIo> & Partial<C>;

/** runCommand from one object: the streams, environment, working directory and signal are the io, the rest injected. */
export function runCommandWith<C extends object>(
  Cmd: CsCommandClass<C>,
  id: string,
  run: InProcessRun<C>
): Promise<number> {
  const { argv, stdout, stderr, env, cwd, signal, ...injections } = run;
  return runCommand(Cmd, id, argv, { stdout, stderr, env, cwd, signal }, injections as Partial<C>);
}

/** The commands' help, written to a caller's stream instead of the process's stdout. */
class CapturedHelp extends CsHelp {
  public constructor(
    cfg: Config,
    private readonly out: Stream
  ) {
    super(cfg);
  }

  protected override log(...args: string[]): void {
    this.out.write(`${args.join('\n')}\n`);
  }
}
