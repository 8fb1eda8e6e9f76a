import { useTranslation } from 'react-i18next';
import type { Sharing } from '../api/types';
import { tlpClass } from './marking';
import { useShownMarking } from './marking-registry';

/** The TLP label itself, in its colour and always in words. */
export function TlpLabel({ marking }: { marking: string }) {
  return <span className={tlpClass(marking)}>{marking}</span>;
}

/**
 * A portion marking: the TLP label and who else may receive it, e.g.
 * "TLP:AMBER // REL TO MX, US". Shown markings count towards the page banner.
 */
export function MarkingTag({ sharing }: { sharing: Sharing }) {
  const { t } = useTranslation();
  useShownMarking(sharing.marking);
  const relTo = [...sharing.relCountries, ...sharing.relAgencies];
  const parts = [
    relTo.length > 0 && t('marking.relTo', { list: relTo.join(', ') }),
    sharing.recipientAgencies.length > 0 &&
      t('marking.only', { list: sharing.recipientAgencies.join(', ') }),
    sharing.recipientUsers.length > 0 &&
      t('marking.namedUsers', { count: sharing.recipientUsers.length }),
  ].filter((p): p is string => Boolean(p));
  return (
    <span className="portion-marking" data-testid="marking">
      <TlpLabel marking={sharing.marking} />
      {parts.map((p) => (
        <span key={p} className="releasability">
          {' // '}
          {p}
        </span>
      ))}
    </span>
  );
}
