// What a failure message says about trying again. A message may promise a retry only when one is
// really scheduled; otherwise it tells the person when running the command again can work.
import { format } from 'date-fns';
import { translated } from './inertText';

export type RetryReason = 'rateLimited' | 'slowDown' | 'other';

/** One sentence (with a leading space) or '' when there is nothing to say. */
export function retryAdvice(reason: RetryReason, retryAt: Date | undefined, retryScheduledAt: Date | undefined): string {
  if (retryScheduledAt) return translated` Lead Desk will try again at ${format(retryScheduledAt, 'HH:mm')}.`;
  if (!retryAt) return '';
  const at = format(retryAt, 'HH:mm');
  if (reason === 'rateLimited') return translated` GitHub's rate limit resets at ${at}; run the command again then.`;
  return translated` Run the command again after ${at}.`;
}
