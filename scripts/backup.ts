// `npm run backup -- <dir>`: a consistent online copy of everything (see services/backup.ts), while Duban runs.
import fs from 'node:fs';
import { loadConfig } from '../runtime/config.ts';
import { backup } from '../services/backup.ts';

// The copy holds keys and personal data: its owner's alone.
process.umask(0o077);
const target = process.argv[2];
if (!target) {
  console.error('用法 Usage: npm run backup -- <directory>');
  process.exit(2);
}
const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const manifest = await backup(loadConfig(), target, version);
const rows = Object.values(manifest.counts).reduce((sum, n) => sum + n, 0);
console.log(`backup: ${target}: read model (${manifest.versions.readModel}${rows ? `, ${rows} rows` : ''}), ${manifest.temporal ? 'Temporal database, ' : ''}${manifest.files} files`);
