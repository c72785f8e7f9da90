// A link target from outside text is used only when it is a well-formed http(s) address: no
// `command:`, `javascript:` or `file:` target can become a link in the draft or in Slack.

export function httpUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}
