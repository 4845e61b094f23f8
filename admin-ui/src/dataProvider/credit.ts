import type { GetListParams, GetListResult } from 'react-admin';
import { answer, graphql, request, requestUpload, storeAttachment, type Enum, type ResultOf, type SuccessOf, type VariablesOf } from '../graphql.ts';
import { nodesOf, pageArgs } from './connection.ts';
import { nodeReaders } from './nodes.ts';

const AttachmentFields = graphql(`fragment AttachmentFields on Attachment @_unmask { id name size url }`);
const CaseEventFields = graphql(`fragment CaseEventFields on CaseEvent @_unmask { seq type at actorName comment }`);

const EntityFields = graphql(`
  fragment EntityFields on MarketEntity @_unmask {
    id code name district industry creditClass colour classReasons
    records { id kind date amountYuan status publication underObjection availableActions } classHistory { at from to cause }
  }
`);
const ObjectionFields = graphql(`
  fragment ObjectionFields on ObjectionCase @_unmask {
    id caseId status reasons filedByName filedAt acceptBy verifyBy replyBy overdue deadlineProvisional
    entity { code name creditClass colour } record { kind date amountYuan } timeline { ...CaseEventFields }
    evidence { ...AttachmentFields } availableActions
  }
`, [CaseEventFields, AttachmentFields]);
const RepairFields = graphql(`
  fragment RepairFields on RepairApplication @_unmask {
    id status statement filedByName filedAt reviewBy reasons overdue deadlineProvisional
    entity { code name creditClass colour } record { kind date amountYuan status }
    evidence { ...AttachmentFields } commitment { ...AttachmentFields } timeline { ...CaseEventFields } availableActions
  }
`, [CaseEventFields, AttachmentFields]);
const SampledFields = graphql(`
  fragment SampledFields on SampledEntity @_unmask {
    ordinal availableActions entity { id code name } inspectors { officer { id name } bodyId body { shortName } }
    result { publishBy publishByProvisional publishedAt overdue checklistAnswers { itemId outcome note } recordedFinding { kind amountYuan description } recordId recordedBy inspectorIds }
  }
`);
const RoundFields = graphql(`
  fragment RoundFields on InspectionRound @_unmask {
    id roundId title date status availableActions beaconSource announcedAt beacon publicPath seed populationHash populationSize checklistItems { id text }
    sampled { ...SampledFields }
  }
`, [SampledFields]);
const OfficerFields = graphql(`fragment OfficerFields on EnforcementOfficer @_unmask { id name bodyId active conflicts { entityCode reason declaredAt } }`);

export type EntityRecord = ResultOf<typeof EntityFields>;
export type ObjectionRecord = ResultOf<typeof ObjectionFields>;
export type RepairRecord = ResultOf<typeof RepairFields>;
export type RoundRecord = ResultOf<typeof RoundFields>;
export type SampledRecord = ResultOf<typeof SampledFields>;
export type OfficerRecord = ResultOf<typeof OfficerFields>;
/** A stored file with its download route. */
export type AttachmentRecord = ResultOf<typeof AttachmentFields>;
export type ObjectionActionType = Enum<'ObjectionActionType'>;
export type InspectionOutcome = Enum<'InspectionOutcome'>;

/** One item of a round's shared checklist. */
export type ChecklistItem = RoundRecord['checklistItems'][number];

const Entities = graphql(`
  query Entities($search: String, $creditClass: CreditClass, $first: Int, $offset: Int) {
    marketEntities(search: $search, creditClass: $creditClass, first: $first, offset: $offset) { totalCount edges { node { ...EntityFields } } }
  }
`, [EntityFields]);
const EntityNode = graphql(`query EntityNode($id: ID!) { node(id: $id) { __typename ... on MarketEntity { ...EntityFields } } }`, [EntityFields]);
const EntityNodes = graphql(`query EntityNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on MarketEntity { ...EntityFields } } }`, [EntityFields]);

export const entities = {
  async getList(params: GetListParams): Promise<GetListResult<EntityRecord>> {
    const { q, creditClass } = (params.filter ?? {}) as { q?: string; creditClass?: Enum<'CreditClass'> | '' };
    const data = await request(Entities, { search: q || undefined, creditClass: creditClass || undefined, ...pageArgs(params) });
    return { data: nodesOf(data.marketEntities), total: data.marketEntities.totalCount };
  },
  ...nodeReaders('MarketEntity', EntityNode, EntityNodes),
};

