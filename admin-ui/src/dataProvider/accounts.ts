import { answer, graphql, request, type Enum, type ResultOf, type VariablesOf } from '../graphql.ts';

export const AccountFields = graphql(`
  fragment AccountFields on Account @_unmask { id login displayName role body { id shortName } active mustChangePassword createdAt duty }
`);
export const AccountPasswordFields = graphql(`fragment AccountPasswordFields on AccountPassword @_unmask { account { ...AccountFields } oneTimePassword }`, [AccountFields]);

export type AccountRow = ResultOf<typeof AccountFields>;
export type AccountPassword = ResultOf<typeof AccountPasswordFields>;

export const pageSize = 25;

const Accounts = graphql(`
  query Accounts($search: String, $first: Int, $offset: Int) {
    accounts(search: $search, first: $first, offset: $offset) { totalCount edges { node { ...AccountFields } } }
  }
`, [AccountFields]);
const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) { __typename ... on Error { message } ... on MutationCreateAccountSuccess { data { ...AccountPasswordFields } } }
  }
`, [AccountPasswordFields]);
const ResetPassword = graphql(`
  mutation ResetPassword($id: ID!) {
    resetPassword(accountId: $id) { __typename ... on Error { message } ... on MutationResetPasswordSuccess { data { ...AccountPasswordFields } } }
  }
`, [AccountPasswordFields]);
const SetAccountActive = graphql(`
  mutation SetAccountActive($id: ID!, $active: Boolean!) {
    setAccountActive(accountId: $id, active: $active) { __typename ... on Error { message } ... on MutationSetAccountActiveSuccess { data { ...AccountFields } } }
  }
`, [AccountFields]);
const ChangePassword = graphql(`
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) { __typename ... on Error { message } ... on MutationChangePasswordSuccess { data { id } } }
  }
`);
const AuditEntries = graphql(`
  query AuditEntries($kind: AuditKind, $first: Int, $offset: Int) {
    auditEntries(kind: $kind, first: $first, offset: $offset) { totalCount edges { node { id at actorName onBehalfOfName action target detail } } }
  }
`);
const DeniedAttempts = graphql(`
  query DeniedAttempts($first: Int, $offset: Int) {
    deniedAttempts(first: $first, offset: $offset) { totalCount edges { node { id at lastAt accountId operation reason count } } }
  }
`);

const rowsOf = <T>(found: { totalCount: number; edges: Array<{ node: T }> }) => ({ rows: found.edges.map((e) => e.node), total: found.totalCount });

/** One page of the accounts the viewer manages (all of them for the administrator, the departments' for the supervising office). */
export async function accounts(search: string, page: number) {
  return rowsOf((await request(Accounts, { search: search.trim() || undefined, first: pageSize, offset: page * pageSize })).accounts);
}

export type NewAccount = VariablesOf<typeof CreateAccount>['input'];

export async function createAccount(input: NewAccount): Promise<AccountPassword> {
  return answer(await request(CreateAccount, { input: { ...input, bodyId: input.bodyId || undefined } }));
}

export async function resetPassword(accountId: string): Promise<AccountPassword> {
  return answer(await request(ResetPassword, { id: accountId }));
}

export async function setAccountActive(accountId: string, active: boolean): Promise<AccountRow> {
  return answer(await request(SetAccountActive, { id: accountId, active }));
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  answer(await request(ChangePassword, { current: currentPassword, next: newPassword }));
}

export type AuditKind = Enum<'AuditKind'>;
export type AuditRow = ResultOf<typeof AuditEntries>['auditEntries']['edges'][number]['node'];
export type DeniedRow = ResultOf<typeof DeniedAttempts>['deniedAttempts']['edges'][number]['node'];

export async function auditEntries(kind: AuditKind, page: number) {
  return rowsOf((await request(AuditEntries, { kind, first: pageSize, offset: page * pageSize })).auditEntries);
}

export async function deniedAttempts(page: number) {
  return rowsOf((await request(DeniedAttempts, { first: pageSize, offset: page * pageSize })).deniedAttempts);
}
