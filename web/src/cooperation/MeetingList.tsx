import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { usePaged } from '../api/use-paged';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { MarkingTag } from '../marking/MarkingTag';
import { useCoopFormat } from './format';
import { Topics } from './parts';
import { MEETING_FORMATS, PARTY_COUNTRIES, TOPICS, type MeetingSummary } from './types';

/** The meetings the reader may see, latest first, filtered by format, country and topic. */
export function MeetingList() {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const format = MEETING_FORMATS.find((x) => x === params.get('format')) ?? '';
  const country = PARTY_COUNTRIES.find((x) => x === params.get('country')) ?? '';
  const topic = TOPICS.find((x) => x === params.get('topic')) ?? '';
  const filter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const meetings = usePaged<MeetingSummary>(
    withQuery('/meetings', { format, country, topic, limit: '25' }),
  );
  const select = (
    key: string,
    value: string,
    options: readonly string[],
    show: (v: string) => string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`cooperation.meetings.${key}`)}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => filter(key, e.target.value)}>
        <option value="">{t('cooperation.filters.any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {show(o)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('cooperation.meetings.title')}</h2>
      <form
        className="filters"
        aria-label={t('cooperation.meetings.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        {select('format', format, MEETING_FORMATS, f.meetingFormat)}
        {select('country', country, PARTY_COUNTRIES, f.country)}
        {select('topic', topic, TOPICS, f.topic)}
      </form>
      {meetings.error !== null && <ErrorNotice error={meetings.error} />}
      {meetings.items.length > 0 && (
        <table className="meetings" data-testid="meeting-list">
          <caption className="visually-hidden">{t('cooperation.meetings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cooperation.column.date')}</th>
              <th scope="col">{t('cooperation.column.meeting')}</th>
              <th scope="col">{t('cooperation.column.place')}</th>
              <th scope="col">{t('cooperation.column.format')}</th>
              <th scope="col">{t('cooperation.column.topics')}</th>
              <th scope="col">{t('cooperation.column.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.items.map((m) => (
              <tr key={m.id} data-testid="meeting-row">
                <td>{m.date && <time dateTime={m.date}>{f.days(m.date, m.endDate)}</time>}</td>
                <td>
                  <Link to={`/cooperation/meetings/${m.id}`}>{m.name ?? m.caption}</Link>
                </td>
                <td>{m.place}</td>
                <td>
                  {m.format && f.meetingFormat(m.format)}
                  {m.countries.length > 0 && (
                    <span className="countries"> ({f.list(m.countries.map(f.country))})</span>
                  )}
                </td>
                <td>
                  <Topics topics={m.topics} />
                </td>
                <td>
                  <MarkingTag sharing={m} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {meetings.loading && <Loading />}
      {!meetings.loading && meetings.error === null && meetings.items.length === 0 && (
        <Empty>
          {format || country || topic
            ? t('cooperation.meetings.noMatch')
            : t('cooperation.meetings.empty')}
        </Empty>
      )}
      {meetings.loadMore && (
        <button type="button" className="more" onClick={meetings.loadMore}>
          {t('cooperation.meetings.more')}
        </button>
      )}
    </section>
  );
}
