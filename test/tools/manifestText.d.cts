export const root: string;
export function referencedKey(value: string): string | undefined;
export function resolveManifest<T>(pkg: T, nls: Record<string, string>): T;
export function readManifest(dir?: string): { pkg: unknown; nls: Record<string, string> };
export function readResolvedManifest(dir?: string): unknown;
