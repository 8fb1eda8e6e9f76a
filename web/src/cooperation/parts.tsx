import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import { MarkingTag } from '../marking/MarkingTag';
import { useCoopFormat } from './format';
import type { CommitmentSummary } from './types';

// What the cooperation pages share: the status and due date of a commitment in words, topics,
// the report links and a commitment as a row or a card.

/** The status in words, in a badge whose colour only repeats them. */
export function StatusBadge({ status }: { status: string }) {
  const f = useCoopFormat();
  return (
    <span className={`coop-status coop-status-${status.replace(/\s+/g, '-')}`} data-testid="status">
      {f.status(status)}
    </span>
  );
}

/** When it is due; an overdue commitment says so in words, and in colour besides. */
export function DueDate({ commitment }: { commitment: CommitmentSummary }) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  if (!commitment.dueDate) return <span className="due">{t('cooperation.due.none')}</span>;
  const day = <time dateTime={commitment.dueDate}>{f.day(commitment.dueDate)}</time>;
  return commitment.overdue ? (
    <span className="due overdue" data-testid="overdue">
      <strong>{t('cooperation.due.overdue')}</strong> {t('cooperation.due.wasDue')} {day}
    </span>
  ) : (
    <span className="due">
      {t('cooperation.due.due')} {day}
    </span>
  );
}

export function Topics({ topics }: { topics: string[] }) {
  const f = useCoopFormat();
  if (topics.length === 0) return null;
  return <span className="topics">{f.list(topics.map(f.topic))}</span>;
}

/** "US (ATF), with MX" */
export function Lead({ commitment }: { commitment: CommitmentSummary }) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const lead = [
    commitment.leadCountry ? f.country(commitment.leadCountry) : '',
    commitment.leadAgency ? `(${commitment.leadAgency})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className="lead">
      {t('cooperation.lead', { lead: lead || t('cooperation.noLead') })}
      {commitment.partnerCountries.length > 0 &&
        ` · ${t('cooperation.partners', { list: f.list(commitment.partnerCountries.map(f.country)) })}`}
    </span>
  );
}

/** The progress report for the next meeting, in the reader's language, in each format. */
export function ReportLinks({ meetingId }: { meetingId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="report-links" data-testid="report-links">
      <span>{meetingId ? t('cooperation.report.forMeeting') : t('cooperation.report.title')}</span>{' '}
      {(['html', 'pdf', 'csv'] as const).map((format) => (
        <a
          key={format}
          className="report-link"
          href={withQuery('/api/v1/commitments/report', {
            format,
            lang: i18n.language,
            meeting: meetingId,
          })}
          // The server sends each as a file to keep (content-disposition: attachment).
          download=""
        >
          {t(`cooperation.report.${format}`)}
        </a>
      ))}
    </p>
  );
}

/** The commitment's name, or the start of its text. */
export const commitmentTitle = (c: CommitmentSummary) => c.name ?? c.caption;

/** One commitment on the board: marking, name, lead, due date. */
export function CommitmentCard({ commitment }: { commitment: CommitmentSummary }) {
  const f = useCoopFormat();
  return (
    <li className="commitment-card" data-testid="commitment-card">
      <MarkingTag sharing={commitment} />
      <h4>
        <Link to={`/cooperation/commitments/${commitment.id}`}>{commitmentTitle(commitment)}</Link>
      </h4>
      <p className="meta">
        {commitment.topic && <span>{f.topic(commitment.topic)}</span>}
        <Lead commitment={commitment} />
        <DueDate commitment={commitment} />
      </p>
    </li>
  );
}

/** Commitments as a table: the overdue list, the at-risk list, a meeting's commitments. */
export function CommitmentTable({
  items,
  caption,
  testId,
}: {
  items: CommitmentSummary[];
  caption: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  return (
    <table className="commitments" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cooperation.column.commitment')}</th>
          <th scope="col">{t('cooperation.column.status')}</th>
          <th scope="col">{t('cooperation.column.due')}</th>
          <th scope="col">{t('cooperation.column.lead')}</th>
          <th scope="col">{t('cooperation.column.topic')}</th>
          <th scope="col">{t('cooperation.column.marking')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-testid="commitment-row" className={c.overdue ? 'overdue-row' : ''}>
            <td>
              <Link to={`/cooperation/commitments/${c.id}`}>{commitmentTitle(c)}</Link>
            </td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>
              <DueDate commitment={c} />
            </td>
            <td>
              <Lead commitment={c} />
            </td>
            <td>{c.topic ? f.topic(c.topic) : ''}</td>
            <td>
              <MarkingTag sharing={c} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
