import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useCoopFormat } from './format';
import { CommitmentCard } from './parts';
import { PARTY_COUNTRIES, STATUSES, TOPICS, type CommitmentSummary, type Status } from './types';

type Order = 'soonest' | 'latest';

/** Commitments by status, one column each, filtered by topic, lead country and status. */
export function Board({ version }: { version: number }) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const topic = TOPICS.find((x) => x === params.get('topic')) ?? '';
  const lead = PARTY_COUNTRIES.find((x) => x === params.get('lead')) ?? '';
  const status = STATUSES.find((x) => x === params.get('status')) ?? '';
  const order: Order = params.get('order') === 'latest' ? 'latest' : 'soonest';
  const filter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const select = (
    key: string,
    value: string,
    options: readonly string[],
    show: (v: string) => string,
    any = t('cooperation.filters.any'),
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`cooperation.board.${key}`)}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => filter(key, e.target.value)}>
        {any && <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {show(o)}
          </option>
        ))}
      </select>
    </div>
  );
  const columns = status ? [status] : STATUSES;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cooperation.board.title')}</h2>
      <form
        className="filters"
        aria-label={t('cooperation.board.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        {select('topic', topic, TOPICS, f.topic)}
        {select('lead', lead, PARTY_COUNTRIES, f.country)}
        {select('status', status, STATUSES, f.status)}
        {select(
          'order',
          order === 'soonest' ? '' : order,
          ['latest'],
          () => t('cooperation.board.latest'),
          t('cooperation.board.soonest'),
        )}
      </form>
      <div className="board" data-testid="board">
        {columns.map((s) => (
          <Column key={`${s}-${version}`} status={s} topic={topic} lead={lead} order={order} />
        ))}
      </div>
    </section>
  );
}

function Column({
  status,
  topic,
  lead,
  order,
}: {
  status: Status;
  topic: string;
  lead: string;
  order: Order;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const id = useId();
  const list = usePaged<CommitmentSummary>(
    withQuery('/commitments', { status, topic, leadCountry: lead, limit: '50' }),
  );
  // The server gives the soonest due first; the latest first is the same list turned round
  // (a commitment without a due date stays last).
  const items = useMemo(() => {
    if (order === 'soonest') return list.items;
    const dated = list.items.filter((c) => c.dueDate);
    return [...dated.reverse(), ...list.items.filter((c) => !c.dueDate)];
  }, [list.items, order]);
  return (
    <section
      className={`board-column coop-column-${status.replace(/\s+/g, '-')}`}
      aria-labelledby={`${id}-h`}
      data-testid="board-column"
      data-status={status}
    >
      <h3 id={`${id}-h`}>
        {f.status(status)}{' '}
        <span className="count">
          {list.loadMore
            ? t('cooperation.board.countMore', { count: items.length })
            : `(${f.number(items.length)})`}
        </span>
      </h3>
      {list.error !== null && <ErrorNotice error={list.error} />}
      {items.length > 0 && (
        <ul className="cards">
          {items.map((c) => (
            <CommitmentCard key={c.id} commitment={c} />
          ))}
        </ul>
      )}
      {list.loading && <Loading />}
      {!list.loading && list.error === null && items.length === 0 && (
        <Empty>{t('cooperation.board.emptyColumn')}</Empty>
      )}
      {list.loadMore && (
        <button type="button" className="more secondary" onClick={list.loadMore}>
          {t('cooperation.board.more', { status: f.status(status) })}
        </button>
      )}
    </section>
  );
}
