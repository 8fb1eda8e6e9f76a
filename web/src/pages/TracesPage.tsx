import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { UrlTabs } from '../components/UrlTabs';
import { BatchUpload } from '../traces/BatchUpload';
import { useTraceFormat } from '../traces/format';
import {
  Deadline,
  firearmText,
  isForbidden,
  placeText,
  PriorityLabel,
  runTraces,
  StatusBadge,
} from '../traces/parts';
import { useExplain } from '../traces/reasons';
import { useTraceRole } from '../traces/role';
import { TraceForm } from '../traces/TraceForm';
import { TRACE_STATUSES, type RunSummary, type TraceView } from '../traces/types';
import { useTitle } from './use-title';

const VIEWS = ['queue', 'new', 'upload'] as const;

/**
 * Firearm trace requests: the queue (a requester's own requests, the tracing agency's whole
 * queue), a form for one request and the upload of a file of them. The tab and the filters live
 * in the address bar.
 */
export function TracesPage() {
  const { t } = useTranslation();
  useTitle(t('traces.title'));
  return (
    <div className="traces-page">
      <h1>{t('traces.title')}</h1>
      <p>
        {t('traces.intro')} <Link to="/trace-statistics">{t('traces.toStats')}</Link>
      </p>
      <UrlTabs views={VIEWS} label={t('traces.tabs')} labelKey={(v) => `traces.tab.${v}`}>
        {(view) => (
          <>
            {view === 'queue' && <Queue />}
            {view === 'new' && <TraceForm />}
            {view === 'upload' && <BatchUpload />}
          </>
        )}
      </UrlTabs>
    </div>
  );
}

function Queue() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = TRACE_STATUSES.find((s) => s === statusParam) ?? '';
  const overdue = params.get('overdue') === 'true';
  const [version, setVersion] = useState(0);
  const tracer = useTraceRole() === 'tracer';

  const filter = (key: 'status' | 'overdue', value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('traces.queue.title')}</h2>
      <p>{tracer ? t('traces.queue.introTracer') : t('traces.queue.intro')}</p>
      {tracer && <RunTraces onRun={() => setVersion((v) => v + 1)} />}
      <form
        className="filters"
        aria-label={t('traces.queue.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('traces.queue.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => filter('status', e.target.value)}
          >
            <option value="">{t('traces.queue.anyStatus')}</option>
            {TRACE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`tracing:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id={`${id}-overdue`}
            type="checkbox"
            checked={overdue}
            onChange={(e) => filter('overdue', e.target.checked ? 'true' : '')}
          />
          <label htmlFor={`${id}-overdue`}>{t('traces.queue.overdueOnly')}</label>
        </div>
      </form>
      <QueueList
        key={version}
        path={withQuery('/traces', {
          status: status || undefined,
          overdue: overdue ? 'true' : undefined,
          limit: '25',
        })}
        filtered={Boolean(status) || overdue}
      />
    </section>
  );
}

function RunTraces({ onRun }: { onRun: () => void }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<RunSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      setSummary(await runTraces());
      onRun();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const counts = summary
    ? Object.entries(summary.byStatus)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => t('traces.run.count', { status: f.status(s), formatted: f.number(n) }))
    : [];
  return (
    <div className="run-traces">
      <button type="button" disabled={busy} onClick={() => void run()}>
        {busy ? t('traces.run.busy') : t('traces.run.submit')}
      </button>{' '}
      <span className="hint">{t('traces.run.hint')}</span>
      <p className="status" role="status" aria-live="polite" data-testid="run-summary">
        {summary &&
          (summary.traced === 0
            ? t('traces.run.nothing')
            : t('traces.run.done', {
                count: summary.traced,
                formatted: f.number(summary.traced),
                list: f.list(counts),
              }))}
      </p>
      {error !== null && (
        <div className="action-error">
          <ErrorNotice error={error} />
          {isForbidden(error) && <p className="hint">{t('traces.run.forbidden')}</p>}
        </div>
      )}
    </div>
  );
}

function QueueList({ path, filtered }: { path: string; filtered: boolean }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const explain = useExplain();
  const traces = usePaged<TraceView>(path);
  return (
    <>
      {traces.error !== null && <ErrorNotice error={traces.error} />}
      {traces.items.length > 0 && (
        <table className="traces" data-testid="trace-queue">
          <caption className="visually-hidden">{t('traces.queue.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('traces.column.status')}</th>
              <th scope="col">{t('traces.column.priority')}</th>
              <th scope="col">{t('traces.column.deadline')}</th>
              <th scope="col">{t('traces.column.firearm')}</th>
              <th scope="col">{t('traces.column.recovery')}</th>
              <th scope="col">{t('traces.column.agency')}</th>
            </tr>
          </thead>
          <tbody>
            {traces.items.map((trace) => (
              <tr
                key={trace.id}
                data-testid="trace-row"
                className={trace.overdue ? 'overdue-row' : ''}
              >
                <td>
                  <StatusBadge status={trace.status} />
                  <span className="reason">{explain(trace.reason)}</span>
                </td>
                <td>
                  <PriorityLabel priority={trace.priority} />
                </td>
                <td>
                  <Deadline trace={trace} />
                </td>
                <td>
                  <Link to={`/traces/${trace.id}`}>{firearmText(trace.firearm, f, t)}</Link>
                </td>
                <td>
                  {placeText(trace.recovery, f)}
                  {trace.recovery.date && (
                    <>
                      {' · '}
                      <time dateTime={trace.recovery.date}>{f.day(trace.recovery.date)}</time>
                    </>
                  )}
                </td>
                <td>{trace.agency}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {traces.loading && <Loading />}
      {!traces.loading && traces.error === null && traces.items.length === 0 && (
        <Empty>{filtered ? t('traces.queue.noMatch') : t('traces.queue.empty')}</Empty>
      )}
      {traces.loadMore && (
        <button type="button" className="more" onClick={traces.loadMore}>
          {t('traces.queue.more')}
        </button>
      )}
    </>
  );
}
