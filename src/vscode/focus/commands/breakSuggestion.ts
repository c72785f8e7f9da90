import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { BlockEndNotices } from '../blockEndNotices';

type Suggestions = Pick<BlockEndNotices, 'suggestion' | 'take' | 'dismiss'>;

/** A command on the Time Blocks row of the break suggested during the block; nothing to do once it is gone. */
function onSuggestion(id: CommandId, doing: string, act: (notices: Suggestions, suggestion: NonNullable<ReturnType<Suggestions['suggestion']>>) => void) {
  return (notices: Suggestions): LeadDeskCommand => ({
    id,
    doing,
    run() {
      const suggestion = notices.suggestion();
      if (suggestion) act(notices, suggestion);
      return Promise.resolve();
    },
  });
}

/** The row's click: takes the suggested break. */
export const takeSuggestedBreakCommand = onSuggestion(CommandId.takeSuggestedBreak, 'take the suggested break', (notices, s) => notices.take(s));

/** The row's ×: drops the suggestion; the block goes on. */
export const dismissBreakSuggestionCommand = onSuggestion(CommandId.dismissBreakSuggestion, 'dismiss the break suggestion', (notices, s) => notices.dismiss(s));
