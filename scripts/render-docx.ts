// Renders the first page of a .docx as a PNG, to look at a generated document's layout (not part
// of `npm test`): LibreOffice converts it to PDF, then poppler's pdftoppm draws page 1 at 80 dpi.
//   npm run render:docx -- <file.docx> <page1.png>
// Needs Debian's libreoffice-writer (soffice) and poppler-utils (pdftoppm). The offices' fonts
// (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312) are not in Debian: LibreOffice draws substitutes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [input, output] = process.argv.slice(2);
if (!input || !output?.endsWith('.png')) {
  console.error('usage: npm run render:docx -- <file.docx> <page1.png>');
  process.exit(2);
}

const found = (command: string) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const missing = ['soffice', 'pdftoppm'].filter((command) => !found(command));
if (missing.length) {
  console.error(`render-docx: ${missing.join(' and ')} not found (apt-get install libreoffice-writer poppler-utils)`);
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-render-'));
try {
  // A profile of its own, so a desktop LibreOffice (or another render) running at the same time does not interfere.
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', work, path.resolve(input)], { stdio: 'inherit' });
  const pdf = path.join(work, `${path.basename(input, path.extname(input))}.pdf`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.resolve(output).replace(/\.png$/, '')], { stdio: 'inherit' });
  console.log(`render-docx: ${output}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
