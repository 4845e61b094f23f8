import { LedgerFields } from '../dataProvider/fields.ts';
import { graphql, type ResultOf } from '../graphql.ts';

/** Everything awaiting the supervising office's decision, oldest first, with the evidence each decision needs. */
export const DecisionQueueQuery = graphql(`
  query DecisionQueue($first: Int!, $offset: Int) {
    decisionQueue(first: $first, offset: $offset) {
      totalCount
      edges {
        node {
          id kind waitingSince
          assignment {
            ...LedgerFields
            lastSubmission { at comment attachedFiles { id name } }
            extensionRequest { at comment attachedFiles { id name } }
          }
          filing { id bodyName round { title } measuresId measuresName availableActions rows { ordinal item disposition object content method standard measures procedure } }
          report { id bodyName round { year } sections { key title text } attachedFiles { id name } availableActions }
          objection { id caseId reasons filedByName status entity { name } evidence { id name } availableActions }
          repair { id applicationId statement filedByName entity { name } evidence { id name } availableActions }
        }
      }
    }
  }
`, [LedgerFields]);

export type DecisionRecord = ResultOf<typeof DecisionQueueQuery>['decisionQueue']['edges'][number]['node'];
