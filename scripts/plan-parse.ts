// `npm run -s plan:parse -- <file>`: prints the parsed plan as one JSON object
// on stdout (nothing else there); problems go to stderr with exit code 1.
import fs from 'node:fs';
import { parseNotice } from '../domain/plan/parse.ts';
import { readNotice } from '../api/plans/read-notice.ts';

const file = process.argv[2];
try {
  if (!file) throw new Error('用法 usage: npm run -s plan:parse -- <file>');
  const text = await readNotice(fs.readFileSync(file), file);
  process.stdout.write(`${JSON.stringify(parseNotice(text), null, 2)}\n`);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  console.error(code === 'ENOENT' ? `找不到文件 File not found: ${file}` : message);
  process.exit(1);
}
