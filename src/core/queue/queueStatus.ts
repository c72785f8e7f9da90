// The one line under the view title: how fresh the data is and, when a refresh failed, what
// happened and when the next try is. "updated 12 min ago · offline, retrying at 10:42".
import { translated } from '../inertText';
import { weekdayAndClock } from '../dateWords';
import { format } from 'date-fns';
import type { RefreshState } from './refreshScheduler';

export function formatAge(updatedAt: number, now: number): string {
  const minutes = Math.floor((now - updatedAt) / 60_000);
  if (minutes < 1) return translated`just now`;
  if (minutes < 60) return translated`${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return translated`${hours} h ago`;
  return translated`${Math.floor(hours / 24)} d ago`;
}

/** When a retry is on another day than `now`, the date is included so "10:42" is not misread. */
export function formatRetryTime(at: number, now: number): string {
  const sameDay = format(at, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd');
  return sameDay ? format(at, 'HH:mm') : weekdayAndClock(at);
}

export function describeQueueStatus(state: RefreshState<unknown>, now: number): string {
  const parts: string[] = [];
  if (state.updatedAt !== undefined) parts.push(translated`updated ${formatAge(state.updatedAt, now)}`);
  else if (!state.loading && !state.failure) return '';
  if (state.loading) parts.push(translated`refreshing…`);
  else if (state.failure) {
    const retry = state.nextAttemptAt !== undefined ? translated`, retrying at ${formatRetryTime(state.nextAttemptAt, now)}` : '';
    parts.push(`${state.failure.summary}${retry}`);
  }
  return parts.join(' · ');
}