const Objections = graphql(`
  query Objections($status: String, $first: Int, $offset: Int) {
    objections(status: $status, first: $first, offset: $offset) { totalCount edges { node { ...ObjectionFields } } }
  }
`, [ObjectionFields]);
const ObjectionNode = graphql(`query ObjectionNode($id: ID!) { node(id: $id) { __typename ... on ObjectionCase { ...ObjectionFields } } }`, [ObjectionFields]);
const ObjectionNodes = graphql(`query ObjectionNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on ObjectionCase { ...ObjectionFields } } }`, [ObjectionFields]);

export const objections = {
  async getList(params: GetListParams): Promise<GetListResult<ObjectionRecord>> {
    const data = await request(Objections, { status: (params.filter?.status as string | undefined) || undefined, ...pageArgs(params) });
    return { data: nodesOf(data.objections), total: data.objections.totalCount };
  },
  ...nodeReaders('ObjectionCase', ObjectionNode, ObjectionNodes),
};

const ActOnObjection = graphql(`
  mutation ActOnObjection($input: ObjectionActionInput!) {
    actOnObjection(input: $input) { __typename ... on Error { message } ... on MutationActOnObjectionSuccess { data { status } } }
  }
`);

/** One step of an objection through the API; the workflow's refusal comes back as a MutationError in its words. */
export async function actOnObjection(input: VariablesOf<typeof ActOnObjection>['input']) {
  return answer(await request(ActOnObjection, { input }));
}

const Repairs = graphql(`
  query Repairs($first: Int, $offset: Int) { repairApplications(first: $first, offset: $offset) { totalCount edges { node { ...RepairFields } } } }
`, [RepairFields]);
const RepairNode = graphql(`query RepairNode($id: ID!) { node(id: $id) { __typename ... on RepairApplication { ...RepairFields } } }`, [RepairFields]);
const RepairNodes = graphql(`query RepairNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on RepairApplication { ...RepairFields } } }`, [RepairFields]);

export const repairs = {
  async getList(params: GetListParams): Promise<GetListResult<RepairRecord>> {
    const data = await request(Repairs, pageArgs(params));
    return { data: nodesOf(data.repairApplications), total: data.repairApplications.totalCount };
  },
  ...nodeReaders('RepairApplication', RepairNode, RepairNodes),
};

const DecideRepair = graphql(`
  mutation DecideRepair($id: ID!, $approve: Boolean!, $text: String) {
    decideRepair(applicationId: $id, approve: $approve, text: $text) { __typename ... on Error { message } ... on MutationDecideRepairSuccess { data { status } } }
  }
`);

export async function decideRepair(applicationId: string, approve: boolean, text: string) {
  return answer(await request(DecideRepair, { id: applicationId, approve, text }));
}

const Rounds = graphql(`query Rounds { inspectionRounds { ...RoundFields } }`, [RoundFields]);
const RoundNode = graphql(`query RoundNode($id: ID!) { node(id: $id) { __typename ... on InspectionRound { ...RoundFields } } }`, [RoundFields]);
const RoundNodes = graphql(`query RoundNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on InspectionRound { ...RoundFields } } }`, [RoundFields]);

export const inspections = {
  async getList(params: GetListParams): Promise<GetListResult<RoundRecord>> {
    const { inspectionRounds } = await request(Rounds);
    const { first, offset } = pageArgs(params);
    return { data: inspectionRounds.slice(offset, offset + first), total: inspectionRounds.length };
  },
  ...nodeReaders('InspectionRound', RoundNode, RoundNodes),
};

const ActOnRound = graphql(`
  mutation ActOnRound($input: InspectionRoundActionInput!) {
    actOnInspectionRound(input: $input) { __typename ... on Error { message } ... on MutationActOnInspectionRoundSuccess { data { status } } }
  }
`);
type RoundAction = VariablesOf<typeof ActOnRound>['input'];

const actOnRound = async (input: RoundAction) => answer(await request(ActOnRound, { input }));

export const publishResults = (roundId: string, entityCodes: string[]) => actOnRound({ roundId, type: 'publish', entityCodes });

/** Cancels a round before any result is recorded; the workflow refuses otherwise, in its words. */
export const cancelRound = (roundId: string, reasons: string) => actOnRound({ roundId, type: 'cancel', reasons });

/** Records one sampled entity's result against the shared checklist, signed by its drawn inspectors. */
export const recordInspectionResult = (input: Omit<RoundAction, 'type'>) => actOnRound({ ...input, type: 'record' });

