import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../api/types';
import { useFormat } from '../i18n/format';
import { MarkingTag } from '../marking/MarkingTag';

/** One search result: what it is, who contributed it, when and where, and its marking. */
export function RecordSummary({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article className="record-summary" data-testid="result">
      <MarkingTag sharing={record} />
      <h3>
        <Link to={`/records/${record.id}`}>{record.caption}</Link>
      </h3>
      <p className="meta">
        <span>{t(`model:schema.${record.schema}`)}</span>
        <span>{t('record.fromAgency', { agency: record.agency })}</span>
        {record.eventDate && (
          <time dateTime={record.eventDate}>{format.day(record.eventDate)}</time>
        )}
        {record.countries.length > 0 && (
          <span>{format.list(record.countries.map(format.country))}</span>
        )}
        {record.retracted && <span className="retracted">{t('record.retracted')}</span>}
      </p>
    </article>
  );
}
