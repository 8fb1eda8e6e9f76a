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
import { SessionProvider, useSession } from './session/session';

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
