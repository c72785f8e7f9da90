import * as vscode from 'vscode';
import { stepContextKey, walkthroughSteps, type WalkthroughStep } from './walkthroughIds';

// The walkthrough's steps tick on keys of their own, set when the real action happens. VS Code's
// Welcome service is created on first use and ticks a step only when its key turns true while it
// lives: a key already true when it is created counts as seen and never ticks. So Get Started turns
// the keys of the steps done this session off, opens the walkthrough, and turns them on again.

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

/** Turns the done steps' keys off, so that a Welcome page created now starts from unticked keys. */
export async function clearStepKeys(): Promise<void> {
  for (const step of stepsDone()) await vscode.commands.executeCommand('setContext', stepContextKey(step), false);
}

/** Turns the done steps' keys on again: an open Welcome page hears each change and ticks the step. */
export async function setStepKeys(): Promise<void> {
  for (const step of stepsDone()) await vscode.commands.executeCommand('setContext', stepContextKey(step), true);
}
