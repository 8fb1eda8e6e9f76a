import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import type { AuditEntry } from '../api/types';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useFormat } from '../i18n/format';
import { useUser } from '../session/session';
import { useTitle } from './use-title';

interface Filters {
  action: string;
  userId: string;
  recordId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { action: '', userId: '', recordId: '', from: '', to: '' };
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A local date and time from the form, as the instant the API expects. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The agency's access log, newest first (supervisors and admins; the database enforces it). */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useUser();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  useTitle(t('audit.title'));
  const entries = usePaged<AuditEntry>(
    withQuery('/audit', {
      action: applied.action.trim(),
      userId: applied.userId.trim(),
      recordId: applied.recordId.trim(),
      from: instant(applied.from),
      to: instant(applied.to),
      limit: '50',
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  const field = (name: keyof Filters, type: string, pattern?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`audit.filter.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        pattern={pattern}
        value={draft[name]}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </div>
  );
  return (
    <div className="audit-page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro', { agency: me.agency })}</p>
      <form className="filters" onSubmit={submit} aria-label={t('audit.filters')}>
        {field('action', 'text')}
        {field('userId', 'text', UUID)}
        {field('recordId', 'text', UUID)}
        {field('from', 'datetime-local')}
        {field('to', 'datetime-local')}
        <button type="submit">{t('audit.apply')}</button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            setApplied(NO_FILTERS);
          }}
        >
          {t('audit.clear')}
        </button>
      </form>
      {entries.error !== null && <ErrorNotice error={entries.error} />}
      {entries.items.length > 0 && (
        <table className="audit">
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.column.at')}</th>
              <th scope="col">{t('audit.column.user')}</th>
              <th scope="col">{t('audit.column.action')}</th>
              <th scope="col">{t('audit.column.outcome')}</th>
              <th scope="col">{t('audit.column.records')}</th>
              <th scope="col">{t('audit.column.purpose')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.items.map((e) => (
              <tr key={e.seq} data-testid="audit-entry">
                <td>
                  <time dateTime={e.at}>{format.moment(e.at)}</time>
                </td>
                <td>{e.userId === me.userId ? me.name : (e.userId ?? t('audit.nobody'))}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td className={e.outcome === 'ok' ? 'ok' : 'refused'}>
                  {e.outcome === 'ok'
                    ? t('audit.ok')
                    : t('audit.refused', { code: e.outcome.replace(/^error:/, '') })}
                </td>
                <td>
                  {e.recordIds.slice(0, 3).map((r) => (
                    // UUID v7 ids share their leading timestamp: the tail tells them apart.
                    <Link key={r} to={`/records/${r}`} className="record-id" title={r}>
                      …{r.slice(-8)}
                    </Link>
                  ))}
                  {e.resultCount !== null && ` (${format.number(e.resultCount)})`}
                </td>
                <td>{e.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries.loading && <Loading />}
      {!entries.loading && entries.error === null && entries.items.length === 0 && (
        <Empty>{t('audit.empty')}</Empty>
      )}
      {entries.loadMore && (
        <button type="button" className="more" onClick={entries.loadMore}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
