import { useTranslation } from 'react-i18next';
import { mostRestrictive, tlpClass } from './marking';
import { useMarkingsOnScreen } from './marking-registry';

/** The most restrictive marking of everything on screen, like a classified document's banner. */
export function MarkingBanner() {
  const { t } = useTranslation();
  const highest = mostRestrictive(useMarkingsOnScreen());
  return (
    <div
      className={`marking-banner ${highest ? tlpClass(highest) : 'tlp-none'}`}
      role="status"
      aria-live="polite"
      data-testid="marking-banner"
    >
      {highest ? t('marking.banner', { marking: highest }) : t('marking.bannerNone')}
    </div>
  );
}
