// The demo scenario's Slack, as the UI test uses it from outside the workbench: the same tokens and
// channel as test/sandbox/testing/demoLogins.ts (test/sandbox/scenarios/demo.json).
export const demoSlack = {
  /** The lead's token with the team pulse's scopes as well as the focus guard's. */
  leadPulseToken: 'xoxp-sandbox-lead-pulse-0004',
  /** Priya's token: she may add reactions in the team channel. */
  teammateToken: 'xoxp-sandbox-priya-0003',
  /** #platform-team, where the lead and Priya are members. */
  teamChannel: 'C0TEAM0001',
  teamChannelName: 'platform-team',
};

/** The sandbox's Slack Web API root, e.g. http://127.0.0.1:4321/slack/api/ */
export function slackApiUrl(sandbox) {
  return sandbox.info.slackApiUrl ?? `${sandbox.url}/slack/api/`;
}

/**
 * Calls one Slack Web API method on the sandbox as the owner of `token`; returns the answer, and
 * throws when Slack says `ok: false`, naming the method and Slack's error.
 */
export async function slackCall(apiUrl, method, token, body) {
  const res = await fetch(new URL(method, apiUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}, not JSON` }));
  if (!answer.ok) throw new Error(`Slack ${method} answered ${answer.error ?? JSON.stringify(answer)}`);
  return answer;
}
