/** GraphQL selections, one per record shape in records.ts: each page asks for exactly what it shows. */
export const bodyRef = 'id shortName';
export const bodyFields = `${bodyRef} fullName kind aliases webhookUrl members { ${bodyRef} }`;

export const assignmentFields = `id bodyName body { ${bodyRef} } origin role primary placeholder blocking status light deliverable
  due originalDue overdueDays submittedAt acceptedAt returnCount extensionRequestedUntil extensionReason availableActions urgeCount lastUrgedAt
  acknowledgedAt unacknowledged progressPercent behindPace`;

export const taskSummary = 'id ref text status plan { id title } section { ordinal title }';
export const ledgerFields = `${assignmentFields} task { ${taskSummary} }`;
export const eventFields = 'seq type at actorName bodyName comment attachments data';
export const myAssignmentFields = `${assignmentFields} task { ${taskSummary} timeline { ${eventFields} } }`;

export const taskFields = `${taskSummary} light due deadline { due extendedFrom } closedAt workflowUrl assignments { ${assignmentFields} }`;
export const taskDetail = `${taskFields} timeline { ${eventFields} }`;

export const planFields = 'id title issuer issuedOn basis timeline createdAt warnings sections { id ordinal title }';
export const planDetail = `id title issuer issuedOn basis timeline createdAt warnings parseWarnings { code message ref body detail } sourceText registry { id name }
  requirements { id text due recurrence appliesTo }
  sections { id ordinal title tasks { id ref text light } }`;
