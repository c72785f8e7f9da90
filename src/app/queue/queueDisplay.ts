// What the Review Queue shows for a refresh state: the groups, the badge, the line under the title
// and the message over the tree. Plain data, so the words are tested without an editor; the
// VS Code feature only copies them onto the view.
import { translated } from '../../core/inertText';
import { format } from 'date-fns';
import { buildQueueView, type QueueView } from '../../core/queue/grouping';
import type { QueueLocalState } from '../../core/queue/localState';
import type { QueueSettings } from '../../core/queue/queueSettings';
import { describeQueueStatus, formatRetryTime } from '../../core/queue/queueStatus';
import type { QueueSnapshot } from '../../core/queue/queueTypes';
import type { RefreshFailure, RefreshFailureKind, RefreshState } from '../../core/queue/refreshScheduler';

/** The groups to show for a snapshot, the settings, the lead's pins and snoozes, at `now`. */
export function queueViewOf(snapshot: QueueSnapshot, settings: QueueSettings, local: QueueLocalState, now: Date): QueueView {
  return buildQueueView(snapshot, {
    now,
    workingTime: settings.workingTime,
    staleBusinessHours: settings.staleBusinessHours,
    includeDrafts: settings.includeDrafts,
    local,
    customSections: settings.customSections,
    staleConfigured: snapshot.searches.some((x) => x.role === 'stale'),
  });
}

export interface QueueDisplay {
  readonly badge?: { readonly value: number; readonly tooltip: string };
  /** The line under the view title: "updated 3 min ago · offline, retrying at 10:42". */
  readonly description?: string;
  /** Shown over the tree: what went wrong and what is on screen meanwhile, or that the first load runs. */
  readonly message?: string;
}

export function describeQueueDisplay(state: RefreshState<QueueSnapshot>, view: QueueView | undefined, now: number): QueueDisplay {
  const count = view?.needsReviewCount ?? 0;
  const badge = count > 0 ? { value: count, tooltip: count === 1 ? translated`1 pull request needs your review` : translated`${count} pull requests need your review` } : undefined;
  const description = describeQueueStatus(state, now) || undefined;
  return { badge, description, message: queueMessage(state, now) };
}

function queueMessage(state: RefreshState<QueueSnapshot>, now: number): string | undefined {
  const failure = state.failure;
  // Signed out, the view's welcome content offers the sign-in; a message would hide it.
  if (failure && failure.kind !== 'signedOut') {
    const shown = state.updatedAt !== undefined ? translated` Showing what was fetched at ${format(state.updatedAt, 'HH:mm')}.` : '';
    const retry = state.nextAttemptAt !== undefined ? translated` Retrying at ${formatRetryTime(state.nextAttemptAt, now)}.` : '';
    return `${failure.message}${shown}${retry}`;
  }
  if (state.loading && !state.data) return translated`Loading your review queue…`;
  return undefined;
}

/**
 * Whether the failure deserves a notification with Sign In: only when the user must act and
 * waiting cannot help. Everything else is said in the view, and retried.
 */
export function needsSignInPrompt(failure: RefreshFailure): boolean {
  return promptsSignIn(failure.kind);
}

function promptsSignIn(kind: RefreshFailureKind): boolean {
  switch (kind) {
    case 'unauthorized':
    case 'missingScope':
      return true;
    // The welcome view already offers the sign-in.
    case 'signedOut':
    case 'rateLimited':
    case 'secondaryRateLimited':
    case 'server':
    case 'timeout':
    case 'offline':
    case 'malformed':
    case 'notFound':
    case 'validation':
    case 'unknown':
    case 'stopped':
      return false;
  }
}
