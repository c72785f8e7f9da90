import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { pulseTrend, trendDirection, type PulseRecord, type TrendPoint } from '../../core/pulse/pulseHistory';
import type { PulseOption } from '../../core/pulse/pulseSettings';
import type { TeamOverview } from '../../app/pulse/teamOverview';
import { errorText } from '../../core/errorText';
import { SharedLookup } from '../../core/sharedLookup';

export type TeamPart = TeamOverview | { readonly kind: 'loading' } | { readonly kind: 'problem'; readonly message: string };

export interface TeamViewState {
  readonly trend: readonly TrendPoint[];
  readonly direction: 'up' | 'down' | 'steady' | undefined;
  /** Why the answers could not be read just now (Slack not connected, a Slack error). */
  readonly pulseNote: string | undefined;
  readonly team: TeamPart;
}

export interface TeamModelDeps {
  readonly overview: () => Promise<TeamOverview>;
  /** Reads the answers of recent pulses into the store. */
  readonly readAnswers: () => Promise<void>;
  readonly records: () => readonly PulseRecord[];
  readonly options: () => readonly PulseOption[];
  readonly now: () => number;
  /** A failure as one line for the view. */
  readonly describe: (err: unknown, doing: string) => string;
  readonly log: Logger;
}

/** The Team view's state. Fetches only while the view is visible or when asked; views only render it. */
export class TeamModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TeamViewState>();
  readonly onDidChange = this.emitter.event;
  private team: TeamPart = { kind: 'loading' };
  private pulseNote: string | undefined;
  private visible = false;
  private loaded = false;
  /** One load at a time; a refresh asked for during one gets one more after it (see refresh). */
  private readonly loads = new SharedLookup(() => this.load());

  constructor(private readonly deps: TeamModelDeps) {}

  get state(): TeamViewState {
    const trend = pulseTrend(this.deps.records(), this.deps.options(), this.deps.now());
    return { trend, direction: trendDirection(trend), pulseNote: this.pulseNote, team: this.team };
  }

  get isVisible(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && !this.loaded) void this.refresh();
  }

  /**
   * Re-reads both halves. A call while a refresh runs gets one more refresh after it (shared by all
   * such calls): the running one may have read Slack or GitHub before the change that prompted this call.
   */
  refresh(): Promise<void> {
    return this.loads.afterChange();
  }

  /** Tells the view that the stored pulse history changed (a pulse was just sent). */
  pulseChanged(): void {
    this.emitter.fire(this.state);
  }

  private async load(): Promise<void> {
    this.loaded = true;
    if (this.team.kind !== 'ready') this.team = { kind: 'loading' };
    this.emitter.fire(this.state);
    const answers = this.deps.readAnswers().then(
      () => (this.pulseNote = undefined),
      (err: unknown) => {
        this.deps.log.warn(`reading the pulse answers: ${errorText(err)}`);
        this.pulseNote = this.deps.describe(err, 'read the pulse answers');
      },
    );
    const team = this.deps.overview().then(
      (overview) => (this.team = overview),
      (err: unknown) => {
        this.deps.log.warn(`loading the team: ${errorText(err)}`);
        this.team = { kind: 'problem', message: this.deps.describe(err, 'load the team') };
      },
    );
    await Promise.all([answers, team]);
    this.emitter.fire(this.state);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
