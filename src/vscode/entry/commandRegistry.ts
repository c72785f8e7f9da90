import * as vscode from 'vscode';

type Handler = (...args: unknown[]) => unknown;

/**
 * Every command the manifest declares is registered with VS Code at activation, as a stand-in that
 * loads the features on its first call and then runs the handler the features gave. Commands a
 * feature registers that the manifest does not declare go to VS Code directly, so the manifest
 * check in the host suite still sees them.
 */
export class CommandRegistry {
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly declared: ReadonlySet<string>,
    private readonly load: (reason: string) => Promise<void>,
  ) {}

  /** The stand-ins, one per declared command. */
  registerDeclared(): vscode.Disposable[] {
    return [...this.declared].map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => this.invoke(id, args)));
  }

  register(id: string, run: Handler): vscode.Disposable {
    if (!this.declared.has(id)) return vscode.commands.registerCommand(id, run);
    // Not translated: a programming error, caught by the host suite.
    if (this.handlers.has(id)) throw new Error(`The command ${id} is already registered.`);
    this.handlers.set(id, run);
    return new vscode.Disposable(() => {
      if (this.handlers.get(id) === run) this.handlers.delete(id);
    });
  }

  /** Declared commands no feature has given a handler for (every one, before the features load). */
  unhandled(): string[] {
    return [...this.declared].filter((id) => !this.handlers.has(id));
  }

  private async invoke(id: string, args: unknown[]): Promise<unknown> {
    // Not translated: why the features load is written to the log.
    if (!this.handlers.has(id)) await this.load(`${id} was run`);
    const handler = this.handlers.get(id);
    // Not translated: a declared command no feature handles is a packaging mistake, not something the user can fix.
    if (!handler) throw new Error(`Lead Desk declares the command ${id}, but no feature handles it.`);
    return handler(...args);
  }
}
