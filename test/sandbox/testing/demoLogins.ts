// Demo scenario credentials, named once for tests and tools.
export const DEMO = {
  fullToken: 'ghp_sandboxLeadFullScope000000000000000001',
  repoOnlyToken: 'ghp_sandboxLeadRepoOnly0000000000000000002',
  priyaToken: 'ghp_sandboxPriya00000000000000000000000003',
  outsiderToken: 'ghp_sandboxOscarOutside0000000000000000004',
  slackToken: 'xoxp-sandbox-lead-0001',
  slackReadOnlyToken: 'xoxp-sandbox-lead-readonly-0002',
  /** The lead's token with chat:write, for posting the weekly update. */
  slackChatToken: 'xoxp-sandbox-lead-chat-0003',
  viewer: 'lead',
} as const;
