import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/Status';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { useSession } from '../session/session';
import { useTitle } from './use-title';

export function SignInPage({ reason }: { reason?: 'ended' | 'expired' }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  useTitle(t('signIn.title'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(token.trim());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-top">
        <LanguageSwitcher />
      </div>
      <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        {reason && (
          <p className="notice" role="status">
            {t(`signIn.reason.${reason}`)}
          </p>
        )}
        {error !== null && <ErrorNotice error={error} />}
        <label htmlFor={`${id}-token`}>{t('signIn.token')}</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('signIn.hint')}
        </p>
        <button type="submit" disabled={busy || token.trim() === ''}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
