import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { icsCalendar, icsEvent } from '../sandbox/calendar/icsText.mjs';
import { leadDeskExtension, leadDeskLogText, waitFor } from './hostEnv';

interface FocusInspection {
  state: { block?: { type: string; endsAt: number } };
}
const inspectFocus = async () => (await vscode.commands.executeCommand<FocusInspection>('leadDesk.inspectFocus')).state;

describe('calendar (a local .ics file) and Find Focus Time', () => {
  const config = () => vscode.workspace.getConfiguration('leadDesk');
  const settings: Array<[string, unknown]> = [];
  let dir: string;
  let meetingStart: number;

  async function set(key: string, value: unknown): Promise<void> {
    settings.push([key, undefined]);
    await config().update(key, value, vscode.ConfigurationTarget.Global);
  }

  before(async () => {
    await leadDeskExtension().activate();
    if ((await inspectFocus()).block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    dir = await mkdtemp(path.join(tmpdir(), 'lead-desk-host-calendar-'));
    const now = Date.now();
    // An hour from now, or just before the working day set below ends (23:59), whichever comes
    // first: a meeting after midnight would leave the day's end, not the meeting, to end the slot.
    const lastMinuteToday = new Date(now).setHours(23, 58, 0, 0);
    meetingStart = Math.min(Math.ceil((now + 60 * 60_000) / 60_000) * 60_000, lastMinuteToday);
    const file = path.join(dir, 'host-work.ics');
    await writeFile(
      file,
      icsCalendar('Host test', [
        icsEvent({ uid: 'busy@host', title: 'Sync $(zap) [run](command:workbench.action.reloadWindow)', start: meetingStart, end: meetingStart + 30 * 60_000 }),
        icsEvent({ uid: 'declined@host', title: 'Declined call', start: now + 10 * 60_000, end: now + 20 * 60_000, extra: ['ATTENDEE;PARTSTAT=DECLINED:mailto:lee@acme.example'] }),
      ]),
    );
    // Every hour of every day is working time here, so a slot is open whenever the suite runs.
    await set('workingHours', { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' });
    await set('calendar.focusSlotMinutes', 15);
    await set('calendar.myEmails', ['lee@acme.example']);
    await set('calendar.files', [file]);
  });

  after(async () => {
    if ((await inspectFocus()).block) await vscode.commands.executeCommand('leadDesk.stopFocusBlock');
    for (const [key] of settings) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the separate parser bundle in the real host and reads the file', async () => {
    await vscode.commands.executeCommand('leadDesk.refreshCalendar');
    const line = await waitFor('the calendar refresh in the log', async () => {
      const { text } = await leadDeskLogText();
      return /\[calendar\] Calendar "host-work\.ics": (\d+) occurrences[^\n]*, (on a worker thread|on the host's thread)/.exec(text) ?? undefined;
    });
    assert.equal(line[1], '2');
    // The real extension host can start the parser bundle as a worker, so a big feed never holds it.
    assert.equal(line[2], 'on a worker thread');
  });

  it('Find Focus Time starts a deep-work block that ends when the next meeting starts (the declined call does not count)', async () => {
    void vscode.commands.executeCommand('leadDesk.findFocusTime');
    // The first slot is "now until the meeting": accepting it starts the block.
    const block = await waitFor('a focus block started from the picker', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return (await inspectFocus()).block;
    });
    assert.equal(block.type, 'deepWork');
    // Minutes are whole, counted from when the slot was chosen: the block ends within a minute before the meeting.
    assert.ok(block.endsAt <= meetingStart && block.endsAt > meetingStart - 2 * 60_000, `ends ${new Date(block.endsAt).toISOString()}, meeting at ${new Date(meetingStart).toISOString()}`);
  });
});
