import * as vscode from 'vscode';
import { stepContextKey, walkthroughSteps, type WalkthroughStep } from './walkthroughIds';

// The walkthrough's steps tick on keys of their own, set when the real action happens. VS Code's
// Welcome page only hears a key change while it is open (it is created on first use, and a key
// already true then never ticks its step), so Get Started sets the keys of the steps done this
// session again once the walkthrough is open.

const done = new Set<WalkthroughStep>();

/** The lead did what the step asks: tick it now, and again whenever the walkthrough opens. */
export function stepDone(step: WalkthroughStep): void {
  if (done.has(step)) return;
  done.add(step);
  void vscode.commands.executeCommand('setContext', stepContextKey(step), true);
}

/** Steps done this session, for the host tests. */
export function stepsDone(): WalkthroughStep[] {
  return walkthroughSteps.filter((step) => done.has(step));
}

/** Sets each done step's key off and on again, so that the open walkthrough hears it. */
export async function replayStepsDone(): Promise<void> {
  for (const step of stepsDone()) {
    await vscode.commands.executeCommand('setContext', stepContextKey(step), false);
    await vscode.commands.executeCommand('setContext', stepContextKey(step), true);
  }
}
