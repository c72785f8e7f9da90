// A git command whose output goes to a private temporary file, read as it grows, rather than to a
// pipe: for the index builder's thread, which reads one long history and does nothing else.
//
// Through a pipe, every few KiB git writes wake the reader, and the system tends to run a thread
// woken that way on the core of the process that woke it. On a machine with another busy process,
// git and the reader then shared one core while the other process had the second to itself: with
// one core busy, the build took 1.8–1.9× as long as git alone. Through a file git never waits and
// wakes nobody; the reader takes what is there, 64 KiB at a time, and once it has caught up it
// looks again 50 ms later (or as soon as git exits), by which time git has written ~500 KiB more.
// Measured on the 50,000-commit bench history with one core busy, in interleaved runs: 1.66× the
// time of git alone against 1.90× through the pipe, and 6–20 % less CPU time, as the reader wakes
// a few dozen times instead of ~1,500.
// (git's own --output writes a file too, but flushes it after every commit: 50,000 writes.)
//
// git may be started on one thread and its file read on another (startThroughFile, followFile):
// the extension host starts the index builder's git, which then works while the builder's thread
// starts up.

import { spawn, type ChildProcess } from 'node:child_process';
import { read } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { StreamFlow } from './streamFlow';

/**
 * The most read at a time: ~330 commits of a typical history. The commits parsed from one read
 * wait while those before them are indexed; at 256 KiB (~1,300 commits) many outlived two
 * young-generation collections and were moved to the old one, to be collected by a full one: a
 * cold build of 50,000 commits peaked 6–15 MB higher and took 3–4 % more CPU time.
 */
const READ_BYTES = 64 * 1024;
/**
 * How long the reader waits, once it has caught up with git, before it looks again. Shorter waits
 * (5–15 ms) woke it more often and left more of the work for the end; it hardly matters on an
 * idle machine, where git's exit ends the wait at once.
 */
const CAUGHT_UP_WAIT_MS = 50;

/** What to run, and how to stop it (its deadline and the caller's AbortSignal together). */
export interface FileStreamCommand {
  readonly binary: string;
  readonly dir: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly signal: AbortSignal;
  /**
   * An exit other than 0 with nothing on stderr still gives the output: how git's `--quiet`
   * checks answer "no" (simple-git reads every command so).
   */
  readonly quietExitIsOutput?: boolean;
}

/** git exited with a failure: its status and what it said. */
export class GitExitError extends Error {
  constructor(
    readonly exitCode: number | null,
    stderr: string,
  ) {
    super(stderr.trim() || `git exited with code ${String(exitCode)}`);
    this.name = 'GitExitError';
  }
}

/** No private temporary file could be made (no writable temporary folder): the caller uses a pipe. */
export class NoOutputFileError extends Error {
  constructor(options?: ErrorOptions) {
    super('No temporary file could be made for git to write to.', options);
    this.name = 'NoOutputFileError';
  }
}

/**
 * git started with its stdout on a private file (startThroughFile), not yet read. The file's name
 * is already gone where the system allows, so the descriptor is the only way to it.
 */
export interface FileOutput {
  /** Open for reading from the start, on any thread of this process, until release(). */
  readonly fd: number;
  /** Settles once git has exited: resolves on success, rejects as streamThroughFile does. */
  readonly exited: Promise<void>;
  /** Once nothing reads the file any more: stops git if it still runs, waits for its end, and closes the file. */
  release(): Promise<void>;
}

/**
 * Runs the command with its stdout on a file in a new folder only this user can read, and hands
 * what git writes to `onBytes` as the file grows. Resolves once git has exited and everything it
 * wrote was handed over; rejects as git failed (spawn errors as Node gives them, an exit other
 * than 0, or a stop by the signal, as GitExitError), with NoOutputFileError before git runs when
 * no file can be made, or as `onBytes` threw (git is stopped then). The folder is gone by then.
 */
export async function streamThroughFile(command: FileStreamCommand, onBytes: (bytes: Buffer, flow: StreamFlow) => void): Promise<void> {
  const output = await startThroughFile(command);
  try {
    await followFile(output.fd, output.exited, onBytes);
    await output.exited;
  } finally {
    // After a reader that failed, git is not left writing for nobody.
    await output.release();
  }
}

/**
 * Starts the command writing into a new private file, for followFile to read, here or on another
 * thread (a descriptor is the process's, not a thread's). Fails with NoOutputFileError, before git
 * runs, when no file can be made.
 */
