import { QueryClient } from '@tanstack/react-query';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { AccountsPage } from './accounts/AccountsPage.tsx';
import { AuditLogPage } from './audit/AuditLogPage.tsx';
import { assignments, myAssignments } from './assignments/index.ts';
import type { Account } from './auth/account.ts';
import { authProvider } from './auth/authProvider.ts';
import { ChangePasswordPage } from './auth/ChangePassword.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { bodies } from './bodies/index.ts';
import { HolidayCalendarPage } from './calendar/HolidayCalendarPage.tsx';
import { CreditImportPage } from './credit-import/CreditImportPage.tsx';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { DecisionQueuePage } from './decisions/DecisionQueuePage.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { dataProvider } from './dataProvider/index.ts';
import { entities } from './entities/index.ts';
import { EvaluationRoundsPage } from './evaluation/EvaluationRoundsPage.tsx';
import { FilingRoundsPage } from './filing/FilingRoundsPage.tsx';
import { inspections } from './inspections/index.ts';
import { i18nProvider } from './i18n/index.ts';
import { ImportPage } from './import/ImportPage.tsx';
import { Layout } from './layout/Layout.tsx';
import { objections } from './objections/index.ts';
import { theme } from './layout/theme.ts';
import { plans } from './plans/index.ts';
import { repairs } from './repairs/index.ts';
import { ScoresPage } from './scores/ScoresPage.tsx';
import { BulletinsPage } from './bulletins/BulletinsPage.tsx';
import { ReportingGridPage } from './reporting/ReportingGridPage.tsx';
import { SignOffPage } from './signoff/SignOffPage.tsx';
import { StaffPoolPage } from './staff/StaffPoolPage.tsx';
import { tasks } from './tasks/index.ts';

/**
 * Signed out is an answer, not a failure to retry: without this, react-query asks
 * `{ me }` four times with backoff (about 8 s) before the sign-in form shows.
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error: Error & { status?: number }) => failures < 3 && error.status !== 401 && !error.message?.startsWith('ra.auth.'),
    },
  },
});

/** One app, three workspaces: the routes each role gets follow from `me`. */
export function App() {
  return (
    <Admin
      title="督办 Duban"
      dataProvider={dataProvider}
      authProvider={authProvider}
      queryClient={queryClient}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {(account: Account) => (
        <>
          {account.role === 'department' && <Resource name="my-assignments" {...myAssignments} />}
          <Resource name="tasks" {...tasks} />
          {account.role !== 'department' && <Resource name="assignments" {...assignments} />}
          <Resource name="plans" {...plans} />
          <Resource name="bodies" {...bodies} />
          <Resource name="entities" {...entities} />
          {account.role !== 'admin' && <Resource name="objections" {...objections} />}
          {account.role !== 'admin' && <Resource name="repairs" {...repairs} />}
          <Resource name="inspections" {...inspections} />
          <CustomRoutes>
            {account.role === 'supervisor' && <Route path="/import" element={<ImportPage />} />}
            {account.role === 'supervisor' && <Route path="/credit-import" element={<CreditImportPage />} />}
            {(account.role === 'supervisor' || account.role === 'department') && <Route path="/staff" element={<StaffPoolPage />} />}
            <Route path="/scores" element={<ScoresPage />} />
            {(account.role === 'supervisor' || account.role === 'department') && <Route path="/bulletins" element={<BulletinsPage />} />}
            {(account.role === 'supervisor' || account.role === 'department') && <Route path="/reporting" element={<ReportingGridPage />} />}
            {account.role === 'department' && <Route path="/sign-off" element={<SignOffPage />} />}
            {account.role !== 'department' && <Route path="/holiday-calendar" element={<HolidayCalendarPage />} />}
            {account.role !== 'admin' && <Route path="/filing" element={<FilingRoundsPage />} />}
            {account.role !== 'admin' && <Route path="/evaluation" element={<EvaluationRoundsPage />} />}
            {(account.role === 'admin' || account.role === 'supervisor') && <Route path="/accounts" element={<AccountsPage />} />}
            {account.role === 'admin' && <Route path="/audit" element={<AuditLogPage />} />}
            <Route path="/password" element={<ChangePasswordPage />} />
            <Route path="/inbox" element={<InboxPage />} />
            {account.role === 'supervisor' && <Route path="/decisions" element={<DecisionQueuePage />} />}
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
