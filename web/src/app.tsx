import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Loading } from './components/Status';
import { PAGES, Shell } from './layout/Shell';
import { MarkingRegistry } from './marking/marking-registry';
import { AuditPage } from './pages/AuditPage';
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
          <Route index element={<Navigate to="/search" replace />} />
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
