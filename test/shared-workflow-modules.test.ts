// The domain modules every workflow shares in the worker's V8 context
// (worker/create.ts sharedWorkflowModules): the ones the workflows import, and
// only modules with no state of their own, since one copy serves every workflow.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedWorkflowModules } from '../worker/create.ts';

const root = path.resolve(import.meta.dirname, '..');
const shared = sharedWorkflowModules();
const relative = shared.map((file) => path.relative(root, file));

describe('domain modules shared by the workflows', () => {
  it('are the domain modules the workflows import for their values, each an existing file', () => {
    expect(relative).toEqual(expect.arrayContaining(['domain/supervision/transitions.ts', 'domain/supervision/ladder.ts', 'domain/inspection/round.ts', 'domain/time/instants.ts']));
    for (const file of relative) expect(file.startsWith('domain/') && fs.existsSync(path.join(root, file)), file).toBe(true);
    // Imported for its types only by the workflows (their own imports load it if they need it).
    expect(relative).not.toContain('domain/credit/cases.ts');
  });

  it('and the modules they import hold no state of their own and call no workflow API: any domain module may be shared', () => {
    const domain = fs.readdirSync(path.join(root, 'domain'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of domain.map((f) => path.join(root, 'domain', f))) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/^(export )?(let|var) /m);
      expect(text, file).not.toContain('@temporalio/workflow');
    }
  });
});
