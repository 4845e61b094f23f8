import { assignmentFields, taskSummary } from '../dataProvider/fields.ts';
import type { AssignmentRecord, TaskSummary } from '../dataProvider/records.ts';

interface FileRef {
  id: string;
  name: string;
}

interface Submission {
  at: string;
  comment: string | null;
  attachedFiles: FileRef[];
}

export interface DecisionRecord {
  id: string;
  kind: 'submission' | 'extension' | 'catalogue' | 'report' | 'objection' | 'repair';
  waitingSince: string;
  assignment: (AssignmentRecord & { task: TaskSummary; lastSubmission: Submission | null; extensionRequest: Submission | null }) | null;
  filing: {
    id: string; bodyName: string; round: { title: string }; measuresId: string | null; measuresName: string | null; availableActions: string[];
    rows: Array<{ ordinal: number; item: string; disposition: string; object: string; content: string; method: string; standard: string; measures: string; procedure: string }>;
  } | null;
  report: { id: string; bodyName: string; round: { year: number }; sections: Array<{ key: string; title: string; text: string }>; attachedFiles: FileRef[]; availableActions: string[] } | null;
  objection: { id: string; caseId: string; reasons: string; filedByName: string; status: string; entity: { name: string }; evidence: FileRef[]; availableActions: string[] } | null;
  repair: { id: string; applicationId: string; statement: string; filedByName: string; entity: { name: string }; evidence: FileRef[]; availableActions: string[] } | null;
}

const submission = 'at comment attachedFiles { id name }';

export const decisionQueueQuery = `query ($first: Int!, $offset: Int) { decisionQueue(first: $first, offset: $offset) { totalCount edges { node {
  id kind waitingSince
  assignment { ${assignmentFields} task { ${taskSummary} } lastSubmission { ${submission} } extensionRequest { ${submission} } }
  filing { id bodyName round { title } measuresId measuresName availableActions rows { ordinal item disposition object content method standard measures procedure } }
  report { id bodyName round { year } sections { key title text } attachedFiles { id name } availableActions }
  objection { id caseId reasons filedByName status entity { name } evidence { id name } availableActions }
  repair { id applicationId statement filedByName entity { name } evidence { id name } availableActions }
} } } }`;
