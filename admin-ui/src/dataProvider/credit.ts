import type { GetListParams, GetListResult } from 'react-admin';
import { untypedGraphql, untypedUpload, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';
import { nodesOf, pageArgs, type Connection } from './connection.ts';
import { untypedNodeReaders as nodeReaders } from './nodes.ts';

export interface EntityRecord {
  id: string;
  code: string;
  name: string;
  district: string;
  industry: string;
  creditClass: string;
  colour: string;
  classReasons: string[];
  records: Array<{ id: string; kind: string; date: string; amountYuan: number | null; status: string; publication: string; underObjection: boolean }>;
  classHistory: Array<{ at: string; from: string | null; to: string; cause: string }>;
}

export interface ObjectionRecord {
  id: string;
  caseId: string;
  status: string;
  reasons: string;
  filedByName: string;
  filedAt: string;
  acceptBy: string;
  verifyBy: string | null;
  replyBy: string | null;
  overdue: string[];
  deadlineProvisional: boolean;
  entity: { code: string; name: string; creditClass: string; colour: string };
  record: { kind: string; date: string; amountYuan: number | null } | null;
  timeline: Array<{ seq: number; type: string; at: string; actorName: string; comment: string | null; data: string }>;
  evidence: AttachmentRecord[];
  /** The steps the signed-in viewer may take now, as the API answers by the workflow's rule. */
  availableActions: ObjectionActionType[];
}

const entityFields = `id code name district industry creditClass colour classReasons
  records { id kind date amountYuan status publication underObjection } classHistory { at from to cause }`;
const objectionFields = `id caseId status reasons filedByName filedAt acceptBy verifyBy replyBy overdue deadlineProvisional
  entity { code name creditClass colour } record { kind date amountYuan } timeline { seq type at actorName comment data }
  evidence { id name size url } availableActions`;

export const entities = {
  async getList(params: GetListParams): Promise<GetListResult<EntityRecord>> {
    const { q, creditClass } = params.filter ?? {};
    const data = await untypedGraphql<{ marketEntities: Connection<EntityRecord> }>(
      `query ($search: String, $creditClass: CreditClass, $first: Int, $offset: Int) {
        marketEntities(search: $search, creditClass: $creditClass, first: $first, offset: $offset) { totalCount edges { node { ${entityFields} } } } }`,
      { search: q || undefined, creditClass: creditClass || undefined, ...pageArgs(params) },
    );
    return { data: nodesOf(data.marketEntities), total: data.marketEntities.totalCount };
  },
  ...nodeReaders<EntityRecord>('MarketEntity', entityFields),
};

export const objections = {
  async getList(params: GetListParams): Promise<GetListResult<ObjectionRecord>> {
    const data = await untypedGraphql<{ objections: Connection<ObjectionRecord> }>(
      `query ($status: String, $first: Int, $offset: Int) { objections(status: $status, first: $first, offset: $offset) { totalCount edges { node { ${objectionFields} } } } }`,
      { status: params.filter?.status || undefined, ...pageArgs(params) },
    );
    return { data: nodesOf(data.objections), total: data.objections.totalCount };
  },
  ...nodeReaders<ObjectionRecord>('ObjectionCase', objectionFields),
};

export type ObjectionActionType = 'accept' | 'refuse' | 'askProvider' | 'providerReply' | 'uphold' | 'correct';

/** One step of an objection through the API; the workflow's refusal comes back as a MutationError in its words. */
export async function actOnObjection(input: { caseId: string; type: ObjectionActionType; text: string; confirmed?: boolean; annul?: boolean; amountYuan?: number }) {
  const data = await untypedGraphql<{ actOnObjection: MutationResult<{ status: string }> }>(
    `mutation ($input: ObjectionActionInput!) { actOnObjection(input: $input) { ${resultFields('MutationActOnObjectionSuccess', 'status')} } }`,
    { input },
  );
  return untypedUnwrap(data.actOnObjection);
}

export interface RepairRecord {
  id: string;
  status: string;
  statement: string;
  filedByName: string;
  filedAt: string;
  reviewBy: string | null;
  reasons: string | null;
  overdue: boolean;
  deadlineProvisional: boolean;
  entity: { code: string; name: string; creditClass: string; colour: string };
  record: { kind: string; date: string; amountYuan: number | null; status: string };
  evidence: AttachmentRecord[];
  commitment: AttachmentRecord | null;
  timeline: ObjectionRecord['timeline'];
  /** approve and refuse, while the viewer may decide it. */
  availableActions: Array<'approve' | 'refuse'>;
}

/** A stored file with its download route. */
export interface AttachmentRecord {
  id: string;
  name: string;
  size: number;
  url: string;
}

const repairFields = `id status statement filedByName filedAt reviewBy reasons overdue deadlineProvisional
  entity { code name creditClass colour } record { kind date amountYuan status }
  evidence { id name size url } commitment { id name size url } timeline { seq type at actorName comment data } availableActions`;

export const repairs = {
  async getList(params: GetListParams): Promise<GetListResult<RepairRecord>> {
    const data = await untypedGraphql<{ repairApplications: Connection<RepairRecord> }>(
      `query ($first: Int, $offset: Int) { repairApplications(first: $first, offset: $offset) { totalCount edges { node { ${repairFields} } } } }`,
      pageArgs(params),
    );
    return { data: nodesOf(data.repairApplications), total: data.repairApplications.totalCount };
  },
  ...nodeReaders<RepairRecord>('RepairApplication', repairFields),
};

export async function decideRepair(applicationId: string, approve: boolean, text: string) {
  const data = await untypedGraphql<{ decideRepair: MutationResult<{ status: string }> }>(
    `mutation ($id: ID!, $approve: Boolean!, $text: String) { decideRepair(applicationId: $id, approve: $approve, text: $text) { ${resultFields('MutationDecideRepairSuccess', 'status')} } }`,
    { id: applicationId, approve, text },
  );
  return untypedUnwrap(data.decideRepair);
}

export interface RoundRecord {
  id: string;
  roundId: string;
  title: string;
  date: string;
  status: string;
  beaconSource: string | null;
  announcedAt: string | null;
  beacon: string | null;
  publicPath: string;
  seed: string | null;
  populationHash: string | null;
  populationSize: number | null;
  checklist: string;
  sampled: SampledRecord[];
  /** draw, record, publish, cancel: what the viewer may do to the round now, by its workflow's rule. */
  availableActions: string[];
}

export interface SampledRecord {
  ordinal: number;
  /** record: whether the viewer may record this entity's result now, by the round workflow's rule. */
  availableActions: string[];
  entity: { id: string; code: string; name: string };
  inspectors: Array<{ officer: { id: string; name: string }; bodyId: string }>;
  result: { publishBy: string; publishByProvisional: boolean; publishedAt: string | null; overdue: boolean; answers: string; finding: string | null; recordId: string | null; recordedBy: string; inspectorIds: string[] } | null;
}

export interface ChecklistItem {
  id: string;
  text: string;
}

export type InspectionOutcome = 'pass' | 'fail' | 'notApplicable';

const roundFields = `id roundId title date status availableActions beaconSource announcedAt beacon publicPath seed populationHash populationSize checklist
  sampled { ordinal availableActions entity { id code name } inspectors { officer { id name } bodyId }
    result { publishBy publishByProvisional publishedAt overdue answers finding recordId recordedBy inspectorIds } }`;

export const inspections = {
  async getList(params: GetListParams): Promise<GetListResult<RoundRecord>> {
    const data = await untypedGraphql<{ inspectionRounds: RoundRecord[] }>(`{ inspectionRounds { ${roundFields} } }`);
    const { first, offset } = pageArgs(params);
    return { data: data.inspectionRounds.slice(offset, offset + first), total: data.inspectionRounds.length };
  },
  ...nodeReaders<RoundRecord>('InspectionRound', roundFields),
};

async function actOnRound(input: { roundId: string; type: 'publish' | 'cancel'; entityCodes?: string[]; reasons?: string }) {
  const data = await untypedGraphql<{ actOnInspectionRound: MutationResult<{ status: string }> }>(
    `mutation ($input: InspectionRoundActionInput!) { actOnInspectionRound(input: $input) { ${resultFields('MutationActOnInspectionRoundSuccess', 'status')} } }`,
    { input },
  );
  return untypedUnwrap(data.actOnInspectionRound);
}

export const publishResults = (roundId: string, entityCodes: string[]) => actOnRound({ roundId, type: 'publish', entityCodes });

/** Cancels a round before any result is recorded; the workflow refuses otherwise, in its words. */
export const cancelRound = (roundId: string, reasons: string) => actOnRound({ roundId, type: 'cancel', reasons });

/** Files an objection for an entity (to one record, or to its class when recordId is null). */
export async function fileObjection(input: { entityCode: string; recordId: string | null; reasons: string; evidence?: string[] }) {
  const data = await untypedGraphql<{ fileObjection: MutationResult<{ id: string }> }>(
    `mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { ${resultFields('MutationFileObjectionSuccess', 'id')} } }`,
    { input },
  );
  return untypedUnwrap(data.fileObjection);
}

/** Stores one file (uploadAttachment) and returns its id, for a later mutation to name. */
export async function uploadAttachment(file: File): Promise<string> {
  const data = await untypedUpload<{ uploadAttachment: MutationResult<{ id: string }> }>(
    `mutation ($file: File!) { uploadAttachment(file: $file) { ${resultFields('MutationUploadAttachmentSuccess', 'id')} } }`,
    {},
    file,
  );
  return untypedUnwrap(data.uploadAttachment).id;
}

/** Files a repair application; an ineligible one is refused at once with the rule's reasons. */
export async function applyForRepair(input: { recordId: string; statement: string; evidence: string[]; commitment: string | null }) {
  const data = await untypedGraphql<{ applyForRepair: MutationResult<{ id: string }> }>(
    `mutation ($input: ApplyForRepairInput!) { applyForRepair(input: $input) { ${resultFields('MutationApplyForRepairSuccess', 'id')} } }`,
    { input },
  );
  return untypedUnwrap(data.applyForRepair);
}

/** Records one sampled entity's result against the shared checklist, signed by its drawn inspectors. */
export async function recordInspectionResult(input: {
  roundId: string;
  entityCode: string;
  inspectorIds: string[];
  answers: Array<{ itemId: string; outcome: InspectionOutcome; note: string }>;
  finding: { kind: string; amountYuan?: number; description: string } | null;
}) {
  const data = await untypedGraphql<{ actOnInspectionRound: MutationResult<{ status: string }> }>(
    `mutation ($input: InspectionRoundActionInput!) { actOnInspectionRound(input: $input) { ${resultFields('MutationActOnInspectionRoundSuccess', 'status')} } }`,
    { input: { ...input, type: 'record', finding: input.finding ?? undefined } },
  );
  return untypedUnwrap(data.actOnInspectionRound);
}

export interface OfficerRecord {
  id: string;
  name: string;
  bodyId: string;
  active: boolean;
  conflicts: Array<{ entityCode: string; reason: string; declaredAt: string }>;
}

const officerFields = 'id name bodyId active conflicts { entityCode reason declaredAt }';

/** The enforcement staff pool, of one body or of all. */
export async function enforcementOfficers(bodyId: string | null): Promise<OfficerRecord[]> {
  const data = await untypedGraphql<{ enforcementOfficers: OfficerRecord[] }>(`query ($bodyId: String) { enforcementOfficers(bodyId: $bodyId) { ${officerFields} } }`, { bodyId: bodyId || undefined });
  return data.enforcementOfficers;
}

export async function addEnforcementOfficer(input: { id: string; name: string; bodyId: string }) {
  const data = await untypedGraphql<{ addEnforcementOfficer: MutationResult<OfficerRecord> }>(
    `mutation ($id: String!, $name: String!, $bodyId: String!) { addEnforcementOfficer(id: $id, name: $name, bodyId: $bodyId) { ${resultFields('MutationAddEnforcementOfficerSuccess', officerFields)} } }`,
    input,
  );
  return untypedUnwrap(data.addEnforcementOfficer);
}

export async function declareConflict(input: { officerId: string; entityCode: string; reason: string }) {
  const data = await untypedGraphql<{ declareConflict: MutationResult<OfficerRecord> }>(
    `mutation ($officerId: String!, $entityCode: String!, $reason: String!) { declareConflict(officerId: $officerId, entityCode: $entityCode, reason: $reason) { ${resultFields('MutationDeclareConflictSuccess', officerFields)} } }`,
    input,
  );
  return untypedUnwrap(data.declareConflict);
}

/** Takes an officer out of the draw's pool, or puts them back (supervising office). */
export async function setOfficerActive(officerId: string, active: boolean) {
  const field = active ? 'reactivateEnforcementOfficer' : 'deactivateEnforcementOfficer';
  const data = await untypedGraphql<Record<string, MutationResult<OfficerRecord>>>(
    `mutation ($officerId: String!) { ${field}(officerId: $officerId) { ${resultFields(`Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`, officerFields)} } }`,
    { officerId },
  );
  return untypedUnwrap(data[field]!);
}

export interface CreditImportReport {
  imported: number;
  skipped: number;
  reclassified: number;
  errors: Array<{ row: number; message: string }>;
}

/** Imports entities or records from CSV/.xlsx, all or nothing: with any row in error, the report lists the rows and nothing is stored. */
export async function importCreditData(kind: 'entities' | 'records', file: File): Promise<CreditImportReport> {
  const data = await untypedUpload<{ importCreditData: MutationResult<CreditImportReport> }>(
    `mutation ($file: File!, $kind: CreditImportKind!) { importCreditData(file: $file, kind: $kind) { ${resultFields('MutationImportCreditDataSuccess', 'imported skipped reclassified errors { row message }')} } }`,
    { kind },
    file,
  );
  return untypedUnwrap(data.importCreditData);
}

/** A body's registry id ('market-commission') from its global ID. */
export const bodyRegistryId = (globalId: string) => atob(globalId).replace(/^Body:/, '');
