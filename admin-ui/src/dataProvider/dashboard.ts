import { untypedGraphql } from '../graphql.ts';
import type { LightCounts } from '../lights/LightBar.tsx';
import { nodesOf, type Connection } from './connection.ts';
import { ledgerFields } from './fields.ts';
import type { BodyRef, LedgerRecord } from './records.ts';

export interface DashboardData {
  tasks: LightCounts;
  assignments: LightCounts;
  sections: Array<{ ordinal: number; title: string; counts: LightCounts }>;
  bodies: Array<{ bodyName: string; body: BodyRef | null; open: number; overdue: number }>;
  overdue: { rows: LedgerRecord[]; total: number };
  upcoming: { rows: LedgerRecord[]; total: number };
}

const counts = 'green yellow red done';
/** How many rows of the overdue and upcoming lists the dashboard shows; the ledger has the rest. */
const dashboardRows = 50;

const query = `query ($planId: ID, $rows: Int) {
  dashboard(planId: $planId) {
    tasks { ${counts} } assignments { ${counts} }
    sections { ordinal title counts { ${counts} } }
    bodies { bodyName body { id shortName } open overdue }
  }
  overdue: assignments(filter: { overdue: true, planId: $planId }, orderBy: urgency, first: $rows) { totalCount edges { node { ${ledgerFields} } } }
  upcoming: assignments(filter: { dueWithinDays: 30, planId: $planId }, orderBy: urgency, first: $rows) { totalCount edges { node { ${ledgerFields} } } }
}`;

interface Answer {
  dashboard: Omit<DashboardData, 'overdue' | 'upcoming'>;
  overdue: Connection<LedgerRecord>;
  upcoming: Connection<LedgerRecord>;
}

/** The supervising office's overview in one request: lights, the overdue list, bodies' load, deadlines ahead. */
export async function dashboard(planId: string | undefined): Promise<DashboardData> {
  const data = await untypedGraphql<Answer>(query, { planId, rows: dashboardRows });
  return {
    ...data.dashboard,
    overdue: { rows: nodesOf(data.overdue), total: data.overdue.totalCount },
    upcoming: { rows: nodesOf(data.upcoming), total: data.upcoming.totalCount },
  };
}
