import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { MarkingBanner } from '../marking/MarkingBanner';
import { useSession, useUser } from '../session/session';

/**
 * Pages in the navigation, each shown only to the roles it works for. Later pages (import,
 * network, cooperation, dashboard) join this list as they land.
 */
export const PAGES: { path: string; label: string; allowed?: (user: Me) => boolean }[] = [
  // The landing page: seizures and the newest records the viewer may see.
  { path: '/', label: 'dashboard.nav' },
  { path: '/search', label: 'nav.search' },
  // Every role that reads records reads the entities they add up to.
  { path: '/entities', label: 'nav.entities' },
  // Firearm traces: a requester's own requests, the tracing agency's whole queue.
  { path: '/traces', label: 'nav.traces' },
  { path: '/trace-statistics', label: 'nav.traceStatistics' },
  { path: '/network', label: 'network.nav' },
  // The committees' meetings, commitments and indicators.
  { path: '/cooperation', label: 'cooperation.nav' },
  // Every role that may write records may import them (records:write).
  { path: '/import', label: 'imports.nav' },
  { path: '/audit', label: 'nav.audit', allowed: (u) => ['supervisor', 'admin'].includes(u.role) },
  { path: '/admin', label: 'admin.nav', allowed: (u) => u.role === 'admin' },
];

export function Shell() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const user = useUser();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <MarkingBanner />
      <header className="topbar">
        <span className="brand">Puente</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {PAGES.filter((p) => p.allowed?.(user) ?? true).map((p) => (
              <li key={p.path}>
                <NavLink to={p.path}>{t(p.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who" data-testid="who">
          <span className="name">{user.name}</span>{' '}
          <span className="agency">
            {user.agency} · {t(`role.${user.role}`)}
          </span>
        </div>
        <LanguageSwitcher />
        <button type="button" onClick={() => void signOut()}>
          {t('session.signOut')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
