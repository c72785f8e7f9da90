// Copies what happened into the week records: finished focus blocks (the focus state forgets them
// after two weeks), the break under way, and reviews handed off. Safe to run again and again, and
// from several windows: everything is keyed, so a repeat changes nothing and writes nothing.
import type { FocusState } from '../../core/focus/types';
import type { HandoffSeen } from '../../core/update/updateTypes';
import { weekKeyOf, type WeekKey } from '../../core/week/weekCalendar';
import { withBlocks, withBreak, withHandoff, type WeekBlock } from '../../core/week/weekRecord';
import type { WeekRecords } from './weekRecords';

/** Records the focus state's finished blocks and its break, each in the week it started in. */
export async function recordFocus(records: WeekRecords, state: FocusState, now: number): Promise<void> {
  const byWeek = new Map<WeekKey, WeekBlock[]>();
  for (const b of state.history) {
    const week = weekKeyOf(b.startedAt);
    const block: WeekBlock = { id: b.id, type: b.type, startedAt: b.startedAt, endedAt: b.endedAt, focusedMs: b.focusedMs, ...(b.label ? { label: b.label } : {}) };
    byWeek.set(week, [...(byWeek.get(week) ?? []), block]);
  }
  for (const [week, blocks] of byWeek) await records.update(week, (r) => withBlocks(r, blocks));
  const pause = state.break;
  if (pause && pause.startedAt <= now) {
    // Seen while it runs: its end so far is now, or its planned end once that has passed.
    const item = { id: pause.afterBlockId, startedAt: pause.startedAt, endedAt: Math.min(now, pause.endsAt) };
    await records.update(weekKeyOf(pause.startedAt), (r) => withBreak(r, item));
  }
}

/** A review the lead asked someone else for: `owner/repo#123` and the login asked. */
export async function recordHandoff(records: WeekRecords, pullRequest: string, login: string, at: number): Promise<void> {
  await records.update(weekKeyOf(at), (r) => withHandoff(r, { id: `${pullRequest.toLowerCase()}→${login.toLowerCase()}`, at }));
}

/** The reviews handed off in [from, to), from the weeks' records: the pull request of each and when. */
export async function handoffsBetween(records: WeekRecords, from: number, to: number): Promise<HandoffSeen[]> {
  const weeks = new Set<WeekKey>();
  // Week keys of every day in the range; a weekly update spans one week, at most two keys.
  for (let t = from; t < to; t += 86_400_000) weeks.add(weekKeyOf(t));
  if (to > from) weeks.add(weekKeyOf(to - 1));
  const found: HandoffSeen[] = [];
  for (const week of weeks) {
    const record = await records.read(week);
    // The id is "owner/repo#123→login" (recordHandoff).
    for (const h of record.handoffs) if (h.at >= from && h.at < to) found.push({ pullRequest: h.id.split('→')[0], at: h.at });
  }
  return found;
}

/** How many reviews were handed off in [from, to), from the weeks' records. */
export async function countHandoffs(records: WeekRecords, from: number, to: number): Promise<number> {
  return (await handoffsBetween(records, from, to)).length;
}
