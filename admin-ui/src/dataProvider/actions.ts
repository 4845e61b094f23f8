import { HttpError } from 'react-admin';
import { answer, graphql, request, type Enum, type VariablesOf } from '../graphql.ts';

export type ActionType = Enum<'TaskActionType'>;

const Act = graphql(`
  mutation Act($input: TaskActionInput!) {
    act(input: $input) { __typename ... on Error { message } ... on MutationActSuccess { data { seq type at } } }
  }
`);

/** One action on one body's assignment of a task (TaskActionInput); the request id is added when it is sent. */
export type TaskAction = Omit<VariablesOf<typeof Act>['input'], 'requestId'>;

/** The network lost the call, or a proxy found no API behind it (it may be restarting). */
const transient = (error: unknown) => error instanceof TypeError || (error instanceof HttpError && error.status >= 502);

/**
 * Sends the action to the task's workflow; a refusal comes back as a MutationError with the workflow's reason.
 * A call lost on the network is sent again under the same request id, so the action is done once.
 */
export async function act(input: TaskAction) {
  const variables = { input: { ...input, requestId: crypto.randomUUID() } };
  for (let attempt = 1; ; attempt++) {
    try {
      return answer(await request(Act, variables));
    } catch (error) {
      if (!transient(error) || attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
