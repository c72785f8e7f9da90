// The `leadDesk.pulse.*` settings, typed. A bad value falls back to its default and is reported
// once, naming the setting, like the rest of the settings.
import { translated } from '../inertText';
import { parseTimeOfDay } from '../focus/schedule';
import type { RawSettings, SettingsProblem } from '../settingsSource';

/** One answer people can give, as a Slack reaction; the first option is the best answer. */
export interface PulseOption {
  /** The emoji name without colons, e.g. `slightly_smiling_face`. */
  readonly reaction: string;
  readonly label: string;
}

/** When the pulse goes out by itself: a weekday (0 = Sunday) and minutes after local midnight. */
export interface PulseSchedule {
  readonly day: number;
  readonly minute: number;
}

export interface PulseSettings {
  /** A Slack channel id (C…, G…); undefined until the lead sets one. */
  readonly slackChannel: string | undefined;
  readonly question: string;
  readonly options: readonly PulseOption[];
  /** Undefined: the pulse is sent only by the command. */
  readonly schedule: PulseSchedule | undefined;
}

// Not translated: the default answers are posted for the whole team, as the question below.
export const defaultPulseOptions: readonly PulseOption[] = [
  { reaction: 'star-struck', label: 'great' },
  { reaction: 'slightly_smiling_face', label: 'good' },
  { reaction: 'neutral_face', label: 'so-so' },
  { reaction: 'slightly_frowning_face', label: 'tough' },
  { reaction: 'tired_face', label: 'too much' },
];

// Not translated: the default question is posted for the whole team.
export const defaultPulseSettings: PulseSettings = {
  slackChannel: undefined,
  question: 'How was your week?',
  options: defaultPulseOptions,
  schedule: undefined,
};

const CHANNEL = /^[CG][A-Z0-9]{6,}$/;
const REACTION = /^[a-z0-9_+'-]{1,100}$/;
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MAX_QUESTION = 300;

function channel(raw: unknown, problems: SettingsProblem[]): string | undefined {
  const key = 'leadDesk.pulse.slackChannel';
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string' && CHANNEL.test(raw.trim())) return raw.trim();
  problems.push({ key, message: translated`${key} must be a Slack channel ID such as C0123ABCD (in Slack: the channel's details, at the bottom); ignoring ${JSON.stringify(raw)}.` });
  return undefined;
}

function question(raw: unknown, problems: SettingsProblem[]): string {
  const key = 'leadDesk.pulse.question';
  if (raw === undefined || raw === null || raw === '') return defaultPulseSettings.question;
  if (typeof raw === 'string' && raw.trim() !== '' && raw.length <= MAX_QUESTION) return raw.trim();
  problems.push({ key, message: translated`${key} must be text of up to ${MAX_QUESTION} characters; asking "${defaultPulseSettings.question}".` });
  return defaultPulseSettings.question;
}

function options(raw: unknown, problems: SettingsProblem[]): readonly PulseOption[] {
  const key = 'leadDesk.pulse.options';
  if (raw === undefined || raw === null) return defaultPulseOptions;
  const parsed = Array.isArray(raw) ? raw.map(option) : [];
  const names = new Set(parsed.map((o) => o?.reaction));
  if (parsed.length < 2 || parsed.length > 10 || parsed.some((o) => o === undefined) || names.size !== parsed.length) {
    problems.push({ key, message: translated`${key} must list 2 to 10 different answers, best first, such as {"reaction": "slightly_smiling_face", "label": "good"}; using the five default answers.` });
    return defaultPulseOptions;
  }
  return parsed as PulseOption[];
}

function option(raw: unknown): PulseOption | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { reaction, label } = raw as Record<string, unknown>;
  if (typeof reaction !== 'string') return undefined;
  const name = reaction.trim().replace(/^:|:$/g, '');
  if (!REACTION.test(name)) return undefined;
  if (label !== undefined && typeof label !== 'string') return undefined;
  return { reaction: name, label: typeof label === 'string' && label.trim() ? label.trim() : name };
}

function schedule(raw: unknown, problems: SettingsProblem[]): PulseSchedule | undefined {
  const key = 'leadDesk.pulse.schedule';
  if (raw === undefined || raw === null) return undefined;
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const day = typeof r.day === 'string' ? DAYS.indexOf(r.day.trim().toLowerCase().slice(0, 3)) : -1;
  const minute = parseTimeOfDay(r.time, false);
  if (day >= 0 && minute !== undefined) return { day, minute };
  problems.push({ key, message: translated`${key} must be like {"day": "fri", "time": "15:00"}; the pulse is sent only when you run Send Team Pulse.` });
  return undefined;
}

export function parsePulseSettings(read: RawSettings, problems: SettingsProblem[]): PulseSettings {
  return {
    slackChannel: channel(read('pulse.slackChannel'), problems),
    question: question(read('pulse.question'), problems),
    options: options(read('pulse.options'), problems),
    schedule: schedule(read('pulse.schedule'), problems),
  };
}
