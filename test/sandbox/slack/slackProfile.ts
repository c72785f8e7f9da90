// Slack user profile objects, with expired statuses read back as empty as Slack does.
import type { SlackUserRecord } from '../state/records';

export function activeSlackStatus(u: SlackUserRecord, nowSec: number): { text: string; emoji: string; expiration: number } {
  if (u.statusExpiration > 0 && u.statusExpiration <= nowSec) return { text: '', emoji: '', expiration: 0 };
  return { text: u.statusText, emoji: u.statusEmoji, expiration: u.statusExpiration };
}

export function profileShape(u: SlackUserRecord, teamId: string, nowSec: number) {
  const s = activeSlackStatus(u, nowSec);
  const [first, ...rest] = u.realName.split(' ');
  return {
    title: '',
    phone: '',
    skype: '',
    real_name: u.realName,
    real_name_normalized: u.realName,
    display_name: u.name,
    display_name_normalized: u.name,
    first_name: first ?? '',
    last_name: rest.join(' '),
    fields: null,
    status_text: s.text,
    status_emoji: s.emoji,
    status_emoji_display_info: [],
    status_expiration: s.expiration,
    avatar_hash: 'g0000000000',
    email: `${u.name}@example.com`,
    image_24: 'https://secure.gravatar.com/avatar/0.jpg?s=24',
    image_48: 'https://secure.gravatar.com/avatar/0.jpg?s=48',
    image_72: 'https://secure.gravatar.com/avatar/0.jpg?s=72',
    team: teamId,
  };
}
