import { todaySummary } from '../../core/focus/format';
import { NodeTreeProvider } from '../tree/nodeTreeProvider';
import { TreeModel } from '../tree/treeModel';
import type { TreeNode } from '../tree/treeNode';
import type { InertText } from '../../core/inertText';
import { anyEvent } from '../tree/anyEvent';
import type { BlockEndNotices } from './blockEndNotices';
import { breakSuggestionNode, CurrentNode, FinishedNode, GuardNode, idleNode, noScheduleNode, OccurrenceNode, SectionNode } from './focusNodes';
import type { FocusModel } from './focusModel';
import { t } from '../l10n';

/** What the Focus view reads from the focus model. */
type FocusSource = Pick<FocusModel, 'state' | 'settings' | 'todaysBlocks' | 'todaysTotalMs' | 'upcoming' | 'scheduleNote' | 'guards' | 'clock'>;

function isEmpty(model: FocusSource): boolean {
  const state = model.state;
  return !state.block && !state.break && model.todaysBlocks().length === 0 && model.settings.schedule.length === 0 && model.upcoming(1).length === 0 && !model.guards().some((g) => g.warning);
}

/**
 * The Focus view: the current block, today's blocks and total, upcoming scheduled blocks and each
 * guard's state, and under the block a break suggested during it. With nothing to show it stays
 * empty, so the view's welcome text appears.
 */
export function focusNodes(model: FocusSource, breakSuggestion?: InertText<'tree'>): TreeNode[] {
  if (isEmpty(model)) return [];
  const now = () => model.clock.now();
  const { block, break: brk } = model.state;
  const blocks = model.todaysBlocks();
  const upcoming = model.upcoming(5);
  const guards = model.guards();
  const warnings = guards.filter((g) => g.warning).length;
  return [
    block || brk ? new CurrentNode(block, brk, now) : idleNode(),
    ...(block && breakSuggestion ? [breakSuggestionNode(breakSuggestion)] : []),
    new SectionNode(
      'today',
      blocks.map((b) => new FinishedNode(b)),
      todaySummary(blocks, model.todaysTotalMs()),
    ),
    new SectionNode('upcoming', upcoming.length ? upcoming.map((row) => new OccurrenceNode(row, model.scheduleNote(row.occurrence.id))) : [noScheduleNode()], undefined),
    new SectionNode(
      'guards',
      guards.map((g) => new GuardNode(g)),
      warnings === 0 ? undefined : warnings === 1 ? t('{0} needs attention', warnings) : t('{0} need attention', warnings),
    ),
  ];
}

/** Renders the focus model; it never fetches. */
export class FocusTreeProvider extends NodeTreeProvider {
  constructor(model: FocusModel, notices: Pick<BlockEndNotices, 'suggestion' | 'onDidChangeParked'>) {
    super(new TreeModel(() => focusNodes(model, notices.suggestion()?.row), anyEvent(model.onDidChange, notices.onDidChangeParked)));
  }
}
