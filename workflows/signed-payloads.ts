// Loaded into the workflow sandbox (the worker's payloadConverterPath): pure, no I/O.
import { BinaryPayloadConverter, CompositePayloadConverter, JsonPayloadConverter, UndefinedPayloadConverter, type Payload } from '@temporalio/common';
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { unverifiedMetadata } from '../domain/signed-payloads.ts';

/** The mark an unverified value carries: non-enumerable, so it is never copied, serialised or stored. */
const unverified = Symbol.for('duban.unverified');

/** JSON as usual; an object from an unverified payload is marked, and nothing else changes. */
class MarkingJsonPayloadConverter extends JsonPayloadConverter {
  override fromPayload<T>(payload: Payload): T {
    const value = super.fromPayload<T>(payload);
    if (payload.metadata?.[unverifiedMetadata] && value !== null && typeof value === 'object') {
      Object.defineProperty(value, unverified, { value: true });
    }
    return value;
  }
}

export const payloadConverter = new CompositePayloadConverter(new UndefinedPayloadConverter(), new BinaryPayloadConverter(), new MarkingJsonPayloadConverter());

/**
 * Every update's validator first refuses a request that no Duban API signed:
 * an update sent straight to Temporal (the CLI, the Web UI) cannot act as
 * anyone. Validators run only for new updates, never on replay, so histories
 * recorded before signing replay unchanged.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      validateUpdate(input, next) {
        if (input.args.some((arg) => arg !== null && typeof arg === 'object' && (arg as Record<symbol, unknown>)[unverified] === true)) {
          throw new Error('未经督办系统签名的请求被拒绝。 A request not signed by Duban is refused.');
        }
        next(input);
      },
    },
  ],
});
