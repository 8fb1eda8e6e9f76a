import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { CommitmentForm } from '../cooperation/CommitmentForm';
import { useCoopFormat } from '../cooperation/format';
import { CommitmentTable, ReportLinks, Topics } from '../cooperation/parts';
import type { MeetingView, Participant } from '../cooperation/types';
import { useView } from '../cooperation/use-view';
import { MarkingTag } from '../marking/MarkingTag';
import { useTitle } from './use-title';

/**
 * One meeting: its delegations (each participant with the title and agency they held then), its
 * documents and the commitments agreed there, each with its marking; and a form to add one.
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { loaded: meeting, reload } = useView<MeetingView>(`/meetings/${encodeURIComponent(id)}`);
  useTitle(
    meeting.state === 'ready'
      ? (meeting.data.name ?? meeting.data.caption)
      : t('cooperation.meeting.title'),
  );
  if (meeting.state === 'loading') return <Loading />;
  if (meeting.state === 'error')
    return (
      <div>
        <h1>{t('cooperation.meeting.title')}</h1>
        <ErrorNotice error={meeting.error} />
        {meeting.error instanceof ApiError && meeting.error.problem.status === 404 && (
          <p className="hint">{t('cooperation.meeting.notFound')}</p>
        )}
        <Link to="/cooperation">{t('cooperation.back')}</Link>
      </div>
    );
  return <Meeting meeting={meeting.data} onChanged={reload} />;
}

function Meeting({ meeting, onChanged }: { meeting: MeetingView; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const id = useId();
  return (
    <article className="meeting" data-testid="meeting">
      <p>
        <Link to="/cooperation">{t('cooperation.back')}</Link>
      </p>
      <MarkingTag sharing={meeting} />
      <h1>{meeting.name ?? meeting.caption}</h1>
      <dl className="provenance">
        <dt>{t('cooperation.column.date')}</dt>
        <dd>{meeting.date ? f.days(meeting.date, meeting.endDate) : t('cooperation.unknown')}</dd>
        <dt>{t('cooperation.column.place')}</dt>
        <dd>{meeting.place ?? t('cooperation.unknown')}</dd>
        <dt>{t('cooperation.column.format')}</dt>
        <dd>
          {meeting.format ? f.meetingFormat(meeting.format) : t('cooperation.unknown')}
          {meeting.countries.length > 0 && ` (${f.list(meeting.countries.map(f.country))})`}
        </dd>
        <dt>{t('cooperation.column.topics')}</dt>
        <dd>
          <Topics topics={meeting.topics} />
        </dd>
        <dt>{t('cooperation.meeting.contributedBy')}</dt>
        <dd>{meeting.agency}</dd>
      </dl>
      <ReportLinks meetingId={meeting.id} />

      <section aria-labelledby={`${id}-delegations`}>
        <h2 id={`${id}-delegations`}>{t('cooperation.meeting.delegations')}</h2>
        {meeting.delegations.length === 0 && (
          <Empty>{t('cooperation.meeting.noParticipants')}</Empty>
        )}
        <div className="delegations">
          {meeting.delegations.map((d) => (
            <section
              key={d.country ?? '-'}
              className="delegation"
              data-testid="delegation"
              aria-labelledby={`${id}-d-${d.country ?? 'none'}`}
            >
              <h3 id={`${id}-d-${d.country ?? 'none'}`}>
                {d.country ? f.country(d.country) : t('cooperation.meeting.noCountry')}
              </h3>
              <ul className="participants">
                {d.participants.map((p) => (
                  <ParticipantItem key={p.linkId} participant={p} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby={`${id}-documents`}>
        <h2 id={`${id}-documents`}>{t('cooperation.meeting.documents')}</h2>
        {meeting.documents.length === 0 ? (
          <Empty>{t('cooperation.meeting.noDocuments')}</Empty>
        ) : (
          <ul className="links documents">
            {meeting.documents.map((d) => (
              <li key={d.linkId} data-testid="document">
                <MarkingTag sharing={d} /> <Link to={`/records/${d.documentId}`}>{d.title}</Link>{' '}
                <span className="meta-inline">
                  {[
                    f.documentKind(d.kind),
                    d.language ? f.language(d.language) : '',
                    d.date ? f.day(d.date) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {d.url && (
                  <>
                    {' · '}
                    <a href={d.url} rel="noreferrer noopener" target="_blank">
                      {t('cooperation.meeting.source')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${id}-commitments`}>
        <h2 id={`${id}-commitments`}>{t('cooperation.meeting.commitments')}</h2>
        {meeting.commitments.length === 0 ? (
          <Empty>{t('cooperation.meeting.noCommitments')}</Empty>
        ) : (
          <CommitmentTable
            items={meeting.commitments}
            caption={t('cooperation.meeting.commitments')}
            testId="meeting-commitments"
          />
        )}
      </section>

      <CommitmentForm meeting={meeting} onCreated={onChanged} />
    </article>
  );
}

function ParticipantItem({ participant: p }: { participant: Participant }) {
  return (
    <li data-testid="participant">
      <MarkingTag sharing={p} /> <Link to={`/records/${p.personId}`}>{p.name}</Link>
      {(p.title || p.agency) && (
        <span className="meta-inline">
          {' — '}
          {[p.title, p.agency].filter(Boolean).join(', ')}
        </span>
      )}
    </li>
  );
}
