import { HttpError } from 'react-admin';
import { untypedGraphql, resultFields, untypedUnwrap, type MutationResult } from '../graphql.ts';

export type ActionType =
  | 'acknowledge'
  | 'progress'
  | 'submit'
  | 'accept'
  | 'return'
  | 'requestExtension'
  | 'decideExtension'
  | 'urge'
  | 'designate'
  | 'withdraw'
  | 'setBlocking'
  | 'escalate'
  | 'acknowledgeSlip';

/** One action on one body's assignment of a task (TaskActionInput). */
export interface TaskAction {
  taskId: string;
  bodyName: string;
  type: ActionType;
  comment?: string;
  /** progress: percent done (序时进度). */
  percent?: number;
  until?: string;
  approve?: boolean;
  blocking?: boolean;
  bodies?: Array<{ id: string; due?: string }>;
  attachments?: Array<{ id: string }>;
  /** escalate: the ladder rung to issue by hand. */
  rungId?: string;
  /** acknowledgeSlip: the supervision slip. */
  slipId?: string;
  /** urge: urge again although urged within the configured interval (after the user confirms). */
  force?: boolean;
}

const mutation = `mutation ($input: TaskActionInput!) { act(input: $input) { ${resultFields('MutationActSuccess', 'seq type at')} } }`;

/** The network lost the call, or a proxy found no API behind it (it may be restarting). */
const transient = (error: unknown) => error instanceof TypeError || (error instanceof HttpError && error.status >= 502);

/**
 * Sends the action to the task's workflow; a refusal comes back as a MutationError with the workflow's reason.
 * A call lost on the network is sent again under the same request id, so the action is done once.
 */
export async function act(input: TaskAction): Promise<{ seq: number; type: string; at: string }> {
  const variables = { input: { ...input, requestId: crypto.randomUUID() } };
  for (let attempt = 1; ; attempt++) {
    try {
      const { act: result } = await untypedGraphql<{ act: MutationResult<{ seq: number; type: string; at: string }> }>(mutation, variables);
      return untypedUnwrap(result);
    } catch (error) {
      if (!transient(error) || attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
