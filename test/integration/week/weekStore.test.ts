import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../../src/core/logger';
import { silentLogger } from '../../../src/core/logger';
import { shiftWeek } from '../../../src/core/week/weekCalendar';
import { withHandoff } from '../../../src/core/week/weekRecord';
import { keptWeeks } from '../../../src/core/week/weekView';
import { WeekStore } from '../../../src/storage/weekStore';

describe('week store on disk', () => {
  let dir: string;
  let warnings: string[];
  const log: Logger = { ...silentLogger, warn: (m: string) => warnings.push(m) };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lead-desk-week-'));
    warnings = [];
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes one JSON file per week and reads it back; an unchanged record is not written again', async () => {
    const store = new WeekStore(dir, log);
    await store.update('2026-03-09', (r) => withHandoff(r, { id: 'acme/api#1→jin', at: 1_773_000_000_000 }));
    assert.deepEqual(await readdir(path.join(dir, 'week')), ['2026-03-09.json']);
    assert.deepEqual((await new WeekStore(dir, log).read('2026-03-09')).handoffs, [{ id: 'acme/api#1→jin', at: 1_773_000_000_000 }]);
    await store.update('2026-03-09', (r) => r);
    assert.deepEqual(await store.weeks(), ['2026-03-09']);
  });

  it('keeps two quick updates from the same window', async () => {
    const store = new WeekStore(dir, log);
    await Promise.all([
      store.update('2026-03-09', (r) => withHandoff(r, { id: 'a', at: 1_773_000_000_000 })),
      store.update('2026-03-09', (r) => withHandoff(r, { id: 'b', at: 1_773_000_000_001 })),
    ]);
    assert.deepEqual((await store.read('2026-03-09')).handoffs.map((h) => h.id), ['a', 'b']);
  });

  it('drops a damaged record with one warning and starts that week afresh', async () => {
    const store = new WeekStore(dir, log);
    await store.update('2026-03-09', (r) => withHandoff(r, { id: 'a', at: 1_773_000_000_000 }));
    await writeFile(path.join(dir, 'week', '2026-03-09.json'), '{"version":1,"week":"2026-03-09","blocks":[{"id":1}]');
    assert.deepEqual((await store.read('2026-03-09')).handoffs, []);
    assert.deepEqual((await store.read('2026-03-09')).handoffs, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /week of 2026-03-09 was dropped because it is not valid JSON/);
    await writeFile(path.join(dir, 'week', '2026-03-16.json'), JSON.stringify({ version: 1, week: '2026-03-16', blocks: [{ id: 'x' }], breaks: [], handoffs: [] }));
    assert.deepEqual((await store.read('2026-03-16')).blocks, []);
    assert.match(warnings[1], /its focus blocks are damaged/);
  });

  it(`deletes weeks older than ${keptWeeks} weeks and keeps the rest`, async () => {
    const store = new WeekStore(dir, log);
    const current = '2026-03-09';
    for (const ago of [0, 12, keptWeeks - 1, keptWeeks, keptWeeks + 10]) {
      await store.update(shiftWeek(current, -ago), (r) => withHandoff(r, { id: 'x', at: 1_700_000_000_000 }));
    }
    assert.equal(await store.prune(current, keptWeeks), 2);
    assert.deepEqual(await store.weeks(), [shiftWeek(current, -(keptWeeks - 1)), shiftWeek(current, -12), current]);
  });
});
