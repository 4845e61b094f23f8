import { graphql, resultFields, unwrap, type MutationResult } from '../graphql.ts';

export type ActionType =
  | 'progress'
  | 'submit'
  | 'accept'
  | 'return'
  | 'requestExtension'
  | 'decideExtension'
  | 'urge'
  | 'designate'
  | 'withdraw'
  | 'setBlocking';

/** One action on one body's assignment of a task (TaskActionInput). */
export interface TaskAction {
  taskId: string;
  bodyName: string;
  type: ActionType;
  comment?: string;
  until?: string;
  approve?: boolean;
  blocking?: boolean;
  bodies?: Array<{ id: string }>;
}

const mutation = `mutation ($input: TaskActionInput!) { act(input: $input) { ${resultFields('MutationActSuccess', 'seq type at')} } }`;

/** Sends the action to the task's workflow; a refusal comes back as a MutationError with the workflow's reason. */
export async function act(input: TaskAction): Promise<{ seq: number; type: string; at: string }> {
  const { act: result } = await graphql<{ act: MutationResult<{ seq: number; type: string; at: string }> }>(mutation, { input });
  return unwrap(result);
}
