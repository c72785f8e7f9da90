import * as vscode from 'vscode';
import { message, pick } from '../../../core/inertText';
import { t } from '../../l10n';
import { findFreeSlots, type FreeSlot } from '../../../core/calendar/freeSlots';
import { describeFeedStatus } from '../../../core/calendar/feedStatus';
import { minutesLeft, slotDayAndTimes, slotLength } from '../../../core/calendar/slotText';
import type { WorkingHours } from '../../../core/workingHours';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import { showInfo } from '../../ui/notify';
import { pickOne } from '../../ui/quickPick';
import type { CalendarModel } from '../calendarModel';

export interface FindFocusTimeDeps {
  readonly model: CalendarModel;
  readonly workingTime: () => WorkingHours;
  readonly slotMinutes: () => number;
}

/** Whole minutes a focus block may last (the focus commands accept up to 8 hours). */
const maxBlockMinutes = 480;

/**
 * Lead Desk: Find Focus Time. Lists the free slots of at least N minutes in working hours, today
 * and the rest of the week; a slot that has begun starts a deep-work block until its end, a later
 * one is scheduled as a block that starts at the slot's start.
 */
export function findFocusTimeCommand(deps: FindFocusTimeDeps): LeadDeskCommand {
  return {
    id: CommandId.findFocusTime,
    doing: 'find focus time',
    async run() {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Reading calendars') }, () => deps.model.refresh());
      const now = Date.now();
      const minMinutes = deps.slotMinutes();
      const meetings = deps.model.meetingsBetween(now - 86_400_000, now + 8 * 86_400_000);
      const slots = findFreeSlots({ now, meetings, workingTime: deps.workingTime(), minMinutes });
      const statuses = deps.model.statuses();
      const calendarNote = statuses.length === 0 ? t('No calendar added: only working hours are considered.') : statuses.filter((s) => s.health !== 'ok').map((s) => describeFeedStatus(s, now)).join('; ');
      if (slots.length === 0) {
        void showInfo(message`No free slot of ${minMinutes} minutes or more in working hours for the rest of this week. ${calendarNote}`);
        return;
      }
      const items = slots.map((slot) => ({
        label: pick`$(calendar) ${slotDayAndTimes(slot, now)}`,
        description: slot.start <= now ? pick`${slotLength(slot)}, free now` : pick`${slotLength(slot)}`,
        ...(slot.before ? { detail: slot.before.title ? pick`until ${slot.before.title}` : pick`until a meeting` } : {}),
        value: slot,
      }));
      const slot = await pickOne(items, {
        title: t('Find Focus Time: free slots of {0} min or more', minMinutes),
        placeHolder: calendarNote || t('Pick a slot to start a focus block in it, now or when it begins'),
        matchOnDetail: true,
      });
      if (slot) await useSlot(slot);
    },
  };
}

/** A slot that has begun starts a block now; a later one is saved, and the schedule starts it at its time. */
async function useSlot(slot: FreeSlot): Promise<void> {
  const now = Date.now();
  const minutes = Math.min(maxBlockMinutes, minutesLeft(slot, now));
  if (slot.start <= now) {
    await vscode.commands.executeCommand(CommandId.startFocusBlock, { minutes, type: 'deepWork' });
    return;
  }
  await vscode.commands.executeCommand(CommandId.startFocusBlock, { minutes, type: 'deepWork', label: t('Focus time'), startsAt: slot.start });
}
