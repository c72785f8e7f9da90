// Type checks for values read back from storage (globalState, files in extension storage): they
// come from older versions, other tools or damaged disks, so nothing there is trusted by its type.

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const isString = (v: unknown): v is string => typeof v === 'string';

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** An ISO-style timestamp that Date.parse understands. */
export const isDateText = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Absent, or present and passing `check`. */
export const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
