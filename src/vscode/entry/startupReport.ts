import type * as vscode from 'vscode';
import type { QueueFace } from './startupFace';

/** What start-up put in place, for the host tests and bug reports (Inspect Start-up). */
export interface StartupReport {
  /** Whether dist/features.js has been loaded and its features registered. */
  readonly featuresLoaded: boolean;
  /** Why the features loaded at start-up, if they did. */
  readonly loadedAtStartupBecause?: string;
  /** The stand-in focus item, while it is shown. */
  readonly focusStatus?: { readonly text: string; readonly command?: string; readonly tooltip?: string; readonly name?: string };
  /** The review queue's badge and status-bar count the entry shows from the stored face, while it does. */
  readonly queueFace?: QueueFace;
  /** The face stored now (as the entry would read it at the next start-up), written by the queue feature. */
  readonly storedQueueFace?: QueueFace;
  /** Tree views that have an empty stand-in (their welcome content shows) until the features load. */
  readonly treeStandIns: readonly string[];
  readonly webviewStandIns: readonly string[];
  /** Declared commands without a handler; once the features are loaded, a non-empty list is a bug. */
  readonly unhandledCommands: readonly string[];
}

export function describeFocusItem(item: vscode.StatusBarItem | undefined): StartupReport['focusStatus'] {
  if (!item) return undefined;
  const tooltip = item.tooltip;
  return {
    text: item.text,
    command: typeof item.command === 'string' ? item.command : item.command?.command,
    tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value,
    name: item.name,
  };
}
