// The pulse as posted to Slack. The question and labels are the lead's own settings, but a
// workspace could set them too, so Slack's control characters are escaped: nothing in them can
// ping @channel, mention someone or make a link (Slack reads those only inside `<…>`).
// Not translated: the pulse is posted for the whole team.
import type { PulseOption } from './pulseSettings';

/** Slack's escaping for message text: only &, < and > have meaning, as entities. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function pulseText(question: string, options: readonly PulseOption[]): string {
  const answers = options.map((o) => `:${o.reaction}: ${escapeSlackText(o.label)}`).join('  ·  ');
  return `${escapeSlackText(question)}\nReact with one: ${answers}\n_Only the number of each reaction is counted, not who gave it._`;
}

/** Whether a message in the channel is this pulse: same text, posted by the same user. */
export function isPulseMessage(msg: { user?: string; text?: string }, userId: string, text: string): boolean {
  return msg.user === userId && msg.text === text;
}
