// Tokens must never reach a log, even when an error message or a URL happens to embed one.
// The patterns cover GitHub's token formats (classic, fine-grained, OAuth, app), Slack tokens,
// and anything that follows an Authorization scheme.
const secretPatterns: RegExp[] = [
  /\b(gh[pousr]_[A-Za-z0-9_]{16,})\b/g,
  /\b(github_pat_[A-Za-z0-9_]{20,})\b/g,
  /\b(xox[abpors]-[A-Za-z0-9-]{8,})\b/g,
  /\b((?:token|bearer|basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /([?&](?:access_token|token)=)[^&\s]+/gi,
];

/** Replaces every known secret in a string with a marker. Extra exact secrets (e.g. a sandbox token) may be passed. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const pattern of secretPatterns) {
    out = out.replace(pattern, (_match, prefix: string) =>
      /^(token|bearer|basic)\s+$/i.test(prefix) || /[?&]/.test(prefix) ? `${prefix}[redacted]` : '[redacted]',
    );
  }
  return out;
}
