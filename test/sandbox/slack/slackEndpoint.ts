// /slack/api/<method>: Slack's Web API conventions. Errors are HTTP 200 with ok:false;
// only rate limiting changes the status (429 + Retry-After, produced by faults).
import type { Exchange } from '../http/exchange';
import type { SandboxState } from '../state/records';
import { satisfies } from '../auth/scopes';
import { SLACK_METHODS } from './slackMethods';

export function slackToken(ex: Exchange, args: Record<string, unknown>): string | undefined {
  const h = ex.header('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  if (m) return m[1];
  if (typeof args.token === 'string') return args.token;
  return ex.query.get('token') ?? undefined;
}

export function slackArgs(ex: Exchange): Record<string, unknown> {
  const parsed = ex.parseBody();
  const args: Record<string, unknown> = Object.fromEntries(ex.query);
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(args, parsed);
  return args;
}

export function handleSlack(ex: Exchange, state: SandboxState, now: Date): void {
  const method = ex.path.slice('/slack/api/'.length);
  ex.log.route = `slack ${method}`;
  const args = slackArgs(ex);
  const raw = slackToken(ex, args);
  if (!raw) return ex.json(200, { ok: false, error: 'not_authed' });
  const token = state.slack.tokens.find((t) => t.token === raw);
  const user = token && state.slack.users.find((u) => u.id === token.userId);
  if (!token || !user) return ex.json(200, { ok: false, error: 'invalid_auth' });
  const headers = { 'x-oauth-scopes': token.scopes.join(','), 'x-slack-req-id': ex.requestId };
  const impl = SLACK_METHODS[method];
  if (!impl) return ex.json(200, { ok: false, error: 'unknown_method' }, headers);
  const accepted = { ...headers, 'x-accepted-oauth-scopes': impl.scope ?? '' };
  if (impl.scope && !satisfies(token.scopes, [impl.scope])) {
    return ex.json(200, { ok: false, error: 'missing_scope', needed: impl.scope, provided: token.scopes.join(',') }, accepted);
  }
  ex.log.login = user.name;
  ex.json(200, impl.run({ slack: state.slack, user, args, nowSec: Math.floor(now.getTime() / 1000) }), accepted);
}
