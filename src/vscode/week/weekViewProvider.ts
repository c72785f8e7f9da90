import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import { asViewMessage, type HostMessage, type WeekViewData } from '../../core/week/weekMessages';
import { shiftWeek, weekKeyOf, weeksBetween, type WeekKey } from '../../core/week/weekCalendar';
import { keptWeeks } from '../../core/week/weekView';
import { weekHtml } from './weekHtml';
import { weekWords } from './weekWords';
import { t } from '../l10n';
import { errorText } from '../../core/errorText';

/** What the view needs to draw a week; the feature builds it from the use case. */
export type LoadWeek = (week: WeekKey) => Promise<WeekViewData>;

/** What the view last did, for the hidden inspect command (host tests, bug reports). */
export interface WeekViewInspection {
  readonly resolved: boolean;
  /** The page said it is ready: its script ran under the CSP. */
  readonly pageReady: boolean;
  readonly week: WeekKey;
  readonly posted: number;
  readonly data?: WeekViewData;
  readonly html?: string;
}

/**
 * The This Week webview view. It renders only: the data comes from `load`, and the page asks for
 * another week with typed messages that are checked before anything is done with them.
 */
export class WeekViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private week: WeekKey;
  private ready = false;
  private posted = 0;
  private last: WeekViewData | undefined;
  private loading = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly load: LoadWeek,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.week = weekKeyOf(now());
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const webview = view.webview;
    webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.extensionUri, 'media', 'week')],
    };
    webview.html = weekHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'week.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'week', 'week.css')).toString(),
      words: weekWords(),
      language: vscode.env.language,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      view.onDidChangeVisibility(() => {
        if (view.visible) void this.refresh();
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
    );
  }

  private receive(raw: unknown): void {
    const message = asViewMessage(raw);
    if (!message) {
      this.log.debug('Ignored a message from the This Week page that is not one it sends.');
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      void this.refresh();
      return;
    }
    const current = weekKeyOf(this.now());
    const wanted = message.to === 'current' ? current : shiftWeek(this.week, message.to === 'next' ? 1 : -1);
    const ago = weeksBetween(wanted, current);
    if (ago < 0 || ago >= keptWeeks) return;
    this.week = wanted;
    void this.refresh();
  }

  /** Loads the shown week again and sends it to the page, if the page is there to draw it. */
  async refresh(): Promise<void> {
    if (!this.view || !this.ready) return;
    const ticket = ++this.loading;
    const week = this.week;
    let message: HostMessage;
    try {
      const data = await this.load(week);
      this.last = data;
      message = { type: 'week', data };
    } catch (err) {
      const reason = errorText(err);
      this.log.error(`Could not show the week of ${week}: ${reason}`);
      message = { type: 'error', text: t('Could not show this week ({0}). Open the Lead Desk log for details, then reopen the view.', reason) };
    }
    // A newer request (the user clicked on) wins over a slower older one.
    if (ticket !== this.loading || !this.view) return;
    this.posted++;
    await this.view.webview.postMessage(message);
  }

  inspect(): WeekViewInspection {
    return { resolved: !!this.view, pageReady: this.ready, week: this.week, posted: this.posted, data: this.last, html: this.view?.webview.html };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
