import { useTranslation } from 'react-i18next';
import { useCoopFormat } from '../format';
import { NEW_PERSON, type DraftParticipant } from './draft';

/** Who a participant is: the recorded person it was matched to, a candidate, or a new person. */
export function PersonChoice({
  idPrefix,
  participant: p,
  onChange,
}: {
  idPrefix: string;
  participant: DraftParticipant;
  onChange: (person: string) => void;
}) {
  const { t } = useTranslation();
  const f = useCoopFormat();
  const score = (s: number) => f.number(Math.round(s * 100) / 100);
  const options = [
    ...(p.original.match
      ? [
          {
            value: p.original.match.personId,
            label: t('cooperation.readout.matched', {
              name: p.original.match.name,
              score: score(p.original.match.score),
            }),
            hint: p.original.match.reasons.length
              ? t('cooperation.readout.reasons', { list: f.list(p.original.match.reasons) })
              : '',
          },
        ]
      : []),
    ...p.original.candidates
      .filter((c) => c.personId !== p.original.match?.personId)
      .map((c) => ({
        value: c.personId,
        label: t('cooperation.readout.candidate', { name: c.name, score: score(c.score) }),
        hint: '',
      })),
    { value: NEW_PERSON, label: t('cooperation.readout.newPerson'), hint: '' },
  ];
  return (
    <fieldset className="person-choice" id={idPrefix} tabIndex={-1}>
      <legend>{t('cooperation.readout.person')}</legend>
      {options.map((o, i) => (
        <span key={o.value} className="choice">
          <input
            id={`${idPrefix}-${i}`}
            type="radio"
            name={idPrefix}
            value={o.value}
            checked={p.person === o.value}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${idPrefix}-${i}`}>{o.label}</label>
          {o.hint && <span className="hint"> {o.hint}</span>}
        </span>
      ))}
    </fieldset>
  );
}
