export function utcStamp(ms: number): string;
export function localStamp(ms: number): string;
export function icsEscape(text: string): string;
export function icsCalendar(name: string, events: readonly string[]): string;
export function icsEvent(event: { uid: string; title: string; start: number; end: number; floating?: boolean; extra?: readonly string[] }): string;
