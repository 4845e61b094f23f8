import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const configFile = fileURLToPath(new URL('../admin-ui/vite.config.ts', import.meta.url));
const built = fileURLToPath(new URL('../admin-ui/dist/index.html', import.meta.url));

/** Builds the admin console once, so a fresh clone serves it without a separate step. */
export async function buildConsoleIfMissing(): Promise<void> {
  if (fs.existsSync(built)) return;
  console.log('Building the admin console…');
  await build({ configFile, logLevel: 'warn' });
}
