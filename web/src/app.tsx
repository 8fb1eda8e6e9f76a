import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from './components/Status';
import { PAGES, Shell } from './layout/Shell';
import { MarkingRegistry } from './marking/marking-registry';
import { AuditPage } from './pages/AuditPage';
import { DashboardPage } from './pages/DashboardPage';
import { EntitiesPage } from './pages/EntitiesPage';
import { EntityPage } from './pages/EntityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RecordPage } from './pages/RecordPage';
import { SearchPage } from './pages/SearchPage';
import { SignInPage } from './pages/SignInPage';
import { TracePage } from './pages/TracePage';
import { TracesPage } from './pages/TracesPage';
import { SessionProvider, useSession } from './session/session';

// The statistics page carries the state outlines: loaded when it is first opened.
const TraceStatsPage = lazy(() =>
  import('./pages/TraceStatsPage').then((m) => ({ default: m.TraceStatsPage })),
);
// The network explorer carries sigma and graphology: loaded when it is first opened.
const NetworkPage = lazy(() =>
  import('./pages/NetworkPage').then((m) => ({ default: m.NetworkPage })),
);
// Importing files and administration are occasional work: loaded when first opened.
const ImportPage = lazy(() =>
  import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })),
);
const AdminPage = lazy(() => import('./pages/AdminPage').then((m) => ({ default: m.AdminPage })));
// The cooperation pages (meetings, commitments, readouts): loaded when first opened.
const CooperationPage = lazy(() =>
  import('./pages/CooperationPage').then((m) => ({ default: m.CooperationPage })),
);
const MeetingPage = lazy(() =>
  import('./pages/MeetingPage').then((m) => ({ default: m.MeetingPage })),
);
const CommitmentPage = lazy(() =>
  import('./pages/CommitmentPage').then((m) => ({ default: m.CommitmentPage })),
);
const ReadoutPage = lazy(() =>
  import('./pages/ReadoutPage').then((m) => ({ default: m.ReadoutPage })),
);

function Pages() {
  const { status } = useSession();
  if (status.state === 'checking') return <Loading />;
  if (status.state === 'signed-out') return <SignInPage reason={status.reason} />;
  const allowed = (path: string) =>
    PAGES.find((p) => p.path === path)?.allowed?.(status.user) ?? true;
  return (
    <MarkingRegistry>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<DashboardPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="records/:id" element={<RecordPage />} />
          <Route path="entities" element={<EntitiesPage />} />
          <Route path="entities/:id" element={<EntityPage />} />
          <Route path="traces" element={<TracesPage />} />
          <Route path="traces/:id" element={<TracePage />} />
          <Route
            path="trace-statistics"
            element={
              <Suspense fallback={<Loading />}>
                <TraceStatsPage />
              </Suspense>
            }
          />
          <Route
            path="network"
            element={
              <Suspense fallback={<Loading />}>
                <NetworkPage />
              </Suspense>
            }
          />
          <Route
            path="cooperation"
            element={
              <Suspense fallback={<Loading />}>
                <CooperationPage />
              </Suspense>
            }
          />
          <Route
            path="cooperation/meetings/:id"
            element={
              <Suspense fallback={<Loading />}>
                <MeetingPage />
              </Suspense>
            }
          />
          <Route
            path="cooperation/commitments/:id"
            element={
              <Suspense fallback={<Loading />}>
                <CommitmentPage />
              </Suspense>
            }
          />
          <Route
            path="cooperation/readout"
            element={
              <Suspense fallback={<Loading />}>
                <ReadoutPage />
              </Suspense>
            }
          />
          {allowed('/import') && (
            <Route
              path="import"
              element={
                <Suspense fallback={<Loading />}>
                  <ImportPage />
                </Suspense>
              }
            />
          )}
          {allowed('/admin') && (
            <Route
              path="admin"
              element={
                <Suspense fallback={<Loading />}>
                  <AdminPage />
                </Suspense>
              }
            />
          )}
          {allowed('/audit') && <Route path="audit" element={<AuditPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </MarkingRegistry>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Pages />
      </SessionProvider>
    </BrowserRouter>
  );
}
