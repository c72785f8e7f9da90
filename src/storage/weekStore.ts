// The week records, one JSON file per week in the extension's global storage
// (`<globalStorage>/week/2026-03-09.json`). They stay on this machine: nothing reads them but the
// week view. A file that cannot be read as a week record is dropped with one warning, and records
// older than the weeks kept are deleted.
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../core/logger';
import { isWeekKey, shiftWeek, type WeekKey } from '../core/week/weekCalendar';
import { emptyWeekRecord, reviveWeekRecord, type WeekRecord } from '../core/week/weekRecord';

export class WeekStore {
  private readonly dir: string;
  /** Writes run one after another, so two updates in this window never lose each other's change. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly warned = new Set<string>();

  constructor(globalStorage: string, private readonly log: Logger) {
    this.dir = path.join(globalStorage, 'week');
  }

  private file(week: WeekKey): string {
    return path.join(this.dir, `${week}.json`);
  }

  /** The week's record; an empty one when there is none, or when the stored one is damaged. */
  async read(week: WeekKey): Promise<WeekRecord> {
    let text: string;
    try {
      text = await readFile(this.file(week), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyWeekRecord(week);
      throw err;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.dropped(week, 'it is not valid JSON');
    }
    const revived = reviveWeekRecord(raw, week);
    return 'record' in revived ? revived.record : this.dropped(week, revived.problem);
  }

  private dropped(week: WeekKey, problem: string): WeekRecord {
    if (!this.warned.has(week)) {
      this.warned.add(week);
      this.log.warn(`The stored record of the week of ${week} was dropped because ${problem}; that week starts empty.`);
    }
    return emptyWeekRecord(week);
  }

  /** Applies `change` to the week's record; writes only when it returns a different record. */
  update(week: WeekKey, change: (record: WeekRecord) => WeekRecord): Promise<WeekRecord> {
    const run = this.queue.then(async () => {
      const before = await this.read(week);
      const after = change(before);
      if (after !== before) await this.write(week, after);
      return after;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(week: WeekKey, record: WeekRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.file(week);
    // Another window may read at any moment: it sees the old file or the new one, never half of one.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(record));
    await rename(tmp, file);
  }

  /** Weeks with a file, oldest first. */
  async weeks(): Promise<WeekKey[]> {
    try {
      return (await readdir(this.dir))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .filter(isWeekKey)
        .sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  /** Deletes the records of weeks more than `keep` weeks before `current`; returns how many. */
  async prune(current: WeekKey, keep: number): Promise<number> {
    const oldest = shiftWeek(current, -(keep - 1));
    const stale = (await this.weeks()).filter((week) => week < oldest);
    await Promise.all(stale.map((week) => rm(this.file(week), { force: true })));
    return stale.length;
  }
}
