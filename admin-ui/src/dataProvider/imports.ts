import type { EditableTask } from '../../../domain/plan/draft-edits.ts';
import type { BodyKind } from './records.ts';
import { answer, graphql, request, requestUpload, unwrap, type Enum, type ResultOf } from '../graphql.ts';

/** A draft task as the API's DraftTask holds it: the shape the draft edits of the domain work on. */
export type DraftTask = EditableTask;

const NoticeDraftFields = graphql(`
  fragment NoticeDraftFields on NoticeDraft @_unmask {
    title issuer issuedOn basis sourceText warnings { code message ref body detail }
    tasks { ref section text leads supports due recurrence }
    requirements { text due recurrence appliesTo }
    bodies { name match bodyId fullName suggestedKind }
  }
`);

/** A parsed draft, with what the office sets before committing it. */
export type NoticeDraft = ResultOf<typeof NoticeDraftFields> & {
  /** 序时进度: points an assignment may fall behind the elapsed share of its time before it turns yellow; absent: the default (20). */
  paceMarginPoints?: number | null;
};
export type DraftRequirement = NoticeDraft['requirements'][number];
export type DraftBody = NoticeDraft['bodies'][number];
export type BodyMatch = Enum<'BodyMatch'>;
/** Something the parser asks a person to check; `message` is Chinese then English, the console words it by `code`. */
export type PlanWarning = NoticeDraft['warnings'][number];
export type PlanWarningCode = Enum<'PlanWarningCode'>;

/** How the office settles a name the registry does not know (DraftBodyResolutionInput), one shape per action. */
export type DraftBodyResolution =
  | { name: string; action: 'register'; kind: BodyKind }
  | { name: string; action: 'map'; bodyId: string }
  | { name: string; action: 'placeholder' };

export type Timeline = Enum<'Timeline'>;

const ParseNoticeFile = graphql(`
  mutation ParseNoticeFile($file: File!, $registryId: ID) {
    parseNotice(file: $file, registryId: $registryId) { __typename ... on Error { message } ... on MutationParseNoticeSuccess { data { ...NoticeDraftFields } } }
  }
`, [NoticeDraftFields]);
const ParseNoticeText = graphql(`
  mutation ParseNoticeText($text: String!, $registryId: ID) {
    parseNotice(text: $text, registryId: $registryId) { __typename ... on Error { message } ... on MutationParseNoticeSuccess { data { ...NoticeDraftFields } } }
  }
`, [NoticeDraftFields]);
const CommitPlan = graphql(`
  mutation CommitPlan($draft: NoticeDraftInput!, $timeline: Timeline, $resolutions: [DraftBodyResolutionInput!], $registryId: ID) {
    commitPlan(draft: $draft, timeline: $timeline, resolutions: $resolutions, registryId: $registryId) {
      __typename ... on Error { message } ... on MutationCommitPlanSuccess { data { id title } }
    }
  }
`);

const Registries = graphql(`query Registries { registries { id name } }`);
const CreateRegistry = graphql(`
  mutation CreateRegistry($name: String!) {
    createRegistry(name: $name) { __typename ... on Error { message } ... on MutationCreateRegistrySuccess { data { id name } } }
  }
`);

/** A body registry: one per issuing government. */
export type RegistryRecord = ResultOf<typeof Registries>['registries'][number];

/** Every registry, oldest (the reference one) first. */
export async function registries(): Promise<RegistryRecord[]> {
  return (await request(Registries)).registries;
}

/** Opens the registry of an issuing government (某某区人民政府). */
export async function createRegistry(name: string): Promise<RegistryRecord> {
  return unwrap((await request(CreateRegistry, { name })).createRegistry);
}

/** Parses an uploaded notice (text, HTML, Word, Excel, PDF) or pasted text into a draft, its names matched in a registry; nothing is stored. */
export async function parseNotice(source: { file: File } | { text: string }, registryId?: string): Promise<NoticeDraft> {
  return answer('file' in source ? await requestUpload(ParseNoticeFile, { registryId }, source.file) : await request(ParseNoticeText, { text: source.text, registryId }));
}

/** Stores the (corrected) draft as a plan, its names settled in a registry, and starts its tasks' workflows. */
export async function commitPlan(draft: NoticeDraft, timeline: Timeline, resolutions: DraftBodyResolution[] = [], registryId?: string) {
  const { bodies: _matches, ...input } = draft;
  return answer(await request(CommitPlan, { draft: input, timeline, resolutions, registryId }));
}
