// `npm run -s plan:parse -- <file>`: prints the parsed plan as one JSON object
// on stdout (nothing else there); problems go to stderr with exit code 1. The
// document is read in a worker thread within the same limits as the API's.
import fs from 'node:fs';
import { parseUntrusted } from '../api/plans/sandbox.ts';

const file = process.argv[2];
try {
  if (!file) throw new Error('用法 usage: npm run -s plan:parse -- <file>');
  const { plan } = await parseUntrusted({ bytes: new Uint8Array(fs.readFileSync(file)), fileName: file });
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(code === 'ENOENT' ? `找不到文件 File not found: ${file}` : message);
  process.exit(1);
}
