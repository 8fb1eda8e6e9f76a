import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useFormat } from '../i18n/format';
import type { ImportJob } from './types';

/**
 * The agency's imports, newest first: what was loaded, when, and how it went. Choosing one shows
 * its report (summary, rejected rows) as for the file just uploaded.
 */
export function PastImports({ onShow }: { onShow: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const list = usePaged<ImportJob>('/imports?limit=20');
  return (
    <section aria-labelledby={`${id}-h`} className="past-imports">
      <h2 id={`${id}-h`}>{t('imports.history.title')}</h2>
      {list.error !== null && <ErrorNotice error={list.error} />}
      {list.items.length > 0 && (
        <table data-testid="past-imports">
          <caption className="visually-hidden">{t('imports.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.history.file')}</th>
              <th scope="col">{t('imports.history.when')}</th>
              <th scope="col">{t('imports.history.status')}</th>
              <th scope="col">{t('imports.history.rows')}</th>
              <th scope="col">{t('imports.history.rejected')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('imports.history.report')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((job) => (
              <tr key={job.id} data-testid="past-import">
                <th scope="row">{job.fileName}</th>
                <td>
                  <time dateTime={job.createdAt}>{format.moment(job.createdAt)}</time>
                </td>
                <td>{t(`imports.status.${job.status}`)}</td>
                <td>{job.summary ? format.number(job.summary.rows) : '—'}</td>
                <td>{job.summary ? format.number(job.summary.rejected) : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => onShow(job)}
                    aria-label={t('imports.history.showNamed', { name: job.fileName })}
                  >
                    {t('imports.history.show')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.loading && <Loading />}
      {!list.loading && list.error === null && list.items.length === 0 && (
        <Empty>{t('imports.history.empty')}</Empty>
      )}
      {list.loadMore && (
        <button type="button" className="more" onClick={list.loadMore}>
          {t('imports.history.more')}
        </button>
      )}
    </section>
  );
}
