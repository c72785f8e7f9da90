// The address of a published calendar is a secret: whoever has it reads the calendar. So it must
// travel encrypted (https, or webcal which is https), except to a server on this machine.
import { translated } from '../inertText';

export type FeedUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: string };

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks a pasted feed address; webcal:// becomes https://. The problem never repeats the address. */
export function checkFeedUrl(raw: string): FeedUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    return { ok: false, problem: translated`That is not a web address. Paste the secret iCal address from your calendar’s settings (it starts with https:// or webcal://).` };
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) return { ok: false, problem: translated`The address must start with https:// or webcal://: over plain http:// anyone on the network could read it.` };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: translated`Lead Desk reads calendars over https:// or webcal://, not ${url.protocol}//. For a file on this computer, add it to leadDesk.calendar.files.` };
  url.hash = '';
  return { ok: true, url: url.href };
}
