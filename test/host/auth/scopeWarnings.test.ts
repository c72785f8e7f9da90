import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/logger';
import type { GitHubClient } from '../../../src/github/client';
import { registerAccountRefresher } from '../../../src/vscode/auth/accountRefresher';
import type { Credentials } from '../../../src/vscode/auth/authService';
import { recordToasts } from '../focus/recordToasts';

/** A client whose account has a repo-only classic token, as GitHub describes it in the scope header. */
const repoOnly = {
  call: () => Promise.resolve({ data: { login: 'lead' }, headers: { 'x-oauth-scopes': 'repo' } }),
} as unknown as GitHubClient;

async function refreshOnce(toldAtSignIn: boolean): Promise<string[]> {
  let refresher: (() => Promise<void>) | undefined;
  const registration = registerAccountRefresher({
    auth: { requiredScopes: () => ['read:org', 'repo', 'user'], credentials: { token: 'repo-only-token' } as Credentials, scopesToldAtSignIn: (token) => toldAtSignIn && token === 'repo-only-token' },
    github: { client: () => Promise.resolve(repoOnly) },
    refresh: {
      register: (_name: string, run: () => Promise<void>) => {
        refresher = run;
        return new vscode.Disposable(() => undefined);
      },
    },
    log: silentLogger,
  });
  const toasts = recordToasts();
  try {
    await refresher?.();
  } finally {
    toasts.restore();
    registration.dispose();
  }
  return toasts.shown;
}

describe('one toast per problem after signing in with a repo-only token', () => {
  it('the refresh does not repeat the missing scopes the token sign-in just named', async () => {
    assert.deepEqual(await refreshOnce(true), []);
  });

  it('but names them once for credentials nobody has told the lead about', async () => {
    const shown = await refreshOnce(false);
    assert.equal(shown.length, 1);
    assert.match(shown[0], /^warning: Your GitHub sign-in \(lead\) lacks the scopes read:org, user\./);
  });
});
