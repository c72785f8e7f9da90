/** Who the demo signs in as: the scenario's viewer and their token with the most scopes. */
export function demoIdentity(info?: Record<string, unknown>, scenario?: unknown): { login: string; token: string; scenario: unknown };
export function readScenario(name?: string): unknown;
