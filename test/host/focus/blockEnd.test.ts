import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, leadDeskLogText, waitFor } from '../hostEnv';
import { recordToasts } from './recordToasts';

interface Inspection {
  state: { block?: { id: string } };
  afterBlock: { record: string[]; parked: boolean };
  guards: Array<{ id: string; enabled: boolean; phase?: string }>;
}

const inspect = async (arg?: unknown): Promise<Inspection> => {
  const result = await vscode.commands.executeCommand<Inspection | undefined>('leadDesk.inspectFocus', arg);
  assert.ok(result, 'leadDesk.inspectFocus returned nothing');
  return result;
};

describe('the end of a focus block', () => {
  before(async () => {
    await leadDeskExtension().activate();
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });

  it('turns Do Not Disturb off first, then offers the break as a real notification', async () => {
    const toasts = recordToasts();
    try {
      await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 25, type: 'deepWork' });
      await waitFor('Do Not Disturb to be on for the block', async () => ((await inspect()).guards.find((g) => g.id === 'notifications')?.phase === 'engaged' ? true : undefined));
      const before = (await inspect()).afterBlock.record.length;
      await inspect({ endInMs: 1_000 });
      const record = await waitFor('the end of the block to be told', async () => {
        const r = (await inspect()).afterBlock.record;
        return r.length > before ? r.slice(before) : undefined;
      });
      assert.match(record[0], /^shown 1 \(/, 'shown, not parked behind the status bar');
      assert.match(record[0], /notifications:released\/restored/, 'Do Not Disturb was already turned off when the offer was shown');
      const offer = toasts.shown.find((t) => t.includes('Focus block done'));
      assert.ok(offer, `no break offer among ${JSON.stringify(toasts.shown)}`);
      assert.match(offer, /^info: Focus block done: .* \[Take a 5-Minute Break, Skip Break\]$/, 'a toast with its buttons, not a modal');
      const log = (await leadDeskLogText()).text;
      const released = log.lastIndexOf('VS Code notifications: restored');
      const offered = log.lastIndexOf('offering a break after the block');
      assert.ok(released >= 0 && offered > released, 'the log shows the release before the offer');
    } finally {
      toasts.restore();
      if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    }
  });
});
