import type { EditableTask } from '../../../domain/plan/draft-edits.ts';
import type { BodyKind } from './records.ts';
import { graphql, request, untypedGraphql, untypedUpload, resultFields, unwrap, untypedUnwrap, type MutationResult, type ResultOf } from '../graphql.ts';

/** A draft task as the API's DraftTask holds it: the shape the draft edits of the domain work on. */
export type DraftTask = EditableTask;

export interface DraftRequirement {
  text: string;
  due: string | null;
  recurrence: string | null;
  appliesTo: string[];
}

export type BodyMatch = 'known' | 'group' | 'placeholder' | 'unknown';

export interface DraftBody {
  name: string;
  match: BodyMatch;
  bodyId: string | null;
  fullName: string | null;
  /** The kind its words suggest: preselected when registering it. */
  suggestedKind: BodyKind;
}

/** How the office settles a name the registry does not know (DraftBodyResolutionInput). */
export type DraftBodyResolution =
  | { name: string; action: 'register'; kind: BodyKind }
  | { name: string; action: 'map'; bodyId: string }
  | { name: string; action: 'placeholder' };

export type PlanWarningCode =
  | 'noTitle' | 'noDate' | 'noRoles' | 'rolesUnread' | 'noLead' | 'duplicateRef'
  | 'unknownBody' | 'placeholderBody' | 'unresolvedDeadline' | 'requirementWithoutBody';

/** Something the parser asks a person to check; `message` is Chinese then English, the console words it by `code`. */
export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
  ref: string | null;
  body: string | null;
  detail: string | null;
}

export interface NoticeDraft {
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  basis: string | null;
  sourceText: string;
  warnings: PlanWarning[];
  tasks: DraftTask[];
  requirements: DraftRequirement[];
  bodies: DraftBody[];
  /** 序时进度: points an assignment may fall behind the elapsed share of its time before it turns yellow; absent: the default (20). */
  paceMarginPoints?: number | null;
}

export type Timeline = 'historic' | 'rebased';

const draftFields = `title issuer issuedOn basis sourceText warnings { code message ref body detail }
  tasks { ref section text leads supports due recurrence }
  requirements { text due recurrence appliesTo }
  bodies { name match bodyId fullName suggestedKind }`;

const parseMutation = `mutation ($file: File, $text: String, $registryId: ID) {
  parseNotice(file: $file, text: $text, registryId: $registryId) { ${resultFields('MutationParseNoticeSuccess', draftFields)} }
}`;

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
  type Answer = { parseNotice: MutationResult<NoticeDraft> };
  const answer =
    'file' in source
      ? await untypedUpload<Answer>(parseMutation, { registryId }, source.file)
      : await untypedGraphql<Answer>(parseMutation, { text: source.text, registryId });
  return untypedUnwrap(answer.parseNotice);
}

const commitMutation = `mutation ($draft: NoticeDraftInput!, $timeline: Timeline, $resolutions: [DraftBodyResolutionInput!], $registryId: ID) {
  commitPlan(draft: $draft, timeline: $timeline, resolutions: $resolutions, registryId: $registryId) { ${resultFields('MutationCommitPlanSuccess', 'id title')} }
}`;

/** Stores the (corrected) draft as a plan, its names settled in a registry, and starts its tasks' workflows. */
export async function commitPlan(
  draft: NoticeDraft,
  timeline: Timeline,
  resolutions: DraftBodyResolution[] = [],
  registryId?: string,
): Promise<{ id: string; title: string }> {
  const { bodies: _matches, ...input } = draft;
  const { commitPlan: result } = await untypedGraphql<{ commitPlan: MutationResult<{ id: string; title: string }> }>(commitMutation, {
    draft: input,
    timeline,
    resolutions,
    registryId,
  });
  return untypedUnwrap(result);
}
