import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { CustomerDetailPage } from './pages/customerDetail/CustomerDetailPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { CustomerListPage } from './pages/customers/CustomerListPage.tsx';
import { DueFollowUpsPage } from './pages/due/DueFollowUpsPage.tsx';
import { ImportHistoryPage } from './pages/import/ImportHistoryPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { NotificationsPage } from './pages/notifications/NotificationsPage.tsx';
import { ReminderSettingsPage } from './pages/reminders/ReminderSettingsPage.tsx';
import { RenewalsPage } from './pages/renewals/RenewalsPage.tsx';
import { ReportsPage } from './pages/reports/ReportsPage.tsx';
import { RetentionPage } from './pages/retention/RetentionPage.tsx';
import { SettingsPage } from './pages/settings/SettingsPage.tsx';
import { HygienePage } from './pages/hygiene/HygienePage.tsx';
import { PredictionPage } from './pages/prediction/PredictionPage.tsx';
import { RiskPage } from './pages/risk/RiskPage.tsx';
import { KeyCustomersPage } from './pages/visits/KeyCustomersPage.tsx';
import { KeyReviewPage } from './pages/visits/KeyReviewPage.tsx';
import { VisitPlanPage } from './pages/visits/VisitPlanPage.tsx';
import { ComplaintsPage } from './pages/complaints/ComplaintsPage.tsx';
import { SurveysPage } from './pages/surveys/SurveysPage.tsx';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="customers" element={<CustomerListPage />} />
        <Route path="customers/:id" element={<CustomerDetailPage />} />
        <Route path="due" element={<DueFollowUpsPage />} />
        <Route path="renewals" element={<RenewalsPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="retention" element={<RetentionPage />} />
        <Route path="reminders" element={<ReminderSettingsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="import/history" element={<ImportHistoryPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="hygiene" element={<HygienePage />} />
        <Route path="prediction" element={<PredictionPage />} />
        <Route path="risk" element={<RiskPage />} />
        <Route path="key-customers" element={<KeyCustomersPage />} />
        <Route path="key-customers/:id/review" element={<KeyReviewPage />} />
        <Route path="visits" element={<VisitPlanPage />} />
        <Route path="complaints" element={<ComplaintsPage />} />
        <Route path="surveys" element={<SurveysPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
