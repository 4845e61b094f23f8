import { untypedGraphql, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';
import type { Role } from '../auth/account.ts';

export interface AccountRow {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  body: { id: string; shortName: string } | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  /** A department account's duty in its unit (承办人 / 负责人); absent where a page did not ask. */
  duty?: 'drafter' | 'responsible' | null;
}

export const accountFields = 'id login displayName role body { id shortName } active mustChangePassword createdAt duty';

export const pageSize = 25;

/** One page of the accounts the viewer manages (all of them for the administrator, the departments' for the supervising office). */
export async function accounts(search: string, page: number): Promise<{ rows: AccountRow[]; total: number }> {
  const { accounts: found } = await untypedGraphql<{ accounts: { totalCount: number; edges: Array<{ node: AccountRow }> } }>(
    `query ($search: String, $first: Int, $offset: Int) { accounts(search: $search, first: $first, offset: $offset) { totalCount edges { node { ${accountFields} } } } }`,
    { search: search.trim() || undefined, first: pageSize, offset: page * pageSize },
  );
  return { rows: found.edges.map((e) => e.node), total: found.totalCount };
}

export interface AccountPassword {
  account: AccountRow;
  oneTimePassword: string;
}

export interface NewAccount {
  login: string;
  displayName: string;
  role: Role;
  bodyId: string | null;
  duty?: 'drafter' | 'responsible';
}

export async function createAccount(input: NewAccount): Promise<AccountPassword> {
  const { createAccount: result } = await untypedGraphql<{ createAccount: MutationResult<AccountPassword> }>(
    `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { ${resultFields('MutationCreateAccountSuccess', `account { ${accountFields} } oneTimePassword`)} } }`,
    { input: { ...input, bodyId: input.bodyId || undefined } },
  );
  return untypedUnwrap(result);
}

export async function resetPassword(accountId: string): Promise<AccountPassword> {
  const { resetPassword: result } = await untypedGraphql<{ resetPassword: MutationResult<AccountPassword> }>(
    `mutation ($id: ID!) { resetPassword(accountId: $id) { ${resultFields('MutationResetPasswordSuccess', `account { ${accountFields} } oneTimePassword`)} } }`,
    { id: accountId },
  );
  return untypedUnwrap(result);
}

export async function setAccountActive(accountId: string, active: boolean): Promise<AccountRow> {
  const { setAccountActive: result } = await untypedGraphql<{ setAccountActive: MutationResult<AccountRow> }>(
    `mutation ($id: ID!, $active: Boolean!) { setAccountActive(accountId: $id, active: $active) { ${resultFields('MutationSetAccountActiveSuccess', accountFields)} } }`,
    { id: accountId, active },
  );
  return untypedUnwrap(result);
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const { changePassword: result } = await untypedGraphql<{ changePassword: MutationResult<{ id: string }> }>(
    `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) { ${resultFields('MutationChangePasswordSuccess', 'id')} } }`,
    { current: currentPassword, next: newPassword },
  );
  untypedUnwrap(result);
}

export type AuditKind = 'signIns' | 'accounts' | 'all';

export interface AuditRow {
  id: string;
  at: string;
  actorName: string;
  /** For an acting delegate (职务代理): the person acted for. */
  onBehalfOfName: string | null;
  action: string;
  target: string;
  detail: string;
}

export interface DeniedRow {
  id: string;
  at: string;
  lastAt: string | null;
  accountId: string | null;
  operation: string;
  reason: string;
  count: number;
}

export async function auditEntries(kind: AuditKind, page: number): Promise<{ rows: AuditRow[]; total: number }> {
  const { auditEntries: found } = await untypedGraphql<{ auditEntries: { totalCount: number; edges: Array<{ node: AuditRow }> } }>(
    'query ($kind: AuditKind, $first: Int, $offset: Int) { auditEntries(kind: $kind, first: $first, offset: $offset) { totalCount edges { node { id at actorName onBehalfOfName action target detail } } } }',
    { kind, first: pageSize, offset: page * pageSize },
  );
  return { rows: found.edges.map((e) => e.node), total: found.totalCount };
}

export async function deniedAttempts(page: number): Promise<{ rows: DeniedRow[]; total: number }> {
  const { deniedAttempts: found } = await untypedGraphql<{ deniedAttempts: { totalCount: number; edges: Array<{ node: DeniedRow }> } }>(
    'query ($first: Int, $offset: Int) { deniedAttempts(first: $first, offset: $offset) { totalCount edges { node { id at lastAt accountId operation reason count } } } }',
    { first: pageSize, offset: page * pageSize },
  );
  return { rows: found.edges.map((e) => e.node), total: found.totalCount };
}
