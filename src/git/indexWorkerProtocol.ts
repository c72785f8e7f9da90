// What the index-building worker tells the extension host. The worker reads git and folds the
// whole history; the host receives progress (and the pages, if its caller watches them), then the
// finished index packed into one moved buffer, which it restores a row at a time.

import type { IndexSettings } from '../core/delegation/expertiseIndex';
import type { IndexTransfer } from '../core/delegation/indexTransfer';
import type { CommitRecord } from '../core/delegation/types';
import { GitAbortedError, GitNotFoundError, GitTimeoutError, NotAGitRepositoryError, UnknownRevisionError } from './gitErrors';
import type { RepositoryInfo } from './repository';

/** Marks a worker started to build an index, so its bundle serves builds only in such a worker. */
export const INDEX_WORKER_FLAG = 'leadDeskIndexBuilder';

/**
 * The build's git writes into a file where that was measured to help (see fileStream.ts); on
 * Windows, where a new file in the temporary folder may first be scanned by antivirus software,
 * it writes into a pipe.
 */
export const COLD_BUILD_THROUGH_FILE = process.platform !== 'win32';

/** Everything a cold build needs, as plain data (a worker gets a copy, not functions). */
export interface ColdBuildRequest {
  readonly dir: string;
  readonly info: RepositoryInfo;
  readonly repo: string;
  readonly settings: IndexSettings;
  readonly sinceDays?: number;
  readonly maxCommits?: number;
  readonly timeoutMs?: number;
  readonly binary?: string;
  readonly pageSize?: number;
  /** The clock reading the history window is measured from. */
  readonly nowMs: number;
  /** Send every page read: the caller watches them (progress, facts the index does not keep). */
  readonly sendPages: boolean;
  /** Send the count of commits read after every page. */
  readonly sendProgress: boolean;
  /**
   * The `git log` the host already started into a file (GitSession.startIntoFile), to be read
   * from this descriptor; the host says when it has exited (HostMessage). Absent: the worker runs it.
   */
  readonly log?: { readonly args: readonly string[]; readonly fd: number };
}

/** What the host tells the worker: the git it started for the worker has exited, and how. */
export interface HostMessage {
  readonly kind: 'logEnded';
  readonly error?: SentError;
}

export type WorkerMessage =
  | { readonly kind: 'page'; readonly commits: CommitRecord[] }
  | { readonly kind: 'progress'; readonly commitsRead: number }
  | {
      readonly kind: 'built';
      readonly index: IndexTransfer;
      readonly commitsRead: number;
      readonly truncated: boolean;
      /** Email → sha pairs (RefreshResult.latestShaByEmail). */
      readonly latest: Array<[string, string]>;
    }
  | { readonly kind: 'failed'; readonly error: SentError };

/** A failure as it crosses threads: its class by name and the fields that class is made from. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly path?: string;
  readonly binary?: string;
  readonly timeoutMs?: number;
  readonly revision?: string;
}

export function sendableError(err: unknown): SentError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const fields = err as Partial<Record<'path' | 'binary' | 'revision', unknown>> & { timeoutMs?: unknown };
  return {
    name: err.name,
    message: err.message,
    ...(typeof fields.path === 'string' ? { path: fields.path } : {}),
    ...(typeof fields.binary === 'string' ? { binary: fields.binary } : {}),
    ...(typeof fields.timeoutMs === 'number' ? { timeoutMs: fields.timeoutMs } : {}),
    ...(typeof fields.revision === 'string' ? { revision: fields.revision } : {}),
  };
}

/** The typed error a caller branches on, as if the build had failed on its own thread. */
export function receivedError(sent: SentError): Error {
  switch (sent.name) {
    case 'NotAGitRepositoryError':
      return new NotAGitRepositoryError(sent.path ?? '');
    case 'GitNotFoundError':
      return new GitNotFoundError(sent.binary ?? 'git');
    case 'GitTimeoutError':
      return new GitTimeoutError(sent.timeoutMs ?? 0);
    case 'GitAbortedError':
      return new GitAbortedError();
    case 'UnknownRevisionError':
      return new UnknownRevisionError(sent.revision ?? '');
    default:
      return new Error(sent.message);
  }
}
