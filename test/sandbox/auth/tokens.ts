// Finds the scenario token a request carries. GitHub accepts "token X" and "Bearer X".
import type { Exchange } from '../http/exchange';
import type { SandboxState, TokenRecord, UserRecord } from '../state/records';
import { findToken, findUser } from '../state/lookup';

export interface Identity {
  token: TokenRecord;
  user: UserRecord;
}

export function bearerToken(ex: Exchange): string | undefined {
  const h = ex.header('authorization');
  if (!h) return undefined;
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(h);
  return m?.[1];
}

export function identify(state: SandboxState, ex: Exchange): Identity | undefined {
  const raw = bearerToken(ex);
  if (!raw) return undefined;
  const token = findToken(state, raw);
  const user = token ? findUser(state, token.login) : undefined;
  return token && user ? { token, user } : undefined;
}

export const BAD_CREDENTIALS = {
  message: 'Bad credentials',
  documentation_url: 'https://docs.github.com/rest',
  status: '401',
};
