// The calendar parser's own bundle (dist/calendar.js): ical.js is ~75 KiB minified, so the
// extension loads it on the first calendar refresh instead of carrying it at activation. The same
// file is the worker's script: loaded in the worker this module starts, it serves parses there, so
// a big feed never holds the extension host's thread.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CalendarParseError, expandCalendar as expandHere, type ExpandedCalendar, type ExpandOptions } from '../core/calendar/expandCalendar';
import { PARSE_WORKER_FLAG, ParserThread, serveParses } from './parseInWorker';

const inParseWorker = !isMainThread && parentPort !== null && (workerData as Record<string, unknown> | null)?.[PARSE_WORKER_FLAG] === true;
if (inParseWorker) serveParses(parentPort!, expandHere);

// In the bundle this file is dist/calendar.js; under a TypeScript loader there is no script a worker can run.
const script = typeof __filename === 'string' ? __filename : undefined;
const thread = inParseWorker ? undefined : new ParserThread({ script, expandHere });

export function expandCalendar(text: string, options: ExpandOptions): Promise<ExpandedCalendar> {
  return thread ? thread.expand(text, options) : Promise.resolve(expandHere(text, options));
}

export function isParseError(err: unknown): boolean {
  return CalendarParseError.is(err);
}

/** Whether parses run on a worker thread here (the log says so once). */
export function parsesOffThread(): boolean {
  return thread?.usesWorker ?? false;
}
