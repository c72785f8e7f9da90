// What each feed's last refresh came to, in words a view can show: "work: offline since 10:40,
// showing the copy from 10:25". A feed that fails keeps its last good copy, so the lead's meetings
// do not vanish when the network does.
import { translated } from '../inertText';
import { weekdayAndClock } from '../dateWords';
import { format, isSameDay } from 'date-fns';

/** 10:25 today, "Tue 10:25" on another day. */
function formatClock(time: number, now: number): string {
  return isSameDay(time, now) ? format(time, 'HH:mm') : weekdayAndClock(time);
}

export type FeedHealth =
  /** Not fetched or read yet in this window. */
  | 'pending'
  | 'ok'
  /** Unreachable: no answer, a timeout, a server error. */
  | 'offline'
  /** Answered with something that is not iCalendar. */
  | 'malformed';

export interface FeedStatus {
  readonly feedId: string;
  /** The lead's name for it ("work"), or a file's name; never the URL. */
  readonly name: string;
  readonly health: FeedHealth;
  /** When the copy in use was fetched or read (epoch ms). */
  readonly copyFrom?: number;
  /** When the current run of failures began. */
  readonly failingSince?: number;
  /** What went wrong, without the URL ("HTTP 500", "timed out after 30 s"). */
  readonly problem?: string;
  readonly events: number;
  /** The feed had more occurrences than are kept. */
  readonly truncated: boolean;
}

/** One line per feed, for views, pickers and the log. */
export function describeFeedStatus(status: FeedStatus, now: number): string {
  const copy = status.copyFrom === undefined ? translated`no copy yet` : translated`showing the copy from ${formatClock(status.copyFrom, now)}`;
  const since = status.failingSince === undefined ? '' : translated` since ${formatClock(status.failingSince, now)}`;
  const cut = status.truncated ? translated` (too many occurrences: the rest are left out)` : '';
  switch (status.health) {
    case 'pending':
      return translated`${status.name}: not loaded yet`;
    case 'ok':
      return status.events === 1
        ? translated`${status.name}: 1 event, updated ${formatClock(status.copyFrom ?? now, now)}${cut}`
        : translated`${status.name}: ${status.events} events, updated ${formatClock(status.copyFrom ?? now, now)}${cut}`;
    case 'offline':
      return translated`${status.name}: offline${since} (${status.problem ?? translated`no answer`}), ${copy}`;
    case 'malformed':
      return translated`${status.name}: not a calendar${since} (${status.problem ?? translated`could not be read`}), ${copy}`;
  }
}
