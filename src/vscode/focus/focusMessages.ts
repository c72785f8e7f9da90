import * as vscode from 'vscode';
import { message, type InertText } from '../../core/inertText';
import { showInfo, showWarning } from '../ui/notify';
import { formatClock, formatDuration } from '../../core/focus/format';
import { focusTypeLabel } from '../../core/focus/types';
import type { GuardEvent } from '../../app/focus/guardOrchestrator';
import { guardCatalogue } from '../../core/focus/guardCatalogue';
import { guardFixes } from './guardFixes';
import { CommandId, ViewId } from '../ids';
import type { FocusModel, FocusModelEvent } from './focusModel';

/**
 * What the user is told about focus blocks: the end of a block (with a break offer and today's
 * total), the digest of held review requests, a scheduled start they can skip, and guard problems
 * they can fix. Only problems the user must act on pop up; the rest shows in the tooltip and view.
 */
export function registerFocusMessages(model: FocusModel): vscode.Disposable {
  const explained = new Set<string>();
  const handle = (event: FocusModelEvent): void => {
    switch (event.kind) {
      case 'blockEnded':
        void blockEnded(model, event.block.focusedMs, focusTypeLabel[event.block.type]);
        return;
      case 'digest': {
        const n = event.held.length;
        void showInfo(message`${n} review request${n === 1 ? '' : 's'} arrived during your block.`, 'Open Queue').then((choice) => {
          if (choice) void vscode.commands.executeCommand(`${ViewId.queue}.focus`);
        });
        return;
      }
      case 'scheduledStart':
        void showInfo(
          event.after
            ? message`Starting ${event.occurrence.label} until ${formatClock(event.block.endsAt)}, after ${event.after.title}.`
            : message`Starting ${event.occurrence.label} until ${formatClock(event.block.endsAt)}.`,
          'Skip',
        ).then((choice) => {
          if (choice === 'Skip') void model.coordinator.cancel(event.block.id).catch((err: unknown) => model.log.warn(`could not skip the block: ${String(err)}`));
        });
        return;
      case 'scheduledDelayed':
        void showInfo(message`${event.occurrence.label} starts at ${formatClock(event.until)}, when ${event.meeting.title} ends.`);
        return;
      case 'scheduledSkipped':
        void showInfo(message`Skipped ${event.occurrence.label}: ${event.meeting.title} leaves only ${formatDuration(event.leftMs)} of it.`);
        return;
      case 'meetingSoon': {
        const end = `End at ${formatClock(event.meeting.start)}`;
        void showInfo(message`${event.meeting.title} starts at ${formatClock(event.meeting.start)}.`, end).then((choice) => {
          if (choice === end) void model.coordinator.endAt(event.meeting.start).catch((err: unknown) => model.log.warn(`could not end the block at the meeting: ${String(err)}`));
        });
        return;
      }
      case 'breakEnded':
        void showInfo(message`Your break is over.`, 'Start a Focus Block').then((choice) => {
          if (choice) void vscode.commands.executeCommand(CommandId.startFocusBlock);
        });
        return;
      case 'guard':
        guardEvent(event.event, explained);
        return;
    }
  };
  return model.onEvent(handle);
}

async function blockEnded(model: FocusModel, focusedMs: number, type: string): Promise<void> {
  const minutes = model.settings.breakMinutes;
  const text = message`Focus block done: ${formatDuration(focusedMs)} of ${type}. Today: ${formatDuration(model.todaysTotalMs())} of focus.`;
  if (minutes <= 0) {
    void showInfo(text);
    return;
  }
  const take = `Take a ${minutes}-Minute Break`;
  const choice = await showInfo(text, take, 'Skip Break');
  try {
    if (choice === take) await model.coordinator.acceptBreak(minutes);
    else if (choice === 'Skip Break') await model.coordinator.declineBreak();
  } catch (err) {
    // The offer went stale (a new block started meanwhile): nothing to do.
    model.log.debug(`break answer ignored: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Problems only the user can fix get one explanation per guard and kind, per window session. */
function guardEvent(event: GuardEvent, explained: Set<string>): void {
  if (event.kind === 'gaveUp') {
    void showWarning(
      message`Lead Desk could not put back your ${event.guard.label} after the focus block (${event.record.failure?.message ?? 'unknown error'}). Please set it again yourself.`,
    );
    return;
  }
  if (event.kind !== 'failed' || !event.error.needsUser) return;
  const key = `${event.guard.id}:${event.error.kind}`;
  if (explained.has(key)) return;
  explained.add(key);
  const turnOff = 'Turn Off';
  const actions = guardFixes(event.guard.id, event.error.kind);
  let text: InertText<'message'>;
  switch (event.guard.id) {
    case 'githubStatus':
      text = event.error.kind === 'missingScope'
        ? message`Showing you as Busy on GitHub needs the 'user' scope, because changing your status is only allowed with it. Lead Desk uses it for nothing else. The block goes on without it.`
        : message`${event.error.message} The block goes on; your GitHub status is set once you sign in.`;
      break;
    case 'slack':
      text = event.error.kind === 'notConnected'
        ? message`Snoozing Slack during focus blocks needs a Slack connection. The block goes on without it.`
        : message`${event.error.message} Connect Slack again with a token that has dnd:read, dnd:write, users.profile:read and users.profile:write.`;
      break;
    case 'notifications':
      text = message`${event.error.message}`;
      break;
  }
  void showWarning(text, ...actions.map((a) => a.title), turnOff).then(async (choice) => {
    if (choice === turnOff) {
      await vscode.workspace.getConfiguration('leadDesk').update(guardCatalogue[event.guard.id].setting, false, vscode.ConfigurationTarget.Global);
      return;
    }
    const action = actions.find((a) => a.title === choice);
    if (action) await vscode.commands.executeCommand(action.command);
  });
}
