/** The logging surface that non-editor code depends on; the editor glue backs it with a LogOutputChannel. */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

/** A logger that drops everything, for code paths (benchmarks, scripts) that have nowhere to write. */
export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Prefixes every message with a scope, so one channel can tell the queue, focus and git apart. */
export function scopedLogger(base: Logger, scope: string): Logger {
  const tag = `[${scope}]`;
  return {
    trace: (m, ...a) => base.trace(`${tag} ${m}`, ...a),
    debug: (m, ...a) => base.debug(`${tag} ${m}`, ...a),
    info: (m, ...a) => base.info(`${tag} ${m}`, ...a),
    warn: (m, ...a) => base.warn(`${tag} ${m}`, ...a),
    error: (m, ...a) => base.error(typeof m === 'string' ? `${tag} ${m}` : m, ...a),
  };
}
