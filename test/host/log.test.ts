import * as assert from 'node:assert/strict';
import { hostEnv, leadDeskLogText, waitFor } from './hostEnv';

describe('log channel', () => {
  it('records the sign-in and the account, and never the token', async () => {
    const login = hostEnv.expectedLogin;
    const { file, text } = await waitFor(`"GitHub account ${login}" in the Lead Desk log`, async () => {
      const log = await leadDeskLogText();
      return log.text.includes(`GitHub account ${login}`) ? log : undefined;
    });
    assert.match(text, /signed in to http:\/\/127\.0\.0\.1:\d+ using GITHUB_TOKEN \/ GH_TOKEN from the environment/);
    assert.equal(text.includes(hostEnv.token), false, `${file} contains the GitHub token`);
  });
});
