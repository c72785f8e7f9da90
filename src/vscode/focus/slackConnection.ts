import * as vscode from 'vscode';
import type { WebClient } from '@slack/web-api';
import { scopedLogger } from '../../core/logger';
import { GuardError } from '../../guards/guardError';
import { ContextKey, SecretKey } from '../ids';
import type { Services } from '../services';

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

  constructor(private readonly services: Services) {
    this.subscription = services.context.secrets.onDidChange((e) => {
      if (e.key === SecretKey.slackToken) {
        this.cached = undefined;
        void this.updateContext();
      }
    });
  }

  private apiUrl(): string {
    return this.services.config.settings.focus.slack.apiUrl;
  }

  /** A client for the token; the Slack SDK is loaded on first use, not when Lead Desk starts. */
  private async createClient(token: string): Promise<WebClient> {
    const { createSlackClient } = await import('../../guards/slackClient');
    return createSlackClient(token, { apiUrl: this.apiUrl(), log: scopedLogger(this.services.log, 'slack') });
  }

  private async client(token: string): Promise<WebClient> {
    const key = `${this.apiUrl()}\n${token}`;
    if (this.cached?.key !== key) {
      const client = await this.createClient(token);
      // Another call may have cached a client for the same token meanwhile; either will do.
      if (this.cached?.key !== key) {
        this.forget?.();
        this.forget = this.services.log.addSecret(token);
        this.cached = { key, client };
      }
    }
    return this.cached.client;
  }

  /** The client for the stored token; the guard's "not connected" when there is none. */
  async require(): Promise<WebClient> {
    const token = await this.services.context.secrets.get(SecretKey.slackToken);
    if (!token) throw new GuardError('notConnected', 'Slack is not connected. Run "Lead Desk: Connect Slack".');
    return this.client(token);
  }

  /** Checks a token with auth.test, then stores it. */
  async connect(token: string): Promise<SlackIdentity> {
    const forget = this.services.log.addSecret(token);
    try {
      const client = await this.createClient(token);
      const result = await client.auth.test();
      await this.services.context.secrets.store(SecretKey.slackToken, token);
      return { user: result.user ?? 'you', team: result.team ?? 'Slack' };
    } finally {
      forget();
    }
  }

  async disconnect(): Promise<void> {
    await this.services.context.secrets.delete(SecretKey.slackToken);
    this.cached = undefined;
  }

  async updateContext(): Promise<void> {
    const connected = (await this.services.context.secrets.get(SecretKey.slackToken)) !== undefined;
    await vscode.commands.executeCommand('setContext', ContextKey.slackConnected, connected);
  }

  dispose(): void {
    this.forget?.();
    this.subscription.dispose();
  }
}
