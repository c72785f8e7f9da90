import { formatOccurrenceTimes } from '../../../core/focus/upcoming';
import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { BlockEndNotices } from '../blockEndNotices';
import type { FocusModel } from '../focusModel';
import type { FocusStatusBar } from '../focusStatusBar';
import type { FocusTicker } from '../focusTicker';
import type { FocusTreeProvider } from '../focusTreeProvider';

/**
 * Hidden from the palette: returns what the focus status bar item shows right now (read from the
 * item itself) and the shared state behind it. The host tests read the countdown through it.
 */
export function inspectFocusCommand(model: FocusModel, statusBar: FocusStatusBar, ticker: FocusTicker, notices: Pick<BlockEndNotices, 'record' | 'hasParked'>, view: FocusTreeProvider): LeadDeskCommand {
  return {
    id: CommandId.inspectFocus,
    doing: 'inspect the focus block',
    async run(arg?: unknown) {
      // `{ restart: true }` does to the focus feature what a window reload does, to check that the
      // block lives in global storage rather than in this window's memory.
      if (arg && typeof arg === 'object' && (arg as { restart?: unknown }).restart === true) {
        await model.restart();
        ticker.reschedule();
      }
      // `{ endInMs: n }` moves the running block's end n ms ahead, so a test sees a block run out
      // (break offer, digest, guards released) without waiting out its minutes.
      const endInMs = arg && typeof arg === 'object' ? (arg as { endInMs?: unknown }).endInMs : undefined;
      if (typeof endInMs === 'number' && endInMs > 0 && endInMs <= 60_000 && model.block) {
        await model.coordinator.endAt(model.clock.now() + endInMs);
        ticker.reschedule();
      }
      const tooltip = statusBar.item.tooltip;
      return {
        windowId: model.windowId,
        isHolder: model.coordinator.isHolder(),
        statusBar: {
          text: statusBar.item.text,
          tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value,
          command: typeof statusBar.item.command === 'string' ? statusBar.item.command : statusBar.item.command?.command,
          writes: statusBar.writes,
        },
        ticks: ticker.ticks,
        state: model.state,
        upcoming: model.upcoming().map((r) => ({ label: r.occurrence.label, times: formatOccurrenceTimes(r.occurrence), now: r.now, once: r.plannedId !== undefined })),
        afterBlock: { record: [...notices.record], parked: notices.hasParked() },
        // The Time Blocks view's top rows, as its provider hands them to VS Code.
        rows: view.getChildren().map((node) => {
          const item = view.getTreeItem(node);
          return { id: item.id, label: typeof item.label === 'string' ? item.label : item.label?.label, description: item.description, contextValue: item.contextValue, command: item.command?.command };
        }),
        guards: model.guards().map((g) => ({ id: g.id, enabled: g.enabled, phase: g.record?.phase, summary: g.summary, warning: g.warning })),
      };
    },
  };
}
