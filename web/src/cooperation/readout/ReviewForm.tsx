import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Status';
import { useUser } from '../../session/session';
import {
  Field,
  FieldProblems,
  ProblemSummary,
  SharingFieldset,
  sharingBody,
  useFormProblems,
  type ControlProps,
  type SharingInput,
} from '../fields';
import { useCoopFormat } from '../format';
import { acceptReadout, listedProblems } from '../requests';
import {
  DOCUMENT_KINDS,
  MEETING_FORMATS,
  PARTY_COUNTRIES,
  TOPICS,
  type Proposal,
  type ReadoutAccepted,
  type ReadoutSource,
} from '../types';
import { PersonChoice } from './PersonChoice';
import {
  controlId,
  draftOf,
  reviewedProposal,
  toDraftField,
  type Draft,
  type DraftCommitment,
  type DraftParticipant,
} from './draft';

/**
 * The proposal as an editable form: the document, the meeting, each participant with the person
 * it was matched to (or a candidate, or a new person), the commitments to keep with their lead
 * and due date, and the marking; nothing is written before Accept.
 */
export function ReviewForm({
  source,
  proposal,
  onAccepted,
  onStartOver,
}: {
  source: ReadoutSource;
  proposal: Proposal;
  onAccepted: (result: ReadoutAccepted, draft: Draft) => void;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const me = useUser();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(proposal));
  const [sharing, setSharing] = useState<SharingInput>({
    marking: 'TLP:GREEN',
    relCountries: [],
    recipientAgencies: me.agency,
  });
  const { problems, show, clear, at, summary } = useFormProblems();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const cid = (path: string) => controlId(id, path);

  const setMeeting = (patch: Partial<Draft['meeting']>) =>
    setDraft((d) => ({ ...d, meeting: { ...d.meeting, ...patch } }));
  const setParticipant = (i: number, patch: Partial<DraftParticipant>) =>
    setDraft((d) => ({
      ...d,
      participants: d.participants.map((p, j) => (j === i ? { ...p, ...patch } : p)),
    }));
  const setCommitment = (i: number, patch: Partial<DraftCommitment>) =>
    setDraft((d) => ({
      ...d,
      commitments: d.commitments.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const reviewed = reviewedProposal(proposal, draft);
    setBusy(true);
    try {
      const result = await acceptReadout({
        ...source,
        proposal: reviewed.proposal,
        ...sharingBody(sharing),
      });
      clear();
      onAccepted(result, draft);
    } catch (err) {
      const listed = listedProblems(err);
      if (listed) show(listed.map((p) => toDraftField(p, reviewed)));
      else {
        clear();
        setFailure(err);
      }
    } finally {
      setBusy(false);
    }
  };

  /** A problem's field in words: "Commitment 2: Due date". */
  const label = (path: string) => {
    const m = /^(participants|commitments)\[(\d+)\]\.?(.*)$/.exec(path);
    const leaf = (m ? m[3] : path)!.split('.').at(-1) ?? '';
    const name = t(`cooperation.readout.fieldName.${leaf}`, { defaultValue: leaf || path });
    if (!m) return name;
    const whose =
      m[1] === 'participants'
        ? t('cooperation.readout.participant', {
            n: +m[2]! + 1,
            name: draft.participants[+m[2]!]?.name ?? '',
          })
        : t('cooperation.readout.commitment', { n: +m[2]! + 1 });
    return m[3] ? `${whose} · ${name}` : whose;
  };

  const text = (
    path: string,
    value: string,
    onChange: (v: string) => void,
    opts: { label: string; type?: string; required?: boolean; wide?: boolean },
  ) => (
    <Field
      id={cid(path)}
      label={opts.label}
      problems={at(path)}
      required={opts.required}
      wide={opts.wide}
    >
      {(props) => (
        <input
          {...props}
          type={opts.type ?? 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );

  const select = (
    path: string,
    value: string,
    onChange: (v: string) => void,
    options: readonly { value: string; label: string }[],
    fieldLabel: string,
  ) => (
    <Field id={cid(path)} label={fieldLabel} problems={at(path)}>
      {(props: ControlProps) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const checkboxes = (
    path: string,
    legend: string,
    options: readonly string[],
    chosen: string[],
    onChange: (next: string[]) => void,
    show: (v: string) => string,
  ): ReactNode => (
    <fieldset
      className={`choices${at(path).length ? ' invalid' : ''}`}
      id={cid(path)}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {at(path).length > 0 && <FieldProblems problems={at(path)} />}
      {options.map((o) => (
        <span key={o} className="choice">
          <input
            id={`${cid(path)}-${o}`}
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))
            }
          />
          <label htmlFor={`${cid(path)}-${o}`}>{show(o)}</label>
        </span>
      ))}
    </fieldset>
  );

  const countries = [...new Set([...PARTY_COUNTRIES, ...draft.meeting.countries])];
  const countryOptions = [
    { value: '', label: t('cooperation.unknown') },
    ...countries.map((c) => ({ value: c, label: f.country(c) })),
  ];
  const topicOptions = [
    { value: '', label: t('cooperation.unknown') },
    ...TOPICS.map((x) => ({ value: x, label: f.topic(x) })),
  ];

  return (
    <form
      className="coop-form readout-review"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${id}-h`}
      data-testid="readout-review"
    >
      <h2 id={`${id}-h`}>{t('cooperation.readout.review')}</h2>
      <p>
        {t('cooperation.readout.detected', {
          language: f.language(proposal.language),
          kind: f.documentKind(proposal.kind).toLowerCase(),
        })}
      </p>
      <ProblemSummary
        problems={problems}
        summary={summary}
        label={label}
        fieldId={(path) => (document.getElementById(cid(path)) ? cid(path) : undefined)}
      />
      {failure !== null && <ErrorNotice error={failure} />}

      <fieldset>
        <legend>{t('cooperation.readout.document')}</legend>
        {select(
          'kind',
          draft.kind,
          (v) => setDraft((d) => ({ ...d, kind: v as Draft['kind'] })),
          DOCUMENT_KINDS.map((k) => ({ value: k, label: f.documentKind(k) })),
          t('cooperation.readout.kind'),
        )}
        {text('title', draft.title, (v) => setDraft((d) => ({ ...d, title: v })), {
          label: t('cooperation.readout.docTitle'),
          required: true,
          wide: true,
        })}
      </fieldset>

      <fieldset>
        <legend>{t('cooperation.readout.meeting')}</legend>
        {text('meeting.name', draft.meeting.name, (v) => setMeeting({ name: v }), {
          label: t('cooperation.readout.name'),
          required: true,
          wide: true,
        })}
        {text('meeting.date', draft.meeting.date, (v) => setMeeting({ date: v }), {
          label: t('cooperation.readout.date'),
          type: 'date',
          required: true,
        })}
        {text('meeting.endDate', draft.meeting.endDate, (v) => setMeeting({ endDate: v }), {
          label: t('cooperation.readout.endDate'),
          type: 'date',
        })}
        {text('meeting.place', draft.meeting.place, (v) => setMeeting({ place: v }), {
          label: t('cooperation.readout.place'),
        })}
        {select(
          'meeting.format',
          draft.meeting.format,
          (v) => setMeeting({ format: v }),
          [
            { value: '', label: t('cooperation.readout.formatNone') },
            ...MEETING_FORMATS.map((x) => ({ value: x, label: f.meetingFormat(x) })),
          ],
          t('cooperation.readout.format'),
        )}
        {checkboxes(
          'meeting.countries',
          t('cooperation.readout.countries'),
          countries,
          draft.meeting.countries,
          (next) => setMeeting({ countries: next }),
          f.country,
        )}
        {checkboxes(
          'meeting.topics',
          t('cooperation.readout.topics'),
          [...new Set([...TOPICS, ...draft.meeting.topics])],
          draft.meeting.topics,
          (next) => setMeeting({ topics: next }),
          f.topic,
        )}
      </fieldset>

      <section className="readout-part" aria-labelledby={`${id}-participants`}>
        <h3 id={`${id}-participants`}>{t('cooperation.readout.participants')}</h3>
        {draft.participants.length === 0 && (
          <p className="status">{t('cooperation.readout.noParticipants')}</p>
        )}
        {draft.participants.map((p, i) => (
          <fieldset
            key={i}
            className={`readout-item${p.keep ? '' : ' left-out'}`}
            data-testid="readout-participant"
          >
            <legend>
              {t('cooperation.readout.participant', { n: i + 1, name: p.original.name })}
            </legend>
            <span className="choice keep">
              <input
                id={cid(`participants[${i}].keep`)}
                type="checkbox"
                checked={p.keep}
                onChange={(e) => setParticipant(i, { keep: e.target.checked })}
              />
              <label htmlFor={cid(`participants[${i}].keep`)}>
                {t('cooperation.readout.keepParticipant', { name: p.original.name })}
              </label>
            </span>
            {p.keep ? (
              <>
                {text(`participants[${i}].name`, p.name, (v) => setParticipant(i, { name: v }), {
                  label: t('cooperation.readout.personName'),
                  required: true,
                })}
                {text(`participants[${i}].title`, p.title, (v) => setParticipant(i, { title: v }), {
                  label: t('cooperation.readout.personTitle'),
                })}
                {text(
                  `participants[${i}].agency`,
                  p.agency,
                  (v) => setParticipant(i, { agency: v }),
                  { label: t('cooperation.readout.personAgency') },
                )}
                {select(
                  `participants[${i}].country`,
                  p.country,
                  (v) => setParticipant(i, { country: v }),
                  countryOptions,
                  t('cooperation.readout.country'),
                )}
                <PersonChoice
                  idPrefix={cid(`participants[${i}].match`)}
                  participant={p}
                  onChange={(person) => setParticipant(i, { person })}
                />
              </>
            ) : (
              <p className="status">{t('cooperation.readout.removed')}</p>
            )}
          </fieldset>
        ))}
      </section>

      <section className="readout-part" aria-labelledby={`${id}-organizations`}>
        <h3 id={`${id}-organizations`}>{t('cooperation.readout.organizations')}</h3>
        {proposal.organizations.length === 0 ? (
          <p className="status">{t('cooperation.readout.noOrganizations')}</p>
        ) : (
          <ul data-testid="readout-organizations">
            {proposal.organizations.map((o, i) => (
              <li key={i}>
                {o.name}
                {o.agency && ` (${o.agency})`}
                {o.country && ` · ${f.country(o.country)}`}
              </li>
            ))}
          </ul>
        )}
        {(proposal.places.length > 0 || proposal.dates.length > 0) && (
          <p className="hint">
            {t('cooperation.readout.found')}:{' '}
            {[
              proposal.places.length
                ? t('cooperation.readout.places', { list: f.list(proposal.places) })
                : '',
              proposal.dates.length
                ? t('cooperation.readout.dates', { list: f.list(proposal.dates.map(f.day)) })
                : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
      </section>

      <section className="readout-part" aria-labelledby={`${id}-commitments`}>
        <h3 id={`${id}-commitments`}>{t('cooperation.readout.commitments')}</h3>
        {draft.commitments.length === 0 && (
          <p className="status">{t('cooperation.readout.noCommitments')}</p>
        )}
        {draft.commitments.map((c, i) => (
          <fieldset
            key={i}
            className={`readout-item${c.keep ? '' : ' left-out'}`}
            data-testid="readout-commitment"
          >
            <legend>{t('cooperation.readout.commitment', { n: i + 1 })}</legend>
            <span className="choice keep">
              <input
                id={cid(`commitments[${i}].keep`)}
                type="checkbox"
                checked={c.keep}
                onChange={(e) => setCommitment(i, { keep: e.target.checked })}
              />
              <label htmlFor={cid(`commitments[${i}].keep`)}>
                {t('cooperation.readout.keepCommitment', { n: i + 1 })}
              </label>
            </span>
            <blockquote className="sentence">
              <span className="hint">{t('cooperation.readout.sentence')}</span>{' '}
              {c.original.sentence}
            </blockquote>
            {c.keep ? (
              <>
                <Field
                  id={cid(`commitments[${i}].text`)}
                  label={t('cooperation.readout.text')}
                  problems={at(`commitments[${i}].text`)}
                  required
                  wide
                >
                  {(props) => (
                    <textarea
                      {...props}
                      rows={2}
                      value={c.text}
                      onChange={(e) => setCommitment(i, { text: e.target.value })}
                    />
                  )}
                </Field>
                {select(
                  `commitments[${i}].topic`,
                  c.topic,
                  (v) => setCommitment(i, { topic: v }),
                  topicOptions,
                  t('cooperation.field.topic'),
                )}
                {select(
                  `commitments[${i}].leadCountry`,
                  c.leadCountry,
                  (v) => setCommitment(i, { leadCountry: v }),
                  countryOptions,
                  t('cooperation.field.leadCountry'),
                )}
                {text(
                  `commitments[${i}].leadAgency`,
                  c.leadAgency,
                  (v) => setCommitment(i, { leadAgency: v }),
                  { label: t('cooperation.field.leadAgency') },
                )}
                {text(
                  `commitments[${i}].dueDate`,
                  c.dueDate,
                  (v) => setCommitment(i, { dueDate: v }),
                  { label: t('cooperation.field.dueDate'), type: 'date' },
                )}
                {checkboxes(
                  `commitments[${i}].partnerCountries`,
                  t('cooperation.field.partnerCountries'),
                  countries.filter((x) => x !== c.leadCountry),
                  c.partnerCountries,
                  (next) => setCommitment(i, { partnerCountries: next }),
                  f.country,
                )}
              </>
            ) : (
              <p className="status">{t('cooperation.readout.removed')}</p>
            )}
          </fieldset>
        ))}
      </section>

      <SharingFieldset idPrefix={id} value={sharing} onChange={setSharing} at={at} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('cooperation.readout.accepting') : t('cooperation.readout.accept')}
        </button>{' '}
        <button type="button" className="secondary" onClick={onStartOver}>
          {t('cooperation.readout.startOver')}
        </button>
      </div>
    </form>
  );
}
