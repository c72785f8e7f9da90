// Shared plumbing for the harness scripts: timed steps, a cleanup stack that also runs on Ctrl+C,
// and child processes that inherit the terminal.
import { spawn } from 'node:child_process';
import { root } from './codeServer.mjs';

export class Session {
  /** @param {string} tag prefix for log lines, e.g. "host" */
  constructor(tag) {
    this.tag = tag;
    this.timings = [];
    this.cleanups = [];
    this.started = Date.now();
    this.stopping = false;
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        if (this.stopping) return;
        console.error(`\n[${this.tag}] ${signal}: stopping everything this run started`);
        void this.cleanup().finally(() => process.exit(130));
      });
    }
  }

  log(message) {
    console.log(`[${this.tag}] ${message}`);
  }

  async step(name, fn) {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      const ms = Date.now() - started;
      this.timings.push([name, ms]);
      this.log(`${name}: ${(ms / 1000).toFixed(1)} s`);
    }
  }

  /** Registers something to undo; cleanup() runs them newest first. */
  defer(fn) {
    this.cleanups.push(fn);
  }

  async cleanup() {
    this.stopping = true;
    while (this.cleanups.length) {
      const fn = this.cleanups.pop();
      try {
        await fn();
      } catch (err) {
        console.error(`[${this.tag}] cleanup: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  summary() {
    const total = ((Date.now() - this.started) / 1000).toFixed(1);
    return `${this.timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join('; ')}; total ${total} s`;
  }

  /** Runs main(), then cleans up and exits 0, or prints the failure, cleans up and exits 1. */
  async main(fn) {
    try {
      await fn(this);
      await this.cleanup();
      process.exit(0);
    } catch (err) {
      // After Ctrl+C the signal handler is already cleaning up and will exit.
      if (this.stopping) return;
      console.error(`\n[${this.tag}] FAILED: ${err instanceof Error ? err.message : String(err)}`);
      await this.cleanup();
      process.exit(1);
    }
  }
}

/** Runs a command from the project root with the terminal's output; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
