import type { LeadDeskCommand } from '../../commands/command';
import { CommandId } from '../../ids';
import type { BlockEndNotices } from '../blockEndNotices';

type Suggestions = Pick<BlockEndNotices, 'suggestion' | 'take' | 'dismiss'>;

/** The Time Blocks row's click: takes the break suggested during the block. */
export function takeSuggestedBreakCommand(notices: Suggestions): LeadDeskCommand {
  return {
    id: CommandId.takeSuggestedBreak,
    doing: 'take the suggested break',
    run() {
      const suggestion = notices.suggestion();
      if (suggestion) notices.take(suggestion);
      return Promise.resolve();
    },
  };
}

/** The Time Blocks row's ×: drops the suggestion; the block goes on. */
export function dismissBreakSuggestionCommand(notices: Suggestions): LeadDeskCommand {
  return {
    id: CommandId.dismissBreakSuggestion,
    doing: 'dismiss the break suggestion',
    run() {
      const suggestion = notices.suggestion();
      if (suggestion) notices.dismiss(suggestion);
      return Promise.resolve();
    },
  };
}
