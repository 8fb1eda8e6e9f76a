import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { UrlTabs } from '../components/UrlTabs';
import { Board } from '../cooperation/Board';
import { CommitmentForm } from '../cooperation/CommitmentForm';
import { CommitmentList } from '../cooperation/CommitmentList';
import { IndicatorTrends } from '../cooperation/IndicatorTrends';
import { MeetingList } from '../cooperation/MeetingList';
import { ReportLinks } from '../cooperation/parts';
import { useTitle } from './use-title';

const VIEWS = ['meetings', 'board', 'overdue', 'atRisk', 'indicators', 'new'] as const;

/**
 * The committees' work: the meetings, the commitments agreed at them on a board by status, the
 * overdue and at-risk lists, the indicators that measure them, and the progress report. The tab
 * and the filters live in the address bar.
 */
export function CooperationPage() {
  const { t } = useTranslation();
  useTitle(t('cooperation.title'));
  const [version, setVersion] = useState(0);
  return (
    <div className="cooperation-page">
      <h1>{t('cooperation.title')}</h1>
      <p>
        {t('cooperation.intro')} <Link to="/cooperation/readout">{t('cooperation.toReadout')}</Link>
      </p>
      <ReportLinks />
      <UrlTabs views={VIEWS} label={t('cooperation.tabs')} labelKey={(v) => `cooperation.tab.${v}`}>
        {(view) => (
          <>
            {view === 'meetings' && <MeetingList />}
            {view === 'board' && <Board version={version} />}
            {view === 'overdue' && <CommitmentList key={`o${version}`} kind="overdue" />}
            {view === 'atRisk' && <CommitmentList key={`r${version}`} kind="atRisk" />}
            {view === 'indicators' && <IndicatorTrends />}
            {view === 'new' && <CommitmentForm onCreated={() => setVersion((v) => v + 1)} />}
          </>
        )}
      </UrlTabs>
    </div>
  );
}
