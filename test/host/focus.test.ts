import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, hostEnv, leadDeskExtension, leadDeskLogText, sandboxRequests, waitFor, type LoggedRequest } from './hostEnv';

/** What `leadDesk.inspectFocus` returns: the status bar item's own text, and the state behind it. */
interface FocusInspection {
  windowId: string;
  isHolder: boolean;
  statusBar: { text: string; tooltip?: string; command?: string; writes: number };
  ticks: number;
  state: {
    block?: { id: string; type: string; endsAt: number; pausedAt?: number; label?: string };
    history: Array<{ id: string; outcome: string }>;
  };
  guards: Array<{ id: string; enabled: boolean; phase?: string; summary: string; warning?: string }>;
}

const inspect = async (arg?: unknown): Promise<FocusInspection> => {
  const result = await vscode.commands.executeCommand<FocusInspection | undefined>('leadDesk.inspectFocus', arg);
  assert.ok(result, 'leadDesk.inspectFocus returned nothing');
  return result;
};

/** "$(clock) 24:58 · Deep work" → seconds left. */
function secondsLeft(text: string): number {
  const m = /^\$\((?:clock|debug-pause)\) (?:(\d+):)?(\d+):(\d\d) · /.exec(text);
  assert.ok(m, `not a countdown: ${text}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

describe('focus blocks', () => {
  before(async () => {
    await leadDeskExtension().activate();
    // A block left over from an earlier run of the suite would change what the tests see.
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });

  after(async () => {
    if ((await inspect()).state.block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    await vscode.workspace.getConfiguration('leadDesk').update('focus.githubStatus.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows "$(target) Focus" when idle, and starts a block on click', async () => {
    const idle = await inspect();
    assert.equal(idle.statusBar.text, '$(target) Focus');
    assert.equal(idle.statusBar.command, 'leadDesk.startFocusBlock');
  });

  it('counts down in the status bar, once a second', async () => {
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 25, type: 'deepWork' });
    const first = await inspect();
    assert.match(first.statusBar.text, /^\$\(clock\) 2[45]:\d\d · Deep work$/);
    assert.equal(first.statusBar.command, 'leadDesk.showFocusMenu');
    const startedAt = Date.now();
    const later = await waitFor('the countdown to move on by 3 seconds', async () => {
      const i = await inspect();
      return secondsLeft(first.statusBar.text) - secondsLeft(i.statusBar.text) >= 3 ? i : undefined;
    }, 30_000);
    const wallSeconds = (Date.now() - startedAt) / 1000;
    const elapsed = secondsLeft(first.statusBar.text) - secondsLeft(later.statusBar.text);
    // A busy host can only make the text lag behind the clock, never run ahead of it.
    assert.ok(elapsed <= Math.ceil(wallSeconds) + 1, `the countdown moved ${elapsed} s in ${wallSeconds.toFixed(1)} s (${first.statusBar.text} → ${later.statusBar.text})`);
    const writes = later.statusBar.writes - first.statusBar.writes;
    assert.ok(writes >= 1 && writes <= elapsed + 1, `${writes} status bar writes while the countdown moved ${elapsed} s: one per second, not more`);
    assert.match(later.statusBar.tooltip ?? '', /Deep work[\s\S]*Until \d\d:\d\d/);
  });

  it('keeps the running block in a file of its own in global storage, which every window of the profile reads', async () => {
    const { state } = await inspect();
    assert.ok(state.block, 'the block from the test before is running');
    assert.ok(hostEnv.userDataDir, 'LEAD_DESK_USER_DATA_DIR is not set');
    const file = path.join(hostEnv.userDataDir, 'User', 'globalStorage', extensionId, 'shared', 'leadDesk.focus.state.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { block?: { id?: string; endsAt?: number } };
    assert.equal(stored.block?.id, state.block.id);
    assert.equal(stored.block?.endsAt, state.block.endsAt);
  });

  it('pauses, extends, resumes and stops through the commands', async () => {
    await vscode.commands.executeCommand('leadDesk.pauseFocusBlock');
    const paused = await inspect();
    assert.match(paused.statusBar.text, /^\$\(debug-pause\) /);
    // The text of a paused block is the time left when it was paused, whatever the clock says now.
    const pausedBlock = paused.state.block!;
    assert.ok(pausedBlock.pausedAt !== undefined, 'the block records when it was paused');
    assert.equal(secondsLeft(paused.statusBar.text), Math.ceil((pausedBlock.endsAt - pausedBlock.pausedAt) / 1000), 'a paused block does not count down');

    await vscode.commands.executeCommand('leadDesk.extendFocusBlock');
    const extended = await inspect();
    assert.equal(secondsLeft(extended.statusBar.text) - secondsLeft(paused.statusBar.text), 15 * 60);

    await vscode.commands.executeCommand('leadDesk.resumeFocusBlock');
    const resumed = await inspect();
    assert.match(resumed.statusBar.text, /^\$\(clock\) (39|40):\d\d · Deep work$/);

    await vscode.commands.executeCommand('leadDesk.switchFocusType', { type: 'planning' });
    assert.match((await inspect()).statusBar.text, / · Planning$/);

    const id = resumed.state.block!.id;
    await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    const stopped = await inspect();
    assert.equal(stopped.statusBar.text, '$(target) Focus');
    assert.equal(stopped.state.block, undefined);
    assert.deepEqual(stopped.state.history.filter((b) => b.id === id).map((b) => b.outcome), ['stopped']);
  });

  it('sets the GitHub status to Busy once, and clears it once, when that guard is on', async () => {
    await vscode.workspace.getConfiguration('leadDesk').update('focus.githubStatus.enabled', true, vscode.ConfigurationTarget.Global);
    const isChange = (r: LoggedRequest) => (r as LoggedRequest & { graphqlOperation?: string }).graphqlOperation === 'LeadDeskChangeUserStatus';
    const before = (await sandboxRequests()).filter(isChange).length;
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 25, type: 'deepWork' });
    // GitHub calls share Octokit's one-per-second spacing of GraphQL requests, so the guard can
    // wait behind requests that earlier tests left queued.
    const engaged = await waitFor('the GitHub guard to engage', async () => {
      const i = await inspect();
      return i.guards.find((g) => g.id === 'githubStatus' && g.phase === 'engaged') ? i : undefined;
    }, 30_000);
    assert.match(engaged.guards.find((g) => g.id === 'githubStatus')!.summary, /Busy: "Focusing until \d\d:\d\d"/);
    await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    await waitFor('the GitHub guard to restore', async () => ((await inspect()).guards.find((g) => g.id === 'githubStatus')?.phase === 'released' ? true : undefined), 30_000).catch(async (err: unknown) => {
      const i = await inspect();
      const log = (await leadDeskLogText().catch(() => ({ text: '' }))).text.split('\n').filter((l) => l.includes('[focus]')).slice(-15).join('\n');
      throw new Error(`${err instanceof Error ? err.message : String(err)}; guards: ${JSON.stringify(i.guards)}; holder: ${i.isHolder}; block: ${JSON.stringify(i.state.block)}\n${log}`);
    });
    // The guard is released once GitHub has answered the clearing write; the sandbox may log it a moment later.
    const changes = await waitFor('both status writes in the sandbox log', async () => {
      const n = (await sandboxRequests()).filter(isChange).length - before;
      return n >= 2 ? n : undefined;
    }, 30_000);
    assert.equal(changes, 2, 'one changeUserStatus to set Busy, one to clear it');
  });

  // Last: the simulated reload swaps this window's focus participant, which the tests above need not see.
  it('keeps a running block across a reload of the window', async () => {
    await vscode.commands.executeCommand('leadDesk.startFocusBlock', { minutes: 50, type: 'review', label: 'Release notes' });
    const before = await inspect();
    const after = await inspect({ restart: true });
    assert.notEqual(after.windowId, before.windowId, 'a new participant, as after a reload');
    assert.equal(after.state.block?.id, before.state.block?.id);
    assert.equal(after.state.block?.endsAt, before.state.block?.endsAt);
    assert.match(after.statusBar.text, /^\$\(clock\) (49|50):\d\d · Review$/);
    await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
  });
});
