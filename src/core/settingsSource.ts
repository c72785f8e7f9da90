// What every feature's settings parser takes and reports. Apart from core/settings.ts so that the
// feature parsers and the whole-settings parser do not import each other.

/** Reads one setting's raw value, e.g. `(key) => configuration.get(key)` with keys like `github.apiUrl`. */
export type RawSettings = (key: string) => unknown;

/** A setting that could not be used as given; the message names it and says what is used instead. */
export interface SettingsProblem {
  readonly key: string;
  readonly message: string;
}
