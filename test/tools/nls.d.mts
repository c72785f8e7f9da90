export interface TextSlot {
  readonly key: string;
  get(): string;
  set(value: string): void;
}
export function referencedKey(value: string): string | undefined;
export function textSlots(pkg: unknown): TextSlot[];
export function literals(pkg: unknown): Array<{ key: string; value: string }>;
export function references(value: unknown): Set<string>;
export function convert<T>(pkg: T, nls: Record<string, string>): { pkg: T; nls: Record<string, string> };
