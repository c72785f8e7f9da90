// The signed-in user's GitHub status (the "Busy" badge): one read and one write, in GraphQL.
// Reading is allowed with the base scopes; changeUserStatus needs the `user` scope.
import type { GitHubClient } from '../client';
import { GitHubError } from '../errors';

export interface UserStatus {
  readonly emoji: string | null;
  readonly message: string | null;
  readonly indicatesLimitedAvailability: boolean;
  /** ISO 8601; null when the status does not expire. */
  readonly expiresAt: string | null;
  /** Node id of the organisation whose members alone see the status; null: everyone sees it. */
  readonly organizationId: string | null;
}

/** The mutation's input; leaving out both emoji and message clears the status. */
export interface ChangeUserStatusInput {
  readonly emoji?: string | null;
  readonly message?: string | null;
  readonly limitedAvailability?: boolean;
  readonly expiresAt?: string | null;
  /** Leaving it out makes the status public. */
  readonly organizationId?: string | null;
}

export const viewerStatusQuery = /* GraphQL */ `
  query LeadDeskViewerStatus {
    viewer {
      login
      status { emoji message indicatesLimitedAvailability expiresAt organization { id } }
    }
  }
`;

export const changeUserStatusMutation = /* GraphQL */ `
  mutation LeadDeskChangeUserStatus($input: ChangeUserStatusInput!) {
    changeUserStatus(input: $input) {
      status { emoji message indicatesLimitedAvailability expiresAt organization { id } }
    }
  }
`;

function malformed(detail: string): GitHubError {
  return new GitHubError('malformed', 'GitHub sent a response that could not be read.', { detail });
}

function organizationIdOf(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  const id = (value as { id?: unknown }).id;
  if (typeof value !== 'object' || typeof id !== 'string' || id.length === 0) throw malformed(`${where}.organization had no id`);
  return id;
}

function readStatus(value: unknown, where: string): UserStatus | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') throw malformed(`${where} was ${typeof value}`);
  const s = value as Record<string, unknown>;
  const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
  return {
    emoji: text(s.emoji),
    message: text(s.message),
    indicatesLimitedAvailability: s.indicatesLimitedAvailability === true,
    expiresAt: text(s.expiresAt),
    organizationId: organizationIdOf(s.organization, where),
  };
}

export async function readViewerStatus(client: GitHubClient): Promise<UserStatus | null> {
  const data = await client.graphql<{ viewer?: { status?: unknown } }>(viewerStatusQuery);
  if (!data.viewer || typeof data.viewer !== 'object') throw malformed('viewer missing');
  return readStatus(data.viewer.status, 'viewer.status');
}

export async function changeUserStatus(client: GitHubClient, input: ChangeUserStatusInput): Promise<UserStatus | null> {
  // Only the fields that are set: an explicit null emoji/message would still be "given".
  const variables: Record<string, unknown> = {};
  if (input.emoji) variables.emoji = input.emoji;
  if (input.message) variables.message = input.message;
  if (input.limitedAvailability !== undefined) variables.limitedAvailability = input.limitedAvailability;
  if (input.expiresAt) variables.expiresAt = input.expiresAt;
  if (input.organizationId) variables.organizationId = input.organizationId;
  const data = await client.graphql<{ changeUserStatus?: { status?: unknown } }>(changeUserStatusMutation, { input: variables });
  if (!data.changeUserStatus || typeof data.changeUserStatus !== 'object') throw malformed('changeUserStatus missing');
  return readStatus(data.changeUserStatus.status, 'changeUserStatus.status');
}

/** The input that puts `status` back exactly; null (no status) clears it. */
export function statusAsInput(status: UserStatus | null): ChangeUserStatusInput {
  if (!status || (!status.emoji && !status.message)) return { limitedAvailability: false };
  return { emoji: status.emoji, message: status.message, limitedAvailability: status.indicatesLimitedAvailability, expiresAt: status.expiresAt, organizationId: status.organizationId };
}

/** Whether two statuses are the same in every field a restore puts back. */
export function sameStatus(a: UserStatus | null, b: UserStatus | null): boolean {
  if (!a || (!a.emoji && !a.message)) return !b || (!b.emoji && !b.message);
  if (!b) return false;
  const instant = (iso: string | null) => (iso ? Date.parse(iso) : null);
  return a.emoji === b.emoji && a.message === b.message && a.indicatesLimitedAvailability === b.indicatesLimitedAvailability && instant(a.expiresAt) === instant(b.expiresAt) && a.organizationId === b.organizationId;
}
