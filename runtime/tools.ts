import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Paths of the pinned Temporal executables; installs them on first use (scripts/temporal-tools.sh). */
export function temporalTools(): { cli: string; testServer: string } {
  execFileSync('bash', [path.join(root, 'scripts', 'temporal-tools.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const bin = path.join(root, '.tools', 'bin');
  return { cli: path.join(bin, 'temporal'), testServer: path.join(bin, 'temporal-test-server') };
}
