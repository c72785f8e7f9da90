// What the review queue showed at start-up the last time it was shown: the activity-bar badge and
// the status-bar count. The queue feature writes it (src/vscode/queue/queueStartupFace.ts); the
// entry shows it from start-up without loading the features. Plain data and no editor, so both
// sides are tested without one.
import { ViewId } from '../ids';

/** A record the queue feature stored; the entry shows nothing of a record it cannot read. */
export interface QueueFace {
  readonly version: 1;
  /** Until when the record holds (epoch ms): working hours start or end then, and the features must decide again. */
  readonly validUntil: number;
  /** Whether `leadDesk.queue.statusBarCount` was on when it was written. */
  readonly statusBarCount: boolean;
  readonly badge?: { readonly value: number; readonly tooltip: string };
  readonly statusBar?: { readonly text: string; readonly tooltip: string; readonly command: string; readonly label: string };
}

/** The one command the queue's status-bar count runs: clicking it opens the queue. */
export const queueFaceCommand = `${ViewId.queue}.focus`;

/** Longer than anything the queue writes; a longer string is a damaged record, not a face. */
const maxTextLength = 500;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= maxTextLength;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored record, or undefined when there is none or any part of it is not what the queue writes. */
export function parseQueueFace(raw: unknown): QueueFace | undefined {
  if (!isRecord(raw) || raw.version !== 1) return undefined;
  const { validUntil, statusBarCount, badge, statusBar } = raw;
  if (typeof validUntil !== 'number' || !Number.isFinite(validUntil) || typeof statusBarCount !== 'boolean') return undefined;
  if (badge !== undefined && !(isRecord(badge) && Number.isSafeInteger(badge.value) && (badge.value as number) > 0 && isText(badge.tooltip))) return undefined;
  if (statusBar !== undefined && !(isRecord(statusBar) && isText(statusBar.text) && isText(statusBar.tooltip) && statusBar.command === queueFaceCommand && isText(statusBar.label))) return undefined;
  return {
    version: 1,
    validUntil,
    statusBarCount,
    ...(badge ? { badge: { value: badge.value as number, tooltip: badge.tooltip as string } } : {}),
    ...(statusBar ? { statusBar: { text: statusBar.text as string, tooltip: statusBar.tooltip as string, command: statusBar.command as string, label: statusBar.label as string } } : {}),
  };
}

/**
 * Why the stored face cannot stand in for the queue now, or undefined when it can: there is none
 * (a snapshot from before faces were written), it is damaged, working hours began or ended since,
 * or the status-bar count was turned on or off since. Not translated: the reason goes to the log.
 */
export function queueFaceOutOfDate(face: QueueFace | undefined, now: number, statusBarCount: boolean): string | undefined {
  if (!face) return 'the review queue has a snapshot to show and no start-up face';
  if (now >= face.validUntil) return 'the review queue’s start-up face is out of date';
  if (face.statusBarCount !== statusBarCount) return 'the review queue’s status-bar count was turned on or off';
  return undefined;
}
