// Item 8 of the security issue: a cell that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR first) is neutralised in every CSV export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitPlan } from '../../services/plans/commit.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { bearer } from './http.ts';

const hostile = ['=HYPERLINK("http://evil.example","点此")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

describe('CSV exports', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    const { db, env } = stack;
    await commitPlan({ prisma: db.prisma, temporal: env.client, taskQueue: 'duban', dataDir: db.dataDir }, {
      title: '导出测试', issuer: null, issuedOn: null, basis: null, warnings: [], sourceText: '…', timeline: 'historic',
      tasks: hostile.map((text, i) => ({ ref: `1.${i + 1}`, section: '一', text, leads: ['市市场监管委'], supports: [] })),
      requirements: [{ text: '制定细则', due: new Date(Date.now() + 30 * 86_400_000).toISOString(), recurrence: null, appliesTo: ['各牵头部门'] }],
    });
  });
  afterAll(() => stack?.stop());

  it('neutralises formula cells in the ledger CSV', async () => {
    const token = await stack.api.login('supervisor');
    // The assignments reach the read model from the task workflows a moment after the commit.
    const text = await eventually(async () => {
      const response = await fetch(`${stack.base}/exports/ledger.csv?scope=open`, { headers: bearer(token) });
      expect(response.status).toBe(200);
      const csv = await response.text();
      expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(hostile.length + 1);
      return csv;
    });
    for (const cell of hostile) {
      expect(text, JSON.stringify(cell)).not.toMatch(new RegExp(`(^|,|\\n|")${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '""')}`, 'm'));
      expect(text, JSON.stringify(cell)).toContain(`'${cell.replace(/"/g, '""')}`);
    }
  });
});
