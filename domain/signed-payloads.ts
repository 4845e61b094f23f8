/**
 * The metadata key the worker's payload codec (runtime/payload-signing.ts) sets on a
 * payload whose signature is missing or wrong, and the workflows' converter reads
 * (workflows/signed-payloads.ts): one name for both sides of the wire.
 */
export const unverifiedMetadata = 'duban-unverified';
