import type { BodyKind } from './records.ts';
import { untypedGraphql, untypedUpload, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';

export interface DraftTask {
  ref: string;
  section: string;
  text: string;
  leads: string[];
  supports: string[];
  /** The task's own deadline (ISO instant) and recurrence, beside the notice-wide requirements. */
  due: string | null;
  recurrence: string | null;
}

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
}

export type Timeline = 'historic' | 'rebased';

const draftFields = `title issuer issuedOn basis sourceText warnings { code message ref body detail }
  tasks { ref section text leads supports due recurrence }
  requirements { text due recurrence appliesTo }
  bodies { name match bodyId fullName suggestedKind }`;

const parseMutation = `mutation ($file: File, $text: String) {
  parseNotice(file: $file, text: $text) { ${resultFields('MutationParseNoticeSuccess', draftFields)} }
}`;

/** Parses an uploaded notice (text, HTML, Word, Excel, PDF) or pasted text into a draft; nothing is stored. */
export async function parseNotice(source: { file: File } | { text: string }): Promise<NoticeDraft> {
  type Answer = { parseNotice: MutationResult<NoticeDraft> };
  const answer =
    'file' in source ? await untypedUpload<Answer>(parseMutation, {}, source.file) : await untypedGraphql<Answer>(parseMutation, { text: source.text });
  return untypedUnwrap(answer.parseNotice);
}

const commitMutation = `mutation ($draft: NoticeDraftInput!, $timeline: Timeline, $resolutions: [DraftBodyResolutionInput!]) {
  commitPlan(draft: $draft, timeline: $timeline, resolutions: $resolutions) { ${resultFields('MutationCommitPlanSuccess', 'id title')} }
}`;

/** Stores the (corrected) draft as a plan and starts its tasks' workflows. */
export async function commitPlan(draft: NoticeDraft, timeline: Timeline, resolutions: DraftBodyResolution[] = []): Promise<{ id: string; title: string }> {
  const { bodies: _matches, ...input } = draft;
  const { commitPlan: result } = await untypedGraphql<{ commitPlan: MutationResult<{ id: string; title: string }> }>(commitMutation, {
    draft: input,
    timeline,
    resolutions,
  });
  return untypedUnwrap(result);
}
