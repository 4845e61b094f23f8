// `npm run restore -- <dir>`: a backup back into an empty data directory (Duban stopped); then `npm start`.
import { loadConfig } from '../runtime/config.ts';
import { restore } from '../services/backup.ts';

process.umask(0o077);
const source = process.argv[2];
if (!source) {
  console.error('用法 Usage: npm run restore -- <backup directory>');
  process.exit(2);
}
try {
  const manifest = restore(loadConfig(), source);
  console.log(`restore: the backup of ${manifest.createdAt} is in ${loadConfig().dataDir}; start Duban with npm start`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
