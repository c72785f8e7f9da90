// Inside a real VS Code: the expertise index that delegation.test.ts had the extension build for
// the workspace's history was built on a worker thread (dist/indexWorker.js, beside the features
// bundle), so a large history never holds the extension host's thread. Runs after that file.
import * as assert from 'node:assert/strict';
import { leadDeskLogText, waitFor } from '../hostEnv';

describe('expertise index in the real extension host', () => {
  it('builds the cold index on a worker thread', async () => {
    const line = await waitFor('a cold expertise-index build in the log (delegation.test.ts runs one)', async () => {
      const { text } = await leadDeskLogText();
      return /expertise index for [^\n]*: built from (\d+) commits[^\n]* (on a worker thread|on the host's thread)/.exec(text) ?? undefined;
    });
    assert.ok(Number(line[1]) > 0, `the build read commits: ${line[0]}`);
    assert.equal(line[2], 'on a worker thread', line[0]);
  });
});
