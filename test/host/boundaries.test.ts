import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, waitFor } from './hostEnv';

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
});
