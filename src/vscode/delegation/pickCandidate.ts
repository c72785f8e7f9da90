import { message, oneLine, pick } from '../../core/inertText';
import { showInfo, showWarning } from '../ui/notify';
import { pickOne } from '../ui/quickPick';
import type { CandidateRow } from '../../core/delegation/findCandidates';
import type { DelegationModel, ReadyState } from './delegationModel';
import { subjectLabel } from './delegationSubject';

export interface PickedCandidate {
  readonly state: ReadyState;
  readonly row: CandidateRow;
}

/**
 * The candidate a command acts on: the tree item it was invoked on, a `{ login }` or `{ id }`
 * argument (scripts, tests), or one the person picks from the current suggestions.
 */
export async function pickCandidate(model: DelegationModel, arg: unknown, title: string, filter: (row: CandidateRow) => boolean = () => true): Promise<PickedCandidate | undefined> {
  const state = model.state;
  if (state.kind !== 'ready' || state.rows.length === 0) {
    void showInfo(message`There are no suggestions yet. Select a pull request in the Review Queue, or run "Who Knows This File?".`);
    return undefined;
  }
  const wanted = argumentKey(arg);
  if (wanted) {
    const row = state.rows.find((r) => r.id === wanted.id || (wanted.login !== undefined && r.login?.toLowerCase() === wanted.login.toLowerCase()));
    if (row) return { state, row };
    void showWarning(wanted.login ? message`${wanted.login} is not among the current suggestions for ${subjectLabel(state.subject)}.` : message`That person is not among the current suggestions for ${subjectLabel(state.subject)}.`);
    return undefined;
  }
  const rows = state.rows.filter(filter);
  if (rows.length === 0) {
    void showInfo(message`None of the suggestions for ${subjectLabel(state.subject)} can be used for this.`);
    return undefined;
  }
  const picked = await pickOne(
    rows.map((row) => ({ label: pick`${row.name}`, ...(row.login ? { description: pick`@${row.login}` } : {}), detail: pick`${row.reason}`, value: row })),
    { title, placeHolder: oneLine(subjectLabel(state.subject)) },
  );
  return picked ? { state, row: picked } : undefined;
}

function argumentKey(arg: unknown): { id?: string; login?: string } | undefined {
  if (arg === null || typeof arg !== 'object') return typeof arg === 'string' && arg !== '' ? { login: arg.replace(/^@/, '') } : undefined;
  const a = arg as { kind?: unknown; row?: { id?: unknown }; id?: unknown; login?: unknown };
  if (a.kind === 'candidate' && a.row && typeof a.row.id === 'string') return { id: a.row.id };
  if (typeof a.login === 'string') return { login: a.login.replace(/^@/, '') };
  if (typeof a.id === 'string') return { id: a.id };
  return undefined;
}
