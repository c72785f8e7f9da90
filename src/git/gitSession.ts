// One simple-git instance per read, bound to a deadline and the caller's AbortSignal, so every
// git process it starts is killed when either fires and the failure comes back typed.

import type { SimpleGit } from 'simple-git';
import { loadSimpleGit } from './simpleGitModule';
import { NoOutputFileError, collectOutput, followFile, startThroughFile, streamThroughFile, type FileOutput, type FileStreamCommand } from './fileStream';
import { GitAbortedError, GitNotFoundError, GitTimeoutError, NotAGitRepositoryError } from './gitErrors';
import type { StreamFlow } from './streamFlow';

export type { StreamFlow } from './streamFlow';

export interface GitSessionOptions {
  /** Deadline for everything done through the session. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The git executable; tests use a missing one to check GitNotFoundError. */
  readonly binary?: string;
  /**
   * stream() has git write to a private temporary file, read as it grows, instead of a pipe (see
   * fileStream.ts): for a thread that reads one long history and does nothing else.
   */
  readonly throughFile?: boolean;
  /**
   * A git another thread of this process already started for this session's reader (see
   * GitSession.startIntoFile): the stream() of the same arguments reads its file instead of
   * running git again. `exited` settles as that git's does, with the same typed failures.
   */
  readonly started?: StartedOutput;
}

/** A git started into a file elsewhere in this process, as a reader on another thread sees it. */
export interface StartedOutput {
  readonly args: readonly string[];
  readonly fd: number;
  readonly exited: Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * What a thread doing one long history read sets in its environment (the index builder's thread,
 * whose environment is its own). `git log` writes every commit on its own when its output is a
 * pipe: 50,000 commits were 50,000 writes of ~200 bytes, each a wake-up and a read on this side,
 * which cost the build more than a quarter of its CPU time. GIT_FLUSH=0 lets git fill its buffer
 * first (~2,500 writes of 4 KiB); the pages come out as before, a few milliseconds later.
 */
export const BUFFERED_OUTPUT_ENV: Readonly<Record<string, string>> = { GIT_FLUSH: '0' };

export interface GitSession {
  readonly dir: string;
  /** Runs `git <args>` and returns stdout; failures come back as typed errors where we know them. */
  run(args: readonly string[]): Promise<string>;
  /**
   * Runs `git <args>` and hands its stdout to `onBytes` as it arrives, for output to be parsed
   * while git is still writing; `flow` pauses the hand-over while the reader catches up (git waits
   * on a full pipe; through a file, see GitSessionOptions.throughFile, it writes on). The bytes are
   * git's, undecoded: a chunk may end inside a UTF-8 character. Resolves when git exits; fails
   * as run() does.
   */
  stream(args: readonly string[], onBytes: (bytes: Buffer, flow: StreamFlow) => void): Promise<void>;
  /**
   * Starts `git <args>` writing into a private file (see fileStream.ts), with its output buffered
   * (BUFFERED_OUTPUT_ENV), for a reader on another thread to follow (GitSessionOptions.started):
   * the read starts before that thread is ready. `exited` fails as run() does, typed; undefined
   * when no file can be made.
   */
  startIntoFile(args: readonly string[]): Promise<FileOutput | undefined>;
  /**
   * Runs `git <args>` at once, beside whatever the session already runs (not in simple-git's
   * queue), with its output buffered (BUFFERED_OUTPUT_ENV) and collected whole: for a short read
   * started early. `output` fails as run() does, typed; `stop()` ends git.
   */
  collect(args: readonly string[], options?: Pick<FileStreamCommand, 'quietExitIsOutput'>): { readonly output: Promise<Buffer>; readonly stop: () => void };
  /** Throws the typed error if the deadline passed or the caller aborted. Call between steps. */
  throwIfStopped(): void;
}

/** A session on `dir`; rejects, typed, when the deadline has passed or the caller has aborted already. */
export function openGitSession(dir: string, options: GitSessionOptions = {}): Promise<GitSession> {
  return Promise.resolve().then(() => gitSession(dir, options));
}

function gitSession(dir: string, options: GitSessionOptions): GitSession {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const binary = options.binary ?? 'git';

  const stopped = (cause?: unknown): Error | undefined => {
    if (options.signal?.aborted) return new GitAbortedError({ cause });
    if (deadline.aborted) return new GitTimeoutError(timeoutMs, { cause });
    return undefined;
  };
  const throwIfStopped = (): void => {
    const e = stopped();
    if (e) throw e;
  };

  throwIfStopped();
  // simple-git is loaded by the first command that goes through it, not before: the git processes
  // started without it (collect, startIntoFile) start at once, and a thread that only reads
  // what another started (the index builder's) never loads it.
  let simple: Promise<SimpleGit> | undefined;
  const simpleGitFor = (): Promise<SimpleGit> =>
    (simple ??= loadSimpleGit().then(({ GitConstructError, simpleGit }) => {
      try {
        // simple-git strips GIT_ variables from the environment it passes on unless they are named.
        return simpleGit({ baseDir: dir, binary, abort: signal, maxConcurrentProcesses: 2, trimmed: false, allowEnvironment: Object.keys(BUFFERED_OUTPUT_ENV) });
      } catch (err) {
        if (err instanceof GitConstructError) throw new NotAGitRepositoryError(dir, { cause: err });
        throw err;
      }
    }));

  // simple-git reports a missing binary as a generic error whose only clue is text; version()
  // checks for it structurally. It runs only once a command has failed: asking up front would add
  // a git process to every read, ahead of all the others.
  const notInstalled = async (): Promise<boolean> => {
    const git = await simpleGitFor().catch(() => undefined);
    return git !== undefined && !(await git.version().catch(() => ({ installed: true }))).installed;
  };

  const run = async (args: readonly string[]): Promise<string> => {
    throwIfStopped();
    const git = await simpleGitFor();
    try {
      return await git.raw([...args]);
    } catch (err) {
      const e = stopped(err);
      if (e) throw e;
      const { GitPluginError } = await loadSimpleGit();
      if (err instanceof GitPluginError && err.plugin === 'abort') throw new GitAbortedError({ cause: err });
      // An aborted probe also reads as "not installed"; report the abort, not a missing git.
      if (await notInstalled()) throw stopped(err) ?? new GitNotFoundError(binary);
      throw err;
    }
  };

  const streamViaPipe = async (args: readonly string[], onBytes: (bytes: Buffer, flow: StreamFlow) => void): Promise<void> => {
    const wanted = args.join('\0');
    const git = await simpleGitFor();
    // simple-git shows each process's streams to the output handler as it spawns it; only ours
    // is listened to, in case the session runs something else meanwhile.
    git.outputHandler((_command, stdout, _stderr, spawnedWith) => {
      if (!spawnedWith.join('\0').endsWith(wanted)) return;
      // simple-git also keeps every chunk to hand back one string at the end: for 50,000 commits
      // ~10 MB of chunks, then joined and decoded into copies of it, while we already parse it
      // here (the build's peak was ~45 MB higher). Its collector is attached before this handler
      // is called; detaching it makes run() resolve '' instead.
      // (Should a later simple-git attach it afterwards, nothing breaks: the output is just kept.)
      for (const listener of stdout.listeners('data')) stdout.removeListener('data', listener as (chunk: Buffer) => void);
      const flow: StreamFlow = { pause: () => void stdout.pause(), resume: () => void stdout.resume() };
      stdout.on('data', (chunk: Buffer) => onBytes(chunk, flow));
    });
    try {
      await run(args);
    } finally {
      git.outputHandler(ignoreOutput);
    }
  };

  /** A failure of a git run without simple-git, typed as run() types its failures. */
  const typedFailure = async (err: unknown): Promise<unknown> => {
    const e = stopped(err);
    if (e) return e;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && (await notInstalled())) return stopped(err) ?? new GitNotFoundError(binary);
    return err;
  };
  const fileCommand = (args: readonly string[], env: NodeJS.ProcessEnv) => ({ binary, dir, args, env: guardedEnvironment(env), signal });

