import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty } from '../components/Status';
import { useFormat } from '../i18n/format';
import { MarkingTag } from '../marking/MarkingTag';
import type { ActivityItem } from './types';

/** The newest records the reader may see, each with its marking (which the banner counts). */
export function RecentActivity({ items }: { items: ActivityItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <Empty>{t('dashboard.recent.empty')}</Empty>;
  return (
    <ol className="recent-activity" data-testid="recent-activity">
      {items.map((r) => (
        <li key={r.id} data-testid="activity">
          <MarkingTag sharing={r} />
          <Link to={`/records/${r.id}`}>{r.caption}</Link>
          <p className="meta">
            <span>{t(`model:schema.${r.schema}`)}</span>
            <span>{t('record.fromAgency', { agency: r.agency })}</span>
            <span>
              {t('dashboard.recent.added')}{' '}
              <time dateTime={r.createdAt}>{format.moment(r.createdAt)}</time>
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
