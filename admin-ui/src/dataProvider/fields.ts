import { graphql, type ResultOf } from '../graphql.ts';

/** GraphQL selections, one per record shape in records.ts: each page asks for exactly what it shows (fragments spread as `...Name`). */
export const BodyRefFields = graphql(`fragment BodyRefFields on Body @_unmask { id shortName }`);

export const BodyFields = graphql(`
  fragment BodyFields on Body @_unmask { ...BodyRefFields fullName kind aliases webhookUrl members { ...BodyRefFields } }
`, [BodyRefFields]);

export const AssignmentFields = graphql(`
  fragment AssignmentFields on Assignment @_unmask {
    id bodyName body { ...BodyRefFields } origin role primary placeholder blocking status light deliverable
    due originalDue overdueDays submittedAt acceptedAt returnCount extensionRequestedUntil extensionReason availableActions urgeCount lastUrgedAt
    acknowledgedAt unacknowledged progressPercent behindPace
  }
`, [BodyRefFields]);

export const TaskSummaryFields = graphql(`
  fragment TaskSummaryFields on Task @_unmask { id ref text status plan { id title } section { ordinal title } }
`);

export const LedgerFields = graphql(`
  fragment LedgerFields on Assignment @_unmask { ...AssignmentFields task { ...TaskSummaryFields } }
`, [AssignmentFields, TaskSummaryFields]);

export const EventFields = graphql(`
  fragment EventFields on TaskEvent @_unmask { seq type at actorName onBehalfOfName bodyName comment attachedFiles { id name } details { until approve } }
`);

export const MyAssignmentFields = graphql(`
  fragment MyAssignmentFields on Assignment @_unmask { ...AssignmentFields task { ...TaskSummaryFields timeline { ...EventFields } } }
`, [AssignmentFields, TaskSummaryFields, EventFields]);

export const TaskFields = graphql(`
  fragment TaskFields on Task @_unmask {
    ...TaskSummaryFields light due deadline { due extendedFrom } closedAt workflowUrl assignments { ...AssignmentFields }
  }
`, [TaskSummaryFields, AssignmentFields]);

export const TaskDetail = graphql(`
  fragment TaskDetail on Task @_unmask { ...TaskFields timeline { ...EventFields } }
`, [TaskFields, EventFields]);

export const PlanFields = graphql(`
  fragment PlanFields on Plan @_unmask { id title issuer issuedOn basis timeline createdAt warnings sections { id ordinal title } }
`);

export const PlanDetail = graphql(`
  fragment PlanDetail on Plan @_unmask {
    id title issuer issuedOn basis timeline createdAt warnings parseWarnings { code message ref body detail } sourceText registry { id name }
    requirements { id text due recurrence appliesTo }
    sections { id ordinal title tasks { id ref text light } }
  }
`);

export type { ResultOf };
