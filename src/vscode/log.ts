import type * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { redactSecrets } from '../core/redact';

// The tokens in use, shared with everything that shows text: a token may sit inside a server's
// error message in any shape, so the exact values are redacted in messages as well as in the log.
// Counted, because the same token can be registered twice (checked at sign-in, then stored) and
// forgetting one registration must not unprotect the other.
const secretCounts = new Map<string, number>();
const secretsInUse = {
  *[Symbol.iterator]() {
    yield* secretCounts.keys();
  },
};

/** Redacts known token shapes and the tokens in use from text about to be shown to the user. */
export function redactForDisplay(text: string): string {
  return redactSecrets(text, secretsInUse);
}

/**
 * The extension's one output channel. Every line passes through the redactor, and the tokens in use
 * are registered with it, so a token cannot reach the log even inside an error message or URL.
 */
export class LeadDeskLog implements Logger, vscode.Disposable {
  /** The channel is made by the entry at start-up (see featureHost.ts), so it is listed from then on. */
  constructor(readonly channel: vscode.LogOutputChannel) {}

  /** Registers a secret to redact wherever it appears; returns a function that forgets it. */
  addSecret(secret: string): () => void {
    secretCounts.set(secret, (secretCounts.get(secret) ?? 0) + 1);
    let forgotten = false;
    return () => {
      if (forgotten) return;
      forgotten = true;
      const left = (secretCounts.get(secret) ?? 1) - 1;
      if (left > 0) secretCounts.set(secret, left);
      else secretCounts.delete(secret);
    };
  }

  private clean(value: unknown): unknown {
    if (typeof value === 'string') return redactSecrets(value, secretsInUse);
    if (value instanceof Error) {
      const copy = new Error(redactSecrets(value.message, secretsInUse));
      copy.name = value.name;
      copy.stack = value.stack ? redactSecrets(value.stack, secretsInUse) : undefined;
      return copy;
    }
    if (value !== null && typeof value === 'object') {
      try {
        return redactSecrets(JSON.stringify(value), secretsInUse);
      } catch {
        return '[unserialisable]';
      }
    }
    return value;
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.trace(this.clean(message) as string, ...args.map((a) => this.clean(a)));
  }
  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(this.clean(message) as string, ...args.map((a) => this.clean(a)));
  }
  info(message: string, ...args: unknown[]): void {
    this.channel.info(this.clean(message) as string, ...args.map((a) => this.clean(a)));
  }
  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(this.clean(message) as string, ...args.map((a) => this.clean(a)));
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.channel.error(this.clean(message) as string | Error, ...args.map((a) => this.clean(a)));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
