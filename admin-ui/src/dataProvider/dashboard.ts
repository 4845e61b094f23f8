import { graphql, request, type ResultOf } from '../graphql.ts';
import { nodesOf } from './connection.ts';
import { LedgerFields } from './fields.ts';
import type { LedgerRecord } from './records.ts';

/** How many rows of the overdue and upcoming lists the dashboard shows; the ledger has the rest. */
const dashboardRows = 50;

const Dashboard = graphql(`
  query Dashboard($planId: ID, $rows: Int) {
    dashboard(planId: $planId) {
      tasks { green yellow red done } assignments { green yellow red done }
      sections { ordinal title counts { green yellow red done } }
      bodies { bodyName body { id shortName } open overdue }
      unacknowledged
    }
    overdue: assignments(filter: { overdue: true, planId: $planId }, orderBy: urgency, first: $rows) { totalCount edges { node { ...LedgerFields } } }
    upcoming: assignments(filter: { dueWithinDays: 30, planId: $planId }, orderBy: urgency, first: $rows) { totalCount edges { node { ...LedgerFields } } }
  }
`, [LedgerFields]);

export type DashboardData = ResultOf<typeof Dashboard>['dashboard'] & {
  overdue: { rows: LedgerRecord[]; total: number };
  upcoming: { rows: LedgerRecord[]; total: number };
};

/** The supervising office's overview in one request: lights, the overdue list, bodies' load, deadlines ahead. */
export async function dashboard(planId: string | undefined): Promise<DashboardData> {
  const data = await request(Dashboard, { planId, rows: dashboardRows });
  return {
    ...data.dashboard,
    overdue: { rows: nodesOf(data.overdue), total: data.overdue.totalCount },
    upcoming: { rows: nodesOf(data.upcoming), total: data.upcoming.totalCount },
  };
}
