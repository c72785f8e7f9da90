// Adds a pull request while the sandbox runs, as if someone had just opened it, so that a test can
// make a review request appear between two refreshes (the first load of a queue reports none as new).
import type { Scenario, ScenarioPull } from '../scenarios/scenario';
import { buildState } from './buildState';
import type { PullRecord, SandboxState } from './records';

export class AddPullError extends Error {
  override readonly name = 'AddPullError';
}

/**
 * Builds `pull` exactly as the scenario's own pull requests are built (same checks, defaults and
 * relative dates), then gives it ids the running state has not used.
 */
export function addPull(state: SandboxState, scenario: Scenario, pull: ScenarioPull, now: Date): PullRecord {
  if (!pull || typeof pull.repo !== 'string' || typeof pull.number !== 'number' || typeof pull.title !== 'string' || !Array.isArray(pull.files)) {
    throw new AddPullError('A pull request needs repo, number, title, author, createdAt and files, as in a scenario.');
  }
  const key = `${pull.repo}#${pull.number}`.toLowerCase();
  if (state.pulls.some((p) => `${p.repo}#${p.number}`.toLowerCase() === key)) throw new AddPullError(`${pull.repo}#${pull.number} exists already.`);
  let built: SandboxState;
  try {
    built = buildState({ ...scenario, pullRequests: [...scenario.pullRequests, pull] }, now);
  } catch (err) {
    throw new AddPullError(err instanceof Error ? err.message : String(err));
  }
  const record = built.pulls[built.pulls.length - 1];
  record.id = Math.max(0, ...state.pulls.map((p) => p.id)) + 1;
  for (const item of [...record.reviews, ...record.comments, ...record.timeline]) item.id = state.nextId++;
  state.pulls.push(record);
  return record;
}