export async function startThroughFile(command: FileStreamCommand): Promise<FileOutput> {
  const { folder, writer, reader } = await outputFile();
  // Nothing else needs the name: where the system allows, it goes now, and the file with the last
  // handle on it, however this ends.
  await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  let git: RunningGit<void>;
  try {
    git = runGit(command, writer.fd, () => undefined);
  } finally {
    // git has its own copy of the descriptor now (or never will).
    void writer.close();
  }
  // A failure is for the reader to hear, through `exited`; until then it is not an unhandled one.
  git.done.catch(() => undefined);
  return {
    fd: reader.fd,
    exited: git.done,
    release: async () => {
      git.stop();
      await git.done.catch(() => undefined);
      await reader.close().catch(() => undefined);
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/**
 * Runs the command with its stdout on a pipe, collected whole: for a short output, where a file
 * would cost more to make than it saves. Fails as streamThroughFile does.
 */
export function collectOutput(command: FileStreamCommand): { readonly output: Promise<Buffer>; readonly stop: () => void } {
  const chunks: Buffer[] = [];
  const git = runGit(command, 'pipe', () => Buffer.concat(chunks), (child) => child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk)));
  return { output: git.done, stop: git.stop };
}

/** A new folder only this user can read, with a file in it open for git to write and for us to read. */
async function outputFile(): Promise<{ folder: string; writer: FileHandle; reader: FileHandle }> {
  let folder: string | undefined;
  let writer: FileHandle | undefined;
  try {
    folder = await mkdtemp(join(tmpdir(), 'lead-desk-git-output-'));
    const file = join(folder, 'output');
    writer = await open(file, 'wx', 0o600);
    return { folder, writer, reader: await open(file, 'r') };
  } catch (err) {
    await writer?.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw new NoOutputFileError({ cause: err });
  }
}

/** A git process: what it ends with, and how to stop it. */
interface RunningGit<T> {
  /** `result()` once git exited with 0; rejects as streamThroughFile does. */
  readonly done: Promise<T>;
  readonly stop: () => void;
}

/** Spawns git with its stdout on `stdout` (a descriptor, or a pipe `listen` reads) and its stderr kept for the error. */
function runGit<T>(command: FileStreamCommand, stdout: number | 'pipe', result: () => T, listen?: (child: ChildProcess) => void): RunningGit<T> {
  let child: ChildProcess | undefined;
  const done = new Promise<T>((resolve, reject) => {
    let stderr = '';
    child = spawn(command.binary, [...command.args], { cwd: command.dir, env: command.env, stdio: ['ignore', stdout, 'pipe'], signal: command.signal, windowsHide: true });
    listen?.(child);
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    // The signal's abort is told at once, while git's pipes are still open: a git that started
    // settles only once it has closed them, so nothing of it is left open when the caller hears.
    let failure: { error: Error } | undefined;
    child.on('error', (error) => {
      if (child?.pid === undefined) reject(error);
      else failure ??= { error };
    });
    // Stopped by the signal, git exits without a code; the caller tells why from the signal.
    child.on('close', (code) => {
      if (failure) reject(failure.error);
      else if (code === 0 || (command.quietExitIsOutput && code !== null && stderr.trim() === '')) resolve(result());
      else reject(new GitExitError(code, stderr));
    });
  });
  return { done, stop: () => void child?.kill() };
}

/**
 * Hands what the file at `fd` holds to `onBytes` until git is over (`exited` settled, either way:
 * the caller hears how from it) and all of it was read; rejects as `onBytes` or a read failed.
 * Whether git is over is looked at before each read: what a read after its exit finds is all
 * there will ever be.
 */
export async function followFile(fd: number, exited: Promise<void>, onBytes: (bytes: Buffer, flow: StreamFlow) => void): Promise<void> {
  let over = false;
  const settled = exited.then(
    () => void (over = true),
    () => void (over = true),
  );
  let resumed: (() => void) | undefined;
  let paused = false;
  const flow: StreamFlow = {
    pause: () => void (paused = true),
    resume: () => {
      paused = false;
      resumed?.();
    },
  };
  // A fresh buffer only once the last one was handed over (the reader may keep what it gets):
  // looking again and finding nothing costs no allocation.
  let bytes = Buffer.allocUnsafe(READ_BYTES);
  for (;;) {
    // While the reader is behind, git writes on: a file does not fill up.
    if (paused) await new Promise<void>((resolve) => (resumed = resolve));
    resumed = undefined;
    const last = over;
    const bytesRead = await readAt(fd, bytes);
    if (bytesRead > 0) {
      onBytes(bytes.subarray(0, bytesRead), flow);
      bytes = Buffer.allocUnsafe(READ_BYTES);
    } else if (last) return;
    else await Promise.race([delay(CAUGHT_UP_WAIT_MS), settled]);
  }
}

/** Reads on from where the last read of `fd` stopped. */
const readAt = (fd: number, into: Buffer): Promise<number> =>
  new Promise((resolve, reject) => read(fd, into, 0, into.length, null, (err, bytesRead) => (err ? reject(err) : resolve(bytesRead))));
