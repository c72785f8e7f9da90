import * as vscode from 'vscode';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/logger';
import { t } from '../l10n';
import { GuardError } from '../../guards/guardError';
import { SecretKey } from '../ids';
import { updateSlackContext } from './slackContext';

export interface SlackConnectionDeps {
  /** Where the token is kept. */
  readonly secrets: vscode.SecretStorage;
  /** `leadDesk.focus.slack.apiUrl`, read at each use so a changed setting applies at once. */
  readonly apiUrl: () => string;
  /** Scoped to Slack already. */
  readonly log: Logger;
  /** Keeps a token out of every log line and message; returns the way to forget it. */
  readonly addSecret: (secret: string) => () => void;
}

export interface SlackIdentity {
  readonly user: string;
  readonly team: string;
}

/**
 * The Slack user token, kept in SecretStorage (never in settings, never logged), and a client for
 * it. Nothing here talks to Slack until a guard or the Connect command asks.
 */
export class SlackConnection implements vscode.Disposable {
  private cached: { key: string; client: WebClient } | undefined;
  private forget: (() => void) | undefined;
  private readonly subscription: vscode.Disposable;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** The stored token changed: connected, disconnected or replaced, in this window or another. */
  readonly onDidChangeToken = this.emitter.event;

  constructor(private readonly deps: SlackConnectionDeps) {
    this.subscription = deps.secrets.onDidChange((e) => {
      if (e.key === SecretKey.slackToken) {
        this.cached = undefined;
        void this.updateContext();
        this.emitter.fire();
      }
    });
  }

  private apiUrl(): string {
    return this.deps.apiUrl();
  }

  /** A client for the token; the Slack SDK is loaded on first use, not when Lead Desk starts. */
  private async createClient(token: string): Promise<WebClient> {
    const { createSlackClient } = await import('../../guards/slackClient');
    return createSlackClient(token, { apiUrl: this.apiUrl(), log: this.deps.log });
  }

  private async client(token: string): Promise<WebClient> {
    const key = `${this.apiUrl()}\n${token}`;
    if (this.cached?.key !== key) {
      const client = await this.createClient(token);
      // Another call may have cached a client for the same token meanwhile; either will do.
      if (this.cached?.key !== key) {
        this.forget?.();
        this.forget = this.deps.addSecret(token);
        this.cached = { key, client };
      }
    }
    return this.cached.client;
  }

  /** The client for the stored token; the guard's "not connected" when there is none. */
  async require(): Promise<WebClient> {
    const token = await this.deps.secrets.get(SecretKey.slackToken);
    if (!token) throw new GuardError('notConnected', t('Slack is not connected. Run "Lead Desk: Connect Slack".'));
    return this.client(token);
  }

  /** Checks a token with auth.test, then stores it. */
  async connect(token: string): Promise<SlackIdentity> {
    const forget = this.deps.addSecret(token);
    try {
      const client = await this.createClient(token);
      const result = await client.auth.test();
      await this.deps.secrets.store(SecretKey.slackToken, token);
      return { user: result.user ?? 'you', team: result.team ?? 'Slack' };
    } finally {
      forget();
    }
  }

  async disconnect(): Promise<void> {
    await this.deps.secrets.delete(SecretKey.slackToken);
    this.cached = undefined;
  }

  async updateContext(): Promise<void> {
    await updateSlackContext(this.deps.secrets);
  }

  dispose(): void {
    this.forget?.();
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