  const streamViaFile = async (args: readonly string[], onBytes: (bytes: Buffer, flow: StreamFlow) => void): Promise<void> => {
    throwIfStopped();
    try {
      await streamThroughFile(fileCommand(args, process.env), onBytes);
    } catch (err) {
      // Without a writable temporary folder, the pipe does the same work.
      if (err instanceof NoOutputFileError) return streamViaPipe(args, onBytes);
      throw await typedFailure(err);
    }
  };

  const startIntoFile = async (args: readonly string[]): Promise<FileOutput | undefined> => {
    throwIfStopped();
    let output: FileOutput;
    try {
      output = await startThroughFile(fileCommand(args, { ...process.env, ...BUFFERED_OUTPUT_ENV }));
    } catch (err) {
      if (err instanceof NoOutputFileError) return undefined;
      throw err;
    }
    const exited = output.exited.catch(async (err: unknown) => {
      throw await typedFailure(err);
    });
    exited.catch(() => undefined);
    return { ...output, exited };
  };

  const collect = (args: readonly string[], more: Pick<FileStreamCommand, 'quietExitIsOutput'> = {}): { readonly output: Promise<Buffer>; readonly stop: () => void } => {
    const { output, stop } = collectOutput({ ...fileCommand(args, { ...process.env, ...BUFFERED_OUTPUT_ENV }), ...more });
    const typed = output.catch(async (err: unknown) => {
      throw await typedFailure(err);
    });
    return { output: typed, stop };
  };

  // The started git is read once, by the stream() that asks for what it runs.
  let started = options.started;
  const stream = (args: readonly string[], onBytes: (bytes: Buffer, flow: StreamFlow) => void): Promise<void> => {
    if (started && sameArguments(args, started.args)) {
      const { fd, exited } = started;
      started = undefined;
      return followFile(fd, exited, onBytes).then(() => exited);
    }
    return options.throughFile ? streamViaFile(args, onBytes) : streamViaPipe(args, onBytes);
  };

  return {
    dir,
    throwIfStopped,
    run,
    stream,
    startIntoFile,
    collect,
  };
}

const sameArguments = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((arg, i) => arg === b[i]);

const ignoreOutput = (): void => undefined;

/** Variables that could point git at another repository or configuration, or make it run a program. */
const GUARDED_NAMES = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

/**
 * The environment for a git process started without simple-git: `env` less what simple-git's
 * environment guard takes out of every other command of a session (GIT_* and the names above),
 * keeping what the session allows (BUFFERED_OUTPUT_ENV).
 */
export function guardedEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const allowed = new Set(Object.keys(BUFFERED_OUTPUT_ENV).map((name) => name.toLowerCase()));
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => {
      const key = name.toLowerCase().trim();
      return allowed.has(key) || !(key.startsWith('git_') || GUARDED_NAMES.has(key));
    }),
  );
}
