// The break suggested during a long block, while Lead Desk's Do Not Disturb holds toasts back,
// shows as a row in Time Blocks: read from the view's own provider, taken or dismissed through the
// row's commands, and gone when the block ends. leadDesk.focus.breakAfterMinutes is 1, the least
// the setting allows, so each case waits out one real minute of focus for the real break watch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { leadDeskExtension, waitFor } from '../hostEnv';

interface Row {
  id?: string;
  label?: string;
  description?: string;
  contextValue?: string;
  command?: string;
}

interface Inspection {
  state: { block?: { id: string }; break?: unknown };
  rows: Row[];
  guards: Array<{ id: string; phase?: string }>;
}

const inspect = async (arg?: unknown): Promise<Inspection> => {
  const result = await vscode.commands.executeCommand<Inspection | undefined>('leadDesk.inspectFocus', arg);
  assert.ok(result, 'leadDesk.inspectFocus returned nothing');
  return result;
};

const suggestionRow = async (): Promise<Row | undefined> => (await inspect()).rows.find((r) => r.contextValue === 'focusBreakSuggestion');

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Answers the end-of-block offer with its first button (take the break), as the lead would. */
function takeOfferedBreaks(): () => void {
  const win = vscode.window as Writable<typeof vscode.window>;
  const original = win.showInformationMessage;
  const answer = (text: string, ...rest: unknown[]) => {
    const buttons = rest.filter((r): r is string => typeof r === 'string');
    return Promise.resolve(text.startsWith('Focus block done') ? buttons.find((b) => b.startsWith('Take a')) : undefined);
  };
  win.showInformationMessage = answer;
  return () => (win.showInformationMessage = original);
}

// The row is due a minute after the block starts; the wait only bounds a failure, so it is generous for a busy machine.
const minuteOfFocus = 180_000;

describe('a break suggested during a block, in Time Blocks', function () {
  this.timeout(2 * minuteOfFocus);
  const config = () => vscode.workspace.getConfiguration('leadDesk');
  let before: number | undefined;

  const settle = async () => {
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    await vscode.commands.executeCommand('leadDesk.endBreak');
  };

  /** Starts a block with Do Not Disturb held, and waits out the minute until the row shows. */
  const blockWithSuggestion = async (): Promise<{ blockId: string; row: Row }> => {
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 25, type: 'deepWork' });
    await waitFor('Do Not Disturb to be on for the block', async () => ((await inspect()).guards.find((g) => g.id === 'notifications')?.phase === 'engaged' ? true : undefined));
    const blockId = (await inspect()).state.block?.id;
    assert.ok(blockId, 'a block runs');
    assert.equal(await suggestionRow(), undefined, 'no suggestion before a minute of focus');
    const row = await waitFor('the break suggestion row', suggestionRow, minuteOfFocus);
    return { blockId, row };
  };

  beforeEach(async () => {
    await leadDeskExtension().activate();
    before = config().inspect<number>('focus.breakAfterMinutes')?.globalValue;
    await config().update('focus.breakAfterMinutes', 1, vscode.ConfigurationTarget.Global);
    await settle();
  });
  afterEach(async () => {
    await settle();
    await config().update('focus.breakAfterMinutes', before, vscode.ConfigurationTarget.Global);
  });

  it('shows "Break suggested" under the block; its click takes the break and the row goes', async () => {
    const { row } = await blockWithSuggestion();
    assert.match(row.label ?? '', /^Break suggested: you have focused for 1 min without a break$/);
    assert.equal(row.command, 'leadDesk.takeSuggestedBreak');
    const rows = (await inspect()).rows;
    assert.equal(rows.indexOf(rows.find((r) => r.contextValue === 'focusBreakSuggestion')!), 1, 'right under the running block');
    await vscode.commands.executeCommand(row.command);
    await waitFor('the row to go', async () => ((await suggestionRow()) === undefined ? true : undefined));
    const state = (await inspect()).state;
    assert.ok(state.break, 'the break runs');
    assert.equal(state.block, undefined);
  });

  it('dismissing the suggestion takes the row away and the block runs on', async () => {
    const restore = takeOfferedBreaks();
    try {
      const { blockId } = await blockWithSuggestion();
      await vscode.commands.executeCommand('leadDesk.dismissBreakSuggestion');
      await waitFor('the row to go', async () => ((await suggestionRow()) === undefined ? true : undefined));
      assert.equal((await inspect()).state.block?.id, blockId, 'the block goes on');
      // Ends with the break the block's end offers, so the next case starts a fresh stretch of focus.
      await inspect({ endInMs: 1_000 });
      await waitFor('the offered break', async () => ((await inspect()).state.break ? true : undefined));
    } finally {
      restore();
    }
  });

  it('the row goes when the block ends', async () => {
    const restore = takeOfferedBreaks();
    try {
      await blockWithSuggestion();
      await inspect({ endInMs: 1_000 });
      // The view is redrawn when the block's end is written, a moment after the clock passes it.
      await waitFor('the row to go with the block', async () => ((await suggestionRow()) === undefined ? true : undefined));
      assert.equal((await inspect()).state.block, undefined, 'the block ended');
    } finally {
      restore();
    }
  });
});
