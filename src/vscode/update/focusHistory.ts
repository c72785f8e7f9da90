import type { FinishedBlock } from '../../core/focus/types';
import { FocusStoreKey, type SharedStore } from '../../core/focus/sharedStore';
import { reviveFocusState } from '../../core/focus/storedFocusState';

/**
 * The finished focus blocks the focus feature keeps in its store (two weeks of them), read
 * only: undefined when focus blocks were never used, so the draft leaves focus time out.
 */
export function focusHistory(store: Pick<SharedStore, 'get'>): () => readonly FinishedBlock[] | undefined {
  return () => {
    const raw = store.get<unknown>(FocusStoreKey.state);
    return raw === undefined ? undefined : reviveFocusState(raw).history;
  };
}
