import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ReviewForm } from '../cooperation/readout/ReviewForm';
import { SourceForm } from '../cooperation/readout/SourceForm';
import type { Proposal, ReadoutAccepted, ReadoutSource } from '../cooperation/types';
import { useTitle } from './use-title';

type Step =
  | { step: 'source' }
  | { step: 'review'; source: ReadoutSource; proposal: Proposal; key: number }
  | { step: 'done'; result: ReadoutAccepted };

/**
 * A meeting recorded from its readout: the document is read into a proposal (meeting,
 * participants matched to recorded people, organizations, commitments), the reviewer corrects
 * and trims it, chooses the marking, and accepts; only then is anything written.
 */
export function ReadoutPage() {
  const { t } = useTranslation();
  useTitle(t('cooperation.readout.title'));
  const [state, setState] = useState<Step>({ step: 'source' });
  const heading = useRef<HTMLHeadingElement>(null);
  // Each step starts at its heading, for keyboard and screen reader users.
  useEffect(() => {
    if (state.step !== 'source') heading.current?.focus();
  }, [state.step]);
  return (
    <div className="readout-page">
      <p>
        <Link to="/cooperation">{t('cooperation.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('cooperation.readout.title')}
      </h1>
      <p>{t('cooperation.readout.intro')}</p>
      {state.step === 'source' && (
        <SourceForm
          onProposal={(source, proposal) =>
            setState({ step: 'review', source, proposal, key: Date.now() })
          }
        />
      )}
      {state.step === 'review' && (
        <ReviewForm
          key={state.key}
          source={state.source}
          proposal={state.proposal}
          onStartOver={() => setState({ step: 'source' })}
          onAccepted={(result) => setState({ step: 'done', result })}
        />
      )}
      {state.step === 'done' && (
        <Accepted result={state.result} onAgain={() => setState({ step: 'source' })} />
      )}
    </div>
  );
}

function Accepted({ result, onAgain }: { result: ReadoutAccepted; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="notice readout-done" data-testid="readout-accepted" role="status">
      <p>
        {t('cooperation.readout.accepted', {
          participants: t('cooperation.readout.participantsCount', {
            count: result.participants.length,
          }),
          commitments: t('cooperation.readout.commitmentsCount', {
            count: result.commitments.length,
          }),
        })}{' '}
        <Link to={`/cooperation/meetings/${result.meeting.id}`}>
          {t('cooperation.readout.openMeeting')}
        </Link>
      </p>
      {result.participants.length > 0 && (
        <ul>
          {result.participants.map((p) => (
            <li key={p.id}>
              <Link to={`/records/${p.id}`}>
                {t(p.created ? 'cooperation.readout.created' : 'cooperation.readout.linked', {
                  name: p.name,
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={onAgain}>
        {t('cooperation.readout.another')}
      </button>
    </section>
  );
}
