import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { DashboardData } from '../dataProvider/dashboard.ts';
import { lightColours } from '../lights/lights.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { Panel } from '../shared/Panel.tsx';
import { useDubanPaths } from '../shared/links.ts';

/** Bodies shown in the chart; the ledger has every one. */
const shown = 12;
/** Open (not yet overdue) is neutral: only the lights' colours mean a light. */
const openColour = '#90a4ae';

const shortName = (name: string) => (name.length > 9 ? `${name.slice(0, 8)}…` : name);

/** Open and overdue assignments per body, most overdue first; a bar opens that body's ledger. */
export function BodyLoadChart({ bodies, planId }: { bodies: DashboardData['bodies']; planId: string }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const paths = useDubanPaths();
  const rows = bodies.slice(0, shown).map((b) => ({ ...b, onTime: b.open - b.overdue }));
  const open = (bar: { payload?: (typeof rows)[number] }) => {
    if (bar.payload?.body) navigate(paths.list('assignments', { planId, bodyId: bar.payload.body.id }));
  };
  return (
    <Panel title={translate('duban.dashboard.bodies')} testId="body-chart">
      {rows.length === 0 ? (
        <EmptyState title={translate('duban.dashboard.bodiesEmpty')} />
      ) : (
        <ResponsiveContainer width="100%" height={rows.length * 30 + 60}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="bodyName" width={130} tickFormatter={shortName} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip />
            <Legend />
            <Bar dataKey="overdue" name={translate('duban.dashboard.overdueBar')} stackId="load" fill={lightColours.red} onClick={open} cursor="pointer" isAnimationActive={false} />
            <Bar dataKey="onTime" name={translate('duban.dashboard.onTimeBar')} stackId="load" fill={openColour} onClick={open} cursor="pointer" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Panel>
  );
}
