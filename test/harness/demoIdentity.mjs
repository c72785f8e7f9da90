// Who the demo signs in as: the scenario's `viewer` and a token of theirs, taken from the sandbox's
// status line when it lists them, else from the scenario file itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './codeServer.mjs';

export function readScenario(name = 'demo') {
  return JSON.parse(readFileSync(path.join(root, 'test/sandbox/scenarios', `${name}.json`), 'utf8'));
}

function tokensFrom(source) {
  const raw = source?.tokens;
  if (Array.isArray(raw)) return raw.filter((t) => t && typeof t.token === 'string' && typeof t.login === 'string');
  if (raw && typeof raw === 'object') {
    return Object.entries(raw).flatMap(([login, value]) => {
      if (typeof value === 'string') return [{ login, token: value, scopes: [] }];
      if (value && typeof value.token === 'string') return [{ login: value.login ?? login, token: value.token, scopes: value.scopes ?? [] }];
      return [];
    });
  }
  return [];
}

/** @returns {{ login: string, token: string, scenario: any }} */
export function demoIdentity(info = {}, scenario = readScenario('demo')) {
  const login = info.viewer ?? info.lead?.login ?? scenario.viewer;
  if (!login) throw new Error('the demo scenario names no viewer (the lead the demo signs in as)');
  const candidates = [...tokensFrom(info), ...tokensFrom(scenario)].filter((t) => t.login === login);
  if (candidates.length === 0) throw new Error(`the demo scenario has no token for ${login}`);
  // The token with the most scopes lets every feature run.
  candidates.sort((a, b) => (b.scopes?.length ?? 0) - (a.scopes?.length ?? 0));
  return { login, token: candidates[0].token, scenario };
}
