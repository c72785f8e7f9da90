// One check for the two endpoint settings, used by the settings validation and by the clients, so
// a URL the settings accept is a URL sign-in can use, and both explain a bad one the same way.
import { translated } from './inertText';

export type ServiceUrlKind = 'github' | 'slack';

const settingKey: Record<ServiceUrlKind, string> = {
  github: 'leadDesk.github.apiUrl',
  slack: 'leadDesk.focus.slack.apiUrl',
};

// Functions, so the advice is read in the display language of the moment.
const expected: Record<ServiceUrlKind, () => string> = {
  github: () => translated`Use https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.`,
  slack: () => translated`Use https://slack.com/api/.`,
};

export type ServiceUrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly problem: string };

// Plain http is only for a server on this machine (the local sandbox, a proxy): anywhere else the
// token would cross the network in clear text.
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks an endpoint setting's value; the problem names the setting and says what to write instead. */
export function checkServiceUrl(raw: string, kind: ServiceUrlKind): ServiceUrlCheck {
  const key = settingKey[kind];
  const value = raw.trim();
  const bad = (why: string): ServiceUrlCheck => ({ ok: false, problem: `${key} ${why} ${expected[kind]()}` });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad(translated`"${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad(translated`must start with https://, not ${url.protocol}//.`);
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) return bad(translated`must use https:// (plain http:// is only allowed for 127.0.0.1 and localhost).`);
  // A user name or password in the URL would be sent with every request and shown in logs.
  if (url.username || url.password || /^[a-z]+:\/\/[^/]*@/i.test(value)) return bad(translated`must not contain a user name or password; sign in with Lead Desk instead.`);
  // `?` and `#` are checked on the text too: a bare "?" or "#" leaves url.search and url.hash empty.
  if (url.search || value.includes('?')) return bad(translated`must not have a query string (?…).`);
  if (url.hash || value.includes('#')) return bad(translated`must not have a fragment (#…).`);
  if (kind === 'github' && (url.hostname === 'github.com' || url.hostname === 'www.github.com')) {
    return { ok: false, problem: translated`${key} is the GitHub website, not its API: use https://api.github.com.` };
  }
  return { ok: true, url };
}
