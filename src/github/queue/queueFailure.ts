// Turns a failed refresh into what the queue shows: a few words for the view's description, one
// sentence for the tooltip and messages, and whether waiting can fix it.
import { format } from 'date-fns';
import type { RefreshFailure } from '../../core/queue/refreshScheduler';
import { toGitHubError } from '../errors';

export function classifyQueueError(err: unknown, now: Date = new Date()): RefreshFailure {
  const e = toGitHubError(err, now);
  const retryAt = e.retryAt?.getTime();
  const until = e.retryAt ? ` until ${format(e.retryAt, 'HH:mm')}` : '';
  const base = { kind: e.kind, retryAt, cause: e, transient: e.isTransient };
  switch (e.kind) {
    case 'unauthorized':
      return { ...base, summary: 'sign-in needed', message: 'GitHub did not accept your sign-in (401). Sign in again or use another token.' };
    case 'missingScope': {
      const scopes = (e.scopes ?? []).map((s) => `'${s}'`).join(' or ') || 'a required';
      return { ...base, summary: `missing ${scopes} scope`, message: `Your GitHub sign-in lacks the ${scopes} scope that the review queue needs. Sign in again and grant it.` };
    }
    case 'rateLimited':
      return { ...base, summary: 'rate limited', message: `GitHub's rate limit for your account is used up${until}. The queue keeps its last data meanwhile.` };
    case 'secondaryRateLimited':
      return { ...base, summary: 'GitHub asked to slow down', message: `GitHub asked Lead Desk to slow down (secondary rate limit)${until}.` };
    case 'server':
      // A GraphQL answer at HTTP 200 can still be partial: GitHub failed on part of the document.
      if (e.status !== undefined && e.status < 500) return { ...base, summary: 'partial answer', message: "GitHub could not finish the queue's searches and sent only part of the answer." };
      return { ...base, summary: `GitHub error ${e.status ?? ''}`.trim(), message: `GitHub had a server error${e.status ? ` (${e.status})` : ''}.` };
    case 'timeout':
      return { ...base, summary: 'GitHub timed out', message: 'GitHub did not answer in time.' };
    case 'offline':
      return { ...base, summary: 'offline', message: 'Could not reach GitHub. Check your connection or leadDesk.github.apiUrl.' };
    case 'malformed':
      return { ...base, summary: 'unreadable answer', message: 'GitHub sent an answer that could not be read.' };
    case 'validation':
      return { ...base, summary: 'search rejected', message: `GitHub rejected the queue's search: ${e.detail ?? e.message}` };
    case 'notFound':
    case 'unknown':
      return { ...base, transient: true, summary: 'refresh failed', message: `${e.message}${e.detail ? ` (${e.detail})` : ''}` };
    default:
      return unhandledKind(e.kind);
  }
}

/** Fails to compile when GitHub gains an error kind that the queue does not describe yet. */
function unhandledKind(kind: never): never {
  throw new Error(`unhandled GitHub error kind ${String(kind)}`);
}
