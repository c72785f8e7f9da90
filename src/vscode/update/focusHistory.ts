import type * as vscode from 'vscode';
import type { FinishedBlock } from '../../core/focus/types';
import { FocusStoreKey } from '../../core/focus/sharedStore';
import { reviveFocusState } from '../../core/focus/storedFocusState';

/**
 * The finished focus blocks the focus feature keeps in global storage (two weeks of them), read
 * only: undefined when focus blocks were never used, so the draft leaves focus time out.
 */
export function focusHistory(globalState: vscode.Memento): () => readonly FinishedBlock[] | undefined {
  return () => {
    const raw = globalState.get<unknown>(FocusStoreKey.state);
    return raw === undefined ? undefined : reviveFocusState(raw).history;
  };
}
