// A stand-in for the parts of VS Code's workbench the notifications guard talks to. Like VS Code
// 1.100 it keeps one Do Not Disturb flag for the whole application and one Zen mode per window,
// offers both only as toggles, and answers any other command (e.g. an attempt to read a context
// key) with "command not found".
import type { SharedStore } from '../../../src/core/focus/sharedStore';

export class FakeWorkbench {
  doNotDisturb = false;
  readonly zen = new Set<string>();
  /** Every toggle, in order, with the window that sent it. */
  readonly toggles: string[] = [];
  /** Runs after a toggle took effect, before its answer goes back: where a test kills the host. */
  afterToggle: (() => void) | undefined;

  /** `vscode.commands.executeCommand` as seen from the extension host of `windowId`. */
  executor(windowId: string): (command: string) => Promise<unknown> {
    return (command) => {
      switch (command) {
        case 'notifications.toggleDoNotDisturbMode':
          this.doNotDisturb = !this.doNotDisturb;
          break;
        case 'workbench.action.toggleZenMode':
          if (!this.zen.delete(windowId)) this.zen.add(windowId);
          break;
        default:
          return Promise.reject(new Error(`command '${command}' not found`));
      }
      this.toggles.push(`${windowId}:${command}`);
      this.afterToggle?.();
      return Promise.resolve(undefined);
    };
  }

  /** The user clicks the bell in the status bar. */
  userToggles(): void {
    this.doNotDisturb = !this.doNotDisturb;
  }
}

/**
 * Shared storage for a host that can die: once `die()` is called, no later write lands (each one
 * fails, as the calls of a dead extension host never reach the storage), and what was written
 * before stays for the next window to read.
 */
export class MortalStore implements SharedStore {
  private dead = false;
  /** Saves asked for after the host died; none of them reached storage. */
  refusedWrites = 0;

  constructor(private readonly inner: SharedStore) {}

  die(): void {
    this.dead = true;
  }

  get<T>(key: string): T | undefined {
    return this.inner.get<T>(key);
  }

  update(key: string, value: unknown): Promise<void> {
    if (this.dead) {
      this.refusedWrites++;
      return Promise.reject(new Error('the extension host is gone'));
    }
    return this.inner.update(key, value);
  }
}
