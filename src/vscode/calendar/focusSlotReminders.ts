import * as vscode from 'vscode';
import { message } from '../../core/inertText';
import { format } from 'date-fns';
import { minutesLeft } from '../../core/calendar/slotText';
import type { FreeSlot } from '../../core/calendar/freeSlots';
import { CommandId } from '../ids';
import { showInfo } from '../ui/notify';

// A reminder in this window at a slot's start, with one button that starts a block. Find Focus
// Time no longer uses it: a later slot becomes a saved focus block (shared by every window, kept
// across reloads), so this is only kept until the calendar feature stops creating it.
export class FocusSlotReminders implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Sets a reminder for the slot's start; false when one is already set for it. */
  remind(slot: FreeSlot): boolean {
    const key = `${slot.start}-${slot.end}`;
    if (this.timers.has(key)) return false;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.fire(slot);
    }, Math.max(0, slot.start - Date.now()));
    this.timers.set(key, timer);
    return true;
  }

  private async fire(slot: FreeSlot): Promise<void> {
    const minutes = minutesLeft(slot, Date.now());
    if (minutes < 5) return;
    const choice = await showInfo(message`Your free time for deep work starts now, until ${format(slot.end, 'HH:mm')}.`, 'Start Focus Block');
    if (choice) await vscode.commands.executeCommand(CommandId.startFocusBlock, { minutes: minutesLeft(slot, Date.now()), type: 'deepWork' });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
