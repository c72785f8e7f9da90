// The calendar parse runs on a worker thread: the real parser bundle (dist/calendar.js, built here
// with esbuild as `npm run build` does) parses the sandbox's 5 MB feed while this thread keeps
// turning its event loop, gives the same occurrences as a parse on this thread, reports a feed that
// is not a calendar as such, and falls back to this thread when no worker can start.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { bigCalendar } from '../../sandbox/calendar/bigCalendar';
import { BIG_FEED_BYTES } from '../../sandbox/calendar/calendarFeeds';
import { expandCalendar, type ExpandedCalendar, type ExpandOptions } from '../../../src/core/calendar/expandCalendar';
import { ParserThread } from '../../../src/calendar/parseInWorker';

interface ParserBundle {
  expandCalendar(text: string, options: ExpandOptions): Promise<ExpandedCalendar>;
  isParseError(err: unknown): boolean;
  parsesOffThread(): boolean;
}

const root = path.join(import.meta.dirname, '..', '..', '..');
const day = 86_400_000;
const now = Date.parse('2026-03-26T09:00:00Z');
const options: ExpandOptions = { feedId: 'big', myEmails: ['lead@example.com'], from: now - 28 * day, to: now + 14 * day, maxOccurrences: 5000 };

/** Event-loop turns of this thread until `work` settles: zero when the work holds the thread throughout. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { result: await work(), turns };
  } finally {
    done = true;
  }
}

describe('calendar parse on a worker thread', function () {
  this.timeout(120_000);
  let dir: string;
  let bundle: ParserBundle;
  const text = bigCalendar(BIG_FEED_BYTES, now);

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lead-desk-parser-'));
    const outfile = path.join(dir, 'calendar.js');
    await esbuild.build({ entryPoints: [path.join(root, 'src/calendar/calendarParserEntry.ts')], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', mainFields: ['module', 'main'], logLevel: 'silent' });
    bundle = createRequire(import.meta.url)(outfile) as ParserBundle;
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('parses the 5 MB feed while this thread keeps turning, with the same occurrences as a parse here', async () => {
    assert.equal(bundle.parsesOffThread(), true);
    const { result, turns } = await turnsDuring(() => bundle.expandCalendar(text, options));
    const here = expandCalendar(text, options);
    assert.ok(result.events.length > 100, `${result.events.length} occurrences`);
    assert.deepEqual(result, here);
    // A parse on this thread would leave no turn at all until it finished (see the last test).
    assert.ok(turns >= 2, `this thread turned ${turns} times during the parse`);
  });

  it('reports a feed that is not a calendar as a parse error, from the worker', async () => {
    await assert.rejects(bundle.expandCalendar('<html>Sign in</html>', options), (err) => bundle.isParseError(err) && err instanceof Error && err.message.length > 0);
    // The worker keeps serving after a failed parse.
    const again = await bundle.expandCalendar(text, options);
    assert.ok(again.events.length > 100);
  });

  it('parses on this thread when no worker can start, and still answers', async () => {
    const missing = new ParserThread({ script: path.join(dir, 'no-such-parser.js'), expandHere: expandCalendar });
    const result = await missing.expand(text, options);
    assert.equal(result.events.length, expandCalendar(text, options).events.length);
    assert.equal(missing.usesWorker, false, 'after the failed start, later parses go straight to this thread');
    const { turns } = await turnsDuring(() => missing.expand(text, options));
    assert.equal(turns, 0, 'on this thread the parse holds the event loop until it is done');
    missing.dispose();
  });
});
