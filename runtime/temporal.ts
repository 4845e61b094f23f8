import { Client, Connection } from '@temporalio/client';
import type { Config } from './config.ts';
import { payloadKey, SigningCodec } from './payload-signing.ts';

export const defaultTemporalAddress = '127.0.0.1:7233';

export function temporalAddress(config: Config): string {
  return config.temporalAddress ?? defaultTemporalAddress;
}

/** A client whose every payload is signed, so the workflows take its updates (see payload-signing.ts). */
export async function connectClient(config: Config): Promise<Client> {
  const connection = await Connection.connect({ address: temporalAddress(config) });
  const codec = new SigningCodec(payloadKey(config.dataDir, config.secret), false);
  return new Client({ connection, namespace: config.temporalNamespace, dataConverter: { payloadCodecs: [codec] } });
}

