// Reads back the answers: the reaction counts of recent pulses, for the configured answers only.
// Answers trickle in for days, so this week's and last week's pulses are re-read; older ones keep
// the counts they had.
import { addWeeks } from 'date-fns';
import { withRecord, type PulseRecord } from '../../core/pulse/pulseHistory';
import type { PulseOption, PulseSettings } from '../../core/pulse/pulseSettings';
import { weekKey } from '../../core/pulse/pulseWeek';
import type { Logger } from '../../core/logger';
import { PulseError, type PulseSlack } from './pulseSlack';
import type { PulseStore } from './pulseStore';
import { recoverPulseHistory } from './recoverPulses';

export interface ReadPulseDeps {
  readonly slack: PulseSlack;
  readonly store: PulseStore;
  readonly now: () => number;
  readonly log: Logger;
}

function needsReading(record: PulseRecord, recentWeeks: ReadonlySet<string>): record is PulseRecord & { ts: string } {
  return record.ts !== undefined && (record.counts === undefined || recentWeeks.has(record.week));
}

/** Updates the stored counts; returns how many pulses were read. A deleted pulse message is logged and skipped. */
export async function readPulseAnswers(deps: ReadPulseDeps, options: readonly PulseOption[]): Promise<number> {
  const now = deps.now();
  const recent = new Set([weekKey(now), weekKey(addWeeks(now, -1))]);
  let read = 0;
  for (const record of deps.store.read().filter((r) => needsReading(r, recent))) {
    let all: Record<string, number>;
    try {
      all = await deps.slack.reactionCounts(record.channel, record.ts);
    } catch (err) {
      if (!PulseError.is(err, 'messageGone')) throw err;
      deps.log.warn(`the pulse of the week of ${record.week} is gone from ${record.channel}; its answers stay as last read`);
      continue;
    }
    const counts = Object.fromEntries(options.map((o) => [o.reaction, all[o.reaction] ?? 0]));
    await deps.store.write(withRecord(deps.store.read(), { ...record, counts, countedAt: deps.now() }));
    read++;
  }
  return read;
}

/**
 * Reads the answers, first finding earlier pulses in the channel when this profile has none stored
 * (a new machine or profile). Without a channel and without stored pulses, Slack is not asked.
 */
export async function readTeamPulse(deps: ReadPulseDeps, settings: Pick<PulseSettings, 'slackChannel' | 'question' | 'options'>): Promise<number> {
  const recovered = await recoverPulseHistory(deps, settings);
  if (recovered > 0) deps.log.info(`found ${recovered} earlier ${recovered === 1 ? 'pulse' : 'pulses'} in ${settings.slackChannel ?? 'the channel'}; reading their answers`);
  if (!deps.store.read().some((r) => r.ts)) return 0;
  return readPulseAnswers(deps, settings.options);
}
