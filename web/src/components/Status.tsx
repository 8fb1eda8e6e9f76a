import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status">
      {t('status.loading')}
    </p>
  );
}

/** What went wrong, in words a person can act on: the server's own problem text when it has one. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let title = t('error.unexpected.title');
  let detail = t('error.unexpected.detail');
  if (error instanceof ApiError) {
    title = error.problem.title;
    detail = error.problem.detail;
  } else if (error instanceof NetworkError) {
    title = t('error.network.title');
    detail = t('error.network.detail');
  }
  return (
    <div className="notice error" role="alert">
      <strong>{title}</strong> <span>{detail}</span>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}
