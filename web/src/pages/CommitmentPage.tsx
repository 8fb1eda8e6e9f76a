import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useCoopFormat } from '../cooperation/format';
import { commitmentTitle, DueDate, Lead, ReportLinks, StatusBadge } from '../cooperation/parts';
import { ProgressForm } from '../cooperation/ProgressForm';
import { TrendChart } from '../cooperation/TrendChart';
import type { CommitmentView, HistoryEntry } from '../cooperation/types';
import { useView } from '../cooperation/use-view';
import { MarkingTag } from '../marking/MarkingTag';
import { useUser } from '../session/session';
import { useTitle } from './use-title';

/**
 * One commitment: what was agreed, where, who leads it, when it is due and where it stands; its
 * indicator against the target; every progress update with its evidence; and, for the agency
 * that contributed it, a form for the next update.
 */
export function CommitmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { loaded, replace, reload } = useView<CommitmentView>(
    `/commitments/${encodeURIComponent(id)}`,
  );
  useTitle(
    loaded.state === 'ready' ? commitmentTitle(loaded.data) : t('cooperation.commitment.title'),
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error')
    return (
      <div>
        <h1>{t('cooperation.commitment.title')}</h1>
        <ErrorNotice error={loaded.error} />
        {loaded.error instanceof ApiError && loaded.error.problem.status === 404 && (
          <p className="hint">{t('cooperation.commitment.notFound')}</p>
        )}
        <Link to="/cooperation?view=board">{t('cooperation.backToBoard')}</Link>
      </div>
    );
  return <Commitment commitment={loaded.data} onUpdated={replace} onStale={reload} />;
}

function Commitment({
  commitment: c,
  onUpdated,
  onStale,
}: {
  commitment: CommitmentView;
  onUpdated: (c: CommitmentView) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const me = useUser();
  const id = useId();
  return (
    <article className="commitment" data-testid="commitment">
      <p>
        <Link to="/cooperation?view=board">{t('cooperation.backToBoard')}</Link>
      </p>
      <MarkingTag sharing={c} />
      <h1>{commitmentTitle(c)}</h1>
      {c.text && c.text !== c.name && <p className="commitment-text">{c.text}</p>}
      <dl className="provenance">
        <dt>{t('cooperation.column.status')}</dt>
        <dd>
          <StatusBadge status={c.status} />
          {c.closed && <span className="hint"> {t('cooperation.commitment.closed')}</span>}
        </dd>
        <dt>{t('cooperation.column.due')}</dt>
        <dd>
          <DueDate commitment={c} />
        </dd>
        <dt>{t('cooperation.column.lead')}</dt>
        <dd>
          <Lead commitment={c} />
        </dd>
        <dt>{t('cooperation.column.topic')}</dt>
        <dd>{c.topic ? f.topic(c.topic) : t('cooperation.unknown')}</dd>
        <dt>{t('cooperation.commitment.scope')}</dt>
        <dd>{t(`cooperation.scope.${c.scope}`, { defaultValue: c.scope })}</dd>
        <dt>{t('cooperation.commitment.meeting')}</dt>
        <dd>
          {c.meeting ? (
            <Link to={`/cooperation/meetings/${c.meeting.id}`}>
              {c.meeting.caption}
              {c.meeting.date && ` (${f.day(c.meeting.date)})`}
            </Link>
          ) : (
            t('cooperation.commitment.meetingNotShared')
          )}
        </dd>
        {c.owners.length > 0 && (
          <>
            <dt>{t('cooperation.commitment.owners')}</dt>
            <dd>
              <ul className="owners">
                {c.owners.map((o) => (
                  <li key={o.linkId}>
                    <Link to={`/records/${o.recordId}`}>{o.name}</Link>
                    {o.role && ` — ${o.role}`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('cooperation.meeting.contributedBy')}</dt>
        <dd>{c.agency}</dd>
      </dl>
      {c.meeting && <ReportLinks meetingId={c.meeting.id} />}

      <section aria-labelledby={`${id}-indicator`}>
        <h2 id={`${id}-indicator`}>{t('cooperation.commitment.indicator')}</h2>
        {c.indicator && c.trend ? (
          <>
            <p data-testid="indicator">
              {t('cooperation.commitment.measuredBy', {
                indicator: f.indicator(c.indicator.name),
                target: f.measure(c.indicator.target, c.trend.unit),
              })}{' '}
              {c.trend.latest &&
                t('cooperation.commitment.latest', {
                  month: f.day(c.trend.latest.month),
                  value: f.measure(c.trend.latest.value, c.trend.unit),
                })}
            </p>
            <TrendChart trend={c.trend} />
          </>
        ) : (
          <Empty>{t('cooperation.commitment.noIndicator')}</Empty>
        )}
      </section>

      <section aria-labelledby={`${id}-history`}>
        <h2 id={`${id}-history`}>{t('cooperation.commitment.history')}</h2>
        <ol className="timeline" data-testid="history">
          {c.history.map((h) => (
            <HistoryItem key={h.version} entry={h} />
          ))}
        </ol>
      </section>

      {c.closed ? (
        <p className="notice">{t('cooperation.commitment.closedNotice')}</p>
      ) : c.agency === me.agency ? (
        <ProgressForm commitment={c} onUpdated={onUpdated} onStale={onStale} />
      ) : (
        <p className="notice">{t('cooperation.commitment.originatorOnly', { agency: c.agency })}</p>
      )}
    </article>
  );
}

function HistoryItem({ entry: h }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  return (
    <li data-testid="history-entry">
      <MarkingTag sharing={h} /> <time dateTime={h.changedAt}>{f.moment(h.changedAt)}</time>{' '}
      {h.status && <StatusBadge status={h.status} />}{' '}
      <span className="meta-inline">
        {t(h.version === 1 ? 'cooperation.history.created' : 'cooperation.history.updated', {
          agency: h.agency,
        })}
      </span>
      {h.note && <p className="note">{h.note}</p>}
      {h.evidence.length > 0 && (
        <ul className="evidence" aria-label={t('cooperation.history.evidence')}>
          {h.evidence.map((e) => (
            <li key={e.recordId}>
              {t(`model:schema.${e.schema}`, { defaultValue: e.schema })}:{' '}
              <Link to={`/records/${e.recordId}`}>{e.caption}</Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
