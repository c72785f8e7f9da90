// Tokens must never reach a log or a message on screen, even when an error message or a URL
// happens to embed one. The patterns cover GitHub's token formats (classic, fine-grained, OAuth,
// user-to-server, server-to-server, refresh), Slack tokens of every kind, Authorization headers,
// credentials inside URLs, and 40-hex classic/Enterprise tokens.
//
// A 40-hex string is also what a git commit SHA looks like, and SHAs are logged on purpose. So a
// bare 40-hex value is redacted only where a credential is expected: after a credential word
// (token, password, secret, key…) with `:` or `=`, in an Authorization header, in a URL's user
// info, or in an `access_token=` query. A SHA after "commit", "at", "sha" or in a path stays.

interface SecretPattern {
  readonly pattern: RegExp;
  /** A String.replace template; `$1` keeps what names the secret (a scheme, a header, a key). */
  readonly replacement: string;
}

const secretPatterns: SecretPattern[] = [
  // https://user:secret@host and https://token@host: the whole user info goes.
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, replacement: '$1[redacted]@' },
  { pattern: /(\bauthorization["']?\s*[:=]\s*["']?(?:(?:token|bearer|basic)\s+)?)[^\s"',;}]+/gi, replacement: '$1[redacted]' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9_]{16,}\b/g, replacement: '[redacted]' },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}\b/g, replacement: '[redacted]' },
  { pattern: /\bxox[a-z]-[A-Za-z0-9-]{8,}/gi, replacement: '[redacted]' },
  { pattern: /\bxapp-[A-Za-z0-9-]{8,}/gi, replacement: '[redacted]' },
  { pattern: /(\b(?:token|bearer|basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi, replacement: '$1[redacted]' },
  { pattern: /([?&](?:access_token|token)=)[^&\s]+/gi, replacement: '$1[redacted]' },
  { pattern: /(\b(?:[a-z_-]*token|password|passwd|secret|credentials?|api[_-]?key|pat)["']?\s*[:=]\s*["']?)[0-9a-f]{40}\b/gi, replacement: '$1[redacted]' },
];

/** Replaces every known secret in a string with a marker. Extra exact secrets (e.g. a sandbox token) may be passed. */
export function redactSecrets(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const { pattern, replacement } of secretPatterns) out = out.replace(pattern, replacement);
  return out;
}
