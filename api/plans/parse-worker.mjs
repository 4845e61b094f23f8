// The thread an untrusted notice is read in (see sandbox.ts). Worker threads do
// not inherit the parent's TypeScript loader, so this plain module registers
// tsx before loading the job.
import { register } from 'tsx/esm/api';

register();
await import('./parse-job.ts');