const FileObjection = graphql(`
  mutation FileObjection($input: FileObjectionInput!) {
    fileObjection(input: $input) { __typename ... on Error { message } ... on MutationFileObjectionSuccess { data { id } } }
  }
`);

/** Files an objection for an entity (to one record, or to its class when recordId is null). */
export async function fileObjection(input: VariablesOf<typeof FileObjection>['input']) {
  return answer(await request(FileObjection, { input }));
}

/** Stores one file (uploadAttachment) and returns its id, for a later mutation to name. */
export const uploadAttachment = async (file: File): Promise<string> => (await storeAttachment(file)).id;

const ApplyForRepair = graphql(`
  mutation ApplyForRepair($input: ApplyForRepairInput!) {
    applyForRepair(input: $input) { __typename ... on Error { message } ... on MutationApplyForRepairSuccess { data { id } } }
  }
`);

/** Files a repair application; an ineligible one is refused at once with the rule's reasons. */
export async function applyForRepair(input: VariablesOf<typeof ApplyForRepair>['input']) {
  return answer(await request(ApplyForRepair, { input }));
}

const EnforcementOfficers = graphql(`query EnforcementOfficers($bodyId: String) { enforcementOfficers(bodyId: $bodyId) { ...OfficerFields } }`, [OfficerFields]);
const AddEnforcementOfficer = graphql(`
  mutation AddEnforcementOfficer($id: String!, $name: String!, $bodyId: String!) {
    addEnforcementOfficer(id: $id, name: $name, bodyId: $bodyId) { __typename ... on Error { message } ... on MutationAddEnforcementOfficerSuccess { data { ...OfficerFields } } }
  }
`, [OfficerFields]);
const DeclareConflict = graphql(`
  mutation DeclareConflict($officerId: String!, $entityCode: String!, $reason: String!) {
    declareConflict(officerId: $officerId, entityCode: $entityCode, reason: $reason) {
      __typename ... on Error { message } ... on MutationDeclareConflictSuccess { data { ...OfficerFields } }
    }
  }
`, [OfficerFields]);
const DeactivateOfficer = graphql(`
  mutation DeactivateOfficer($officerId: String!) {
    deactivateEnforcementOfficer(officerId: $officerId) {
      __typename ... on Error { message } ... on MutationDeactivateEnforcementOfficerSuccess { data { ...OfficerFields } }
    }
  }
`, [OfficerFields]);
const ReactivateOfficer = graphql(`
  mutation ReactivateOfficer($officerId: String!) {
    reactivateEnforcementOfficer(officerId: $officerId) {
      __typename ... on Error { message } ... on MutationReactivateEnforcementOfficerSuccess { data { ...OfficerFields } }
    }
  }
`, [OfficerFields]);

/** The enforcement staff pool, of one body or of all. */
export async function enforcementOfficers(bodyId: string | null): Promise<OfficerRecord[]> {
  return (await request(EnforcementOfficers, { bodyId: bodyId || undefined })).enforcementOfficers;
}

export async function addEnforcementOfficer(input: VariablesOf<typeof AddEnforcementOfficer>) {
  return answer(await request(AddEnforcementOfficer, input));
}

export async function declareConflict(input: VariablesOf<typeof DeclareConflict>) {
  return answer(await request(DeclareConflict, input));
}

/** Takes an officer out of the draw's pool, or puts them back (supervising office). */
export async function setOfficerActive(officerId: string, active: boolean): Promise<OfficerRecord> {
  return active ? answer(await request(ReactivateOfficer, { officerId })) : answer(await request(DeactivateOfficer, { officerId }));
}

const ImportCreditData = graphql(`
  mutation ImportCreditData($file: File!, $kind: CreditImportKind!) {
    importCreditData(file: $file, kind: $kind) {
      __typename ... on Error { message } ... on MutationImportCreditDataSuccess { data { imported skipped reclassified errors { row message } } }
    }
  }
`);

export type CreditImportReport = SuccessOf<ResultOf<typeof ImportCreditData>['importCreditData']>;

/** Imports entities or records from CSV/.xlsx, all or nothing: with any row in error, the report lists the rows and nothing is stored. */
export async function importCreditData(kind: Enum<'CreditImportKind'>, file: File): Promise<CreditImportReport> {
  return answer(await requestUpload(ImportCreditData, { kind }, file));
}

/** A body's registry id ('market-commission') from its global ID. */
export const bodyRegistryId = (globalId: string) => atob(globalId).replace(/^Body:/, '');
