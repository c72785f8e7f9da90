// The team's usual turnaround for Nudge Reviewers: measured from GitHub at most once a day (one
// GraphQL request for a team of up to fifteen), only when a nudge is first considered, and never
// per pull request. A failed measurement never blocks a nudge: the setting stands in, the log says
// why, and the next try waits a while so a broken network is not asked on every check.
import { ExpiringCache } from '../../core/expiringCache';
import type { Logger } from '../../core/logger';
import { settingTurnaround, turnaroundKey, type NudgeTurnaround } from '../../core/nudge/nudgeTurnaround';
import type { GitHubClient } from '../../github/client';
import type { TeamDirectory } from '../../github/delegation/teamDirectory';
import { usualTurnaround, type TurnaroundInputs } from '../team/usualTurnaround';
import { errorText } from '../../core/errorText';

const DAY_MS = 24 * 3600_000;
/** After a failed measurement, checks use the setting this long before GitHub is asked again. */
export const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

export interface TeamTurnaroundDeps {
  readonly client: () => Promise<GitHubClient>;
  /** Where leadDesk.githubTeam's members are read (cached there). */
  readonly teams: TeamDirectory;
  readonly inputs: () => TurnaroundInputs;
  readonly now: () => number;
  readonly log: Logger;
}

export class TeamTurnaround {
  private readonly cache: ExpiringCache<string, NudgeTurnaround>;
  private known: { readonly key: string; readonly value: NudgeTurnaround } | undefined;
  private failed: { readonly key: string; readonly at: number } | undefined;

  constructor(private readonly deps: TeamTurnaroundDeps) {
    this.cache = new ExpiringCache(DAY_MS, deps.now);
  }

  /** Today's figure without asking GitHub: the measured one once there is one, else the setting's. */
  peek(): NudgeTurnaround {
    const inputs = this.deps.inputs();
    const key = turnaroundKey(new Date(this.deps.now()), inputs);
    return this.known?.key === key ? this.known.value : settingTurnaround(inputs.settingHours);
  }

  /** Whether get() would ask GitHub now: nothing known for today and no recent failure. */
  get wouldMeasure(): boolean {
    const key = turnaroundKey(new Date(this.deps.now()), this.deps.inputs());
    return this.known?.key !== key && !this.failedRecently(key);
  }

  /** Today's figure, measuring it first if needed; never throws. */
  async get(): Promise<NudgeTurnaround> {
    const inputs = this.deps.inputs();
    const key = turnaroundKey(new Date(this.deps.now()), inputs);
    if (this.known?.key === key) return this.known.value;
    if (this.failedRecently(key)) return settingTurnaround(inputs.settingHours);
    try {
      const read = await this.cache.get(key, async () => {
        const measured = await usualTurnaround({ client: await this.deps.client(), teams: this.deps.teams, now: this.deps.now }, inputs);
        this.deps.log.info(
          measured.source === 'measured'
            ? `the team's usual review turnaround is ${measured.hours} working hours, the median of ${measured.reviewed} pull requests reviewed in the last 4 weeks`
            : `the team's usual review turnaround is leadDesk.update.reviewTurnaroundHours (${measured.hours} h): ${measured.reason === 'noTeam' ? 'neither leadDesk.team nor leadDesk.githubTeam names a team with members' : `only ${measured.reviewed} pull requests reviewed in the last 4 weeks`}`,
        );
        return { source: measured.source, hours: measured.hours };
      });
      this.known = { key, value: read.value };
      this.failed = undefined;
      return read.value;
    } catch (err) {
      this.failed = { key, at: this.deps.now() };
      const reason = errorText(err);
      this.deps.log.warn(`could not measure the team's usual review turnaround (${reason}); Nudge Reviewers compares with leadDesk.update.reviewTurnaroundHours (${inputs.settingHours} h) and tries again in ${RETRY_AFTER_FAILURE_MS / 60_000} min`);
      return settingTurnaround(inputs.settingHours);
    }
  }

  /** Forgets the figure, e.g. when the account changes. */
  clear(): void {
    this.cache.clear();
    this.deps.teams.clear();
    this.known = undefined;
    this.failed = undefined;
  }

  private failedRecently(key: string): boolean {
    return this.failed?.key === key && this.deps.now() - this.failed.at < RETRY_AFTER_FAILURE_MS;
  }
}
