import { createHmac, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { unverifiedMetadata } from '../domain/signed-payloads.ts';
import { derivedKey, installationSecret } from './secret.ts';

const signatureMetadata = 'duban-signature';
const encoder = new TextEncoder();

/** The payload converter that marks unverified values (it runs inside the workflow sandbox too). */
export const payloadConverterPath = fileURLToPath(new URL('../workflows/signed-payloads.ts', import.meta.url));

/** The key that signs Temporal payloads, derived from the installation's secret; it never enters a payload or a history. */
export const payloadKey = (dataDir: string, secret?: string) => derivedKey(installationSecret(dataDir, secret), 'temporal-payloads');

/**
 * Signs every payload a Duban client or worker sends to Temporal with an HMAC
 * over its encoding, its data and the workflow it is for; the signature (not
 * the key) travels in the payload's metadata. The worker checks every payload
 * it receives: one without a valid signature (sent by anyone else who reaches
 * Temporal) is passed on marked as unverified, never refused here, so nothing
 * can wedge a workflow in a failing task; the workflows' update validators
 * refuse marked requests (workflows/signed-payloads.ts).
 */
export class SigningCodec implements PayloadCodec {
  constructor(
    private readonly key: Uint8Array,
    /** The worker checks what it receives; a client trusts the answers of its own workers. */
    private readonly verify: boolean,
  ) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((payload) => {
      const { [signatureMetadata]: _signature, [unverifiedMetadata]: _mark, ...metadata } = payload.metadata ?? {};
      const unsigned = { ...payload, metadata };
      return { ...unsigned, metadata: { ...metadata, [signatureMetadata]: this.signature(unsigned, context) } };
    });
  }

  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    if (!this.verify) return payloads;
    return payloads.map((payload) => {
      const { [signatureMetadata]: signature, [unverifiedMetadata]: _forgedMark, ...metadata } = payload.metadata ?? {};
      const unsigned = { ...payload, metadata };
      const expected = this.signature(unsigned, context);
      const valid = signature instanceof Uint8Array && signature.length === expected.length && timingSafeEqual(signature, expected);
      return valid ? unsigned : { ...unsigned, metadata: { ...metadata, [unverifiedMetadata]: encoder.encode('1') } };
    });
  }

  private signature(payload: Payload, context?: SerializationContext): Uint8Array {
    // Bound to the workflow it is for: a signed update cannot be replayed against another workflow.
    const target = context?.type === 'workflow' ? context.workflowId : '';
    const hmac = createHmac('sha256', this.key).update(target).update('\0');
    for (const [name, value] of Object.entries(payload.metadata ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      hmac.update(name).update('\0').update(value ?? new Uint8Array()).update('\0');
    }
    return new Uint8Array(hmac.update(payload.data ?? new Uint8Array()).digest());
  }
}
