import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { CommitmentTable } from './parts';
import type { CommitmentSummary } from './types';

/** The overdue list or the at-risk list, soonest due first, with its CSV. */
export function CommitmentList({ kind }: { kind: 'overdue' | 'atRisk' }) {
  const { t } = useTranslation();
  const id = useId();
  const query = { [kind]: 'true' };
  const list = usePaged<CommitmentSummary>(withQuery('/commitments', { ...query, limit: '50' }));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(`cooperation.${kind}.title`)}</h2>
      <p>
        {t(`cooperation.${kind}.intro`)}{' '}
        <a href={withQuery('/api/v1/commitments.csv', query)} download="">
          {t('cooperation.csv')}
        </a>
      </p>
      {list.error !== null && <ErrorNotice error={list.error} />}
      {list.items.length > 0 && (
        <CommitmentTable
          items={list.items}
          caption={t(`cooperation.${kind}.title`)}
          testId={`${kind}-list`}
        />
      )}
      {list.loading && <Loading />}
      {!list.loading && list.error === null && list.items.length === 0 && (
        <Empty>{t(`cooperation.${kind}.empty`)}</Empty>
      )}
      {list.loadMore && (
        <button type="button" className="more" onClick={list.loadMore}>
          {t('cooperation.more')}
        </button>
      )}
    </section>
  );
}
