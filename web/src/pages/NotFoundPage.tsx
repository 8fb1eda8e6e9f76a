import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useTitle } from './use-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <div>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.detail')}</p>
      <p>
        <Link to="/search">{t('record.backToSearch')}</Link>
      </p>
    </div>
  );
}
