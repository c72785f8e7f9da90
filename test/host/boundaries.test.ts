import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { leadDeskExtension, sharedStateFile, storeAsAnotherWindowAndWait, waitFor } from './hostEnv';

interface FocusInspection {
  state: { block?: { id: string }; history: Array<{ id: string; outcome: string }> };
}

const inspect = async (): Promise<FocusInspection> => {
  const result = await vscode.commands.executeCommand<FocusInspection | undefined>('leadDesk.inspectFocus');
  assert.ok(result, 'leadDesk.inspectFocus returned nothing');
  return result;
};

describe('End My Day', () => {
  before(async () => {
    await leadDeskExtension().activate();
  });

  it('shows one screen and, when the lead ends the day, stops the running block', async () => {
    // Start from a clean slate whatever ran before: no block, no break.
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    await vscode.commands.executeCommand('leadDesk.endBreak');
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 25, type: 'deepWork' });
    const started = (await inspect()).state.block;
    assert.ok(started, 'a block runs');
    let done = false;
    const run = Promise.resolve(vscode.commands.executeCommand('leadDesk.endMyDay')).then(() => {
      done = true;
    });
    // The screen is a quick pick; its first choice is "End my day". Accept it once it is open.
    await waitFor('End My Day to finish after its first choice is accepted', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done ? true : undefined;
    }, 30_000);
    await run;
    const after = await inspect();
    assert.equal(after.state.block, undefined, 'the block was stopped');
    assert.equal(after.state.history.at(-1)?.id, started.id);
    assert.equal(after.state.history.at(-1)?.outcome, 'stopped');
  });

  it("quiets this window's review-request pop-ups as soon as another window ends the day, and lets them come back as soon as it is undone", async () => {
    const key = 'leadDesk.boundaries.dayEndedUntil';
    const original = await readFile(sharedStateFile(key), 'utf8').catch(() => undefined);
    const asAnotherWindow = (text: string | undefined, pattern: RegExp): Promise<string> => storeAsAnotherWindowAndWait(key, text, `this window to follow another window's End My Day (${text ?? 'removed'})`, pattern);
    try {
      // Three hours from now: another quiet time than any this window set.
      await asAnotherWindow(JSON.stringify(Date.now() + 3 * 3_600_000), /\[boundaries\] review-request pop-ups: held, day ended, until [^\n]+/);
      const back = await asAnotherWindow(undefined, /\[boundaries\] review-request pop-ups: [^\n]+/);
      // Working hours still apply, whatever the time of the run.
      assert.match(back, /pop-ups: (shown|held, after hours, until .+)$/);
    } finally {
      if (original !== undefined) await asAnotherWindow(original, /\[boundaries\] review-request pop-ups: held, day ended, until [^\n]+/);
    }
  });
});
