// The storage port the week use cases need: one record per week, read whole and changed whole.
import type { WeekKey } from '../../core/week/weekCalendar';
import type { WeekRecord } from '../../core/week/weekRecord';

export interface WeekRecords {
  read(week: WeekKey): Promise<WeekRecord>;
  /** Applies `change`; writes only when it returns a different record. */
  update(week: WeekKey, change: (record: WeekRecord) => WeekRecord): Promise<WeekRecord>;
  /** Deletes weeks more than `keep` weeks before `current`. */
  prune(current: WeekKey, keep: number): Promise<number>;
}
