import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type GetSession = typeof vscode.authentication.getSession;
type Options = vscode.AuthenticationGetSessionOptions | undefined;

/**
 * Makes VS Code's account answer Lead Desk's session requests as `answer` says (undefined: as
 * the real account would), through the API object this suite shares with the extension, until
 * `restore`. The suite signs in to the sandbox, a GitHub Enterprise address: the enterprise
 * account's address is set too, as only then does Lead Desk ask that account at all (a sign-in
 * goes to its dialog; a lookup asks it for a session before it takes the environment's token).
 */
export async function answerAccountSessions(answer: (options: Options) => Promise<vscode.AuthenticationSession | undefined> | undefined): Promise<{ restore(): Promise<void> }> {
  const enterprise = vscode.workspace.getConfiguration('github-enterprise');
  const uriBefore = enterprise.inspect<string>('uri')?.globalValue;
  const apiUrl = vscode.workspace.getConfiguration('leadDesk').get<string>('github.apiUrl');
  assert.ok(apiUrl, 'the suite sets leadDesk.github.apiUrl');
  await enterprise.update('uri', new URL(apiUrl).origin, vscode.ConfigurationTarget.Global);
  const auth = vscode.authentication as Writable<typeof vscode.authentication>;
  const getSession = auth.getSession;
  auth.getSession = ((...args: Parameters<GetSession>) => answer(args[2]) ?? getSession(...args)) as GetSession;
  return {
    async restore() {
      auth.getSession = getSession;
      await enterprise.update('uri', uriBefore, vscode.ConfigurationTarget.Global);
    },
  };
}
