import * as vscode from 'vscode';
import { message, pick, type InertText } from '../../core/inertText';
import { showInfo, showWarning } from '../ui/notify';
import { formatClock, formatDuration } from '../../core/focus/format';
import { focusTypeLabel } from '../../core/focus/types';
import type { GuardEvent } from '../../app/focus/guardOrchestrator';
import { guardCatalogue } from '../../core/focus/guardCatalogue';
import { guardFixes } from './guardFixes';
import { CommandId, ViewId } from '../ids';
import type { BlockEndNotice, BlockEndNotices } from './blockEndNotices';
import type { FocusModel, FocusModelEvent } from './focusModel';
import { t } from '../l10n';
import { errorText } from '../../core/errorText';

/**
 * What the user is told about focus blocks: the end of a block (with a break offer and today's
 * total), the digest of held review requests, a scheduled start they can skip, and guard problems
 * they can fix. Only problems the user must act on pop up; the rest shows in the tooltip and view.
 */
export function registerFocusMessages(model: FocusModel, notices: BlockEndNotices): vscode.Disposable {
  const explained = new Set<string>();
  const handle = (event: FocusModelEvent): void => {
    switch (event.kind) {
      case 'blockEnded':
        notices.add(breakNotice(model, event.block.focusedMs, focusTypeLabel[event.block.type]));
        return;
      case 'digest': {
        const n = event.held.length;
        const openQueue = () => void vscode.commands.executeCommand(`${ViewId.queue}.focus`);
        notices.add({
          show: () =>
            void showInfo(message`${n} review request${n === 1 ? '' : 's'} arrived during your block.`, 'Open Queue').then((choice) => {
              if (choice) openQueue();
            }),
          label: pick`$(git-pull-request) ${n} review request${n === 1 ? '' : 's'} arrived during your block: open the queue`,
          pick: openQueue,
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
        const end = t('End at {0}', formatClock(event.meeting.start));
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
        guardEvent(event.event, explained, notices);
        return;
    }
  };
  return model.onEvent(handle);
}

/** The end of a completed block: its figures, and a break unless breaks are off. */
function breakNotice(model: FocusModel, focusedMs: number, type: string): BlockEndNotice {
  const minutes = model.settings.breakMinutes;
  const text = message`Focus block done: ${formatDuration(focusedMs)} of ${type}. Today: ${formatDuration(model.todaysTotalMs())} of focus.`;
  const take = `Take a ${minutes}-Minute Break`;
  const answer = async (choice: string | undefined) => {
    try {
      if (choice === take) await model.coordinator.acceptBreak(minutes);
      else if (choice === 'Skip Break') await model.coordinator.declineBreak();
    } catch (err) {
      // The offer went stale (a new block started meanwhile): nothing to do.
      model.log.debug(`break answer ignored: ${errorText(err)}`);
    }
  };
  if (minutes <= 0) return { show: () => void showInfo(text), label: pick`$(pass) ${text.value}`, pick: () => undefined };
  return {
    show: () => {
      model.log.info('offering a break after the block');
      void showInfo(text, take, 'Skip Break').then(answer);
    },
    label: pick`$(coffee) ${take} (${formatDuration(focusedMs)} of ${type} done)`,
    pick: () => void answer(take),
  };
}

/** Problems only the user can fix get one explanation per guard and kind, per window session. */
function guardEvent(event: GuardEvent, explained: Set<string>, notices: BlockEndNotices): void {
  if (event.kind === 'gaveUp') {
    const text = message`Lead Desk could not put back your ${event.guard.label} after the focus block (${event.record.failure?.message ?? t('unknown error')}). Please set it again yourself.`;
    notices.add({ show: () => void showWarning(text), label: pick`$(warning) ${text.value}`, pick: () => void showWarning(text) });
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
        ? message`Showing you as Busy on GitHub needs the 'user' scope, because changing your status is only allowed with it. Lead Desk uses it for nothing else, and leaves Busy off until you sign in again with it.`
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
  // During a block this waits for its end: the status-bar tooltip and the Focus view say it meanwhile.
  const show = () =>
    void showWarning(text, ...actions.map((a) => a.title), turnOff).then(async (choice) => {
      if (choice === turnOff) {
        await vscode.workspace.getConfiguration('leadDesk').update(guardCatalogue[event.guard.id].setting, false, vscode.ConfigurationTarget.Global);
        return;
      }
      const action = actions.find((a) => a.title === choice);
      if (action) await vscode.commands.executeCommand(action.command);
    });
  notices.add({ show, label: pick`$(warning) ${event.guard.label}: ${text.value}`, pick: show });
}
