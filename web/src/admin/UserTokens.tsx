import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { useFormat } from '../i18n/format';
import type { NewToken, TokenView, UserView } from './types';

/**
 * A user's tokens, as the API lists them (never their secrets): create one (its secret is shown once, with a copy button) and
 * revoke it. The API keeps only hashes, so a secret lost is a token to revoke and issue again.
 */
export function UserTokens({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('');
  const [tokens, setTokens] = useState<TokenView[]>([]);
  const [secret, setSecret] = useState<NewToken | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api<TokenView[]>(`/users/${user.id}/tokens`).then(
      // Tokens issued while the list loaded stay on top.
      (listed) =>
        live &&
        setTokens((made) => [...made, ...listed.filter((x) => !made.some((m) => m.id === x.id))]),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [user.id]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const made = await api<NewToken>(`/users/${user.id}/tokens`, {
        method: 'POST',
        body: {
          ...(label.trim() ? { label: label.trim() } : {}),
          ...(days ? { expiresInDays: Number(days) } : {}),
        },
      });
      setSecret(made);
      setTokens((old) => [made, ...old]);
      setLabel('');
      setDays('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: TokenView) => {
    setError(null);
    try {
      const done = await api<TokenView>(`/tokens/${token.id}/revoke`, { method: 'POST' });
      setTokens((old) => old.map((x) => (x.id === done.id ? done : x)));
      if (secret?.id === done.id) setSecret(null);
    } catch (err) {
      setError(err);
    }
  };

  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.token);
      setCopied(true);
    } catch {
      // Without clipboard access the field stays selected for the reader to copy.
      (document.getElementById(`${id}-secret`) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div className="user-tokens" data-testid="user-tokens">
      <form onSubmit={(e) => void create(e)} className="filters">
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('admin.token.label')}</label>
          <input
            id={`${id}-label`}
            type="text"
            maxLength={200}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('admin.token.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('admin.token.create', { name: user.name })}
        </button>
      </form>
      {secret && (
        <div className="token-secret" role="alert" data-testid="token-secret">
          <p>
            <strong>{t('admin.token.once')}</strong>
          </p>
          <label htmlFor={`${id}-secret`}>{t('admin.token.secret')}</label>{' '}
          <input
            id={`${id}-secret`}
            type="text"
            readOnly
            value={secret.token}
            size={Math.min(60, secret.token.length + 2)}
            onFocus={(e) => e.target.select()}
          />{' '}
          <button type="button" onClick={() => void copy()}>
            {t('admin.token.copy')}
          </button>{' '}
          <span role="status">{copied && t('admin.token.copied')}</span>
        </div>
      )}
      {tokens.length > 0 && (
        <table className="tokens" data-testid="tokens">
          <caption>{t('admin.token.issued', { name: user.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.token.column.label')}</th>
              <th scope="col">{t('admin.token.column.created')}</th>
              <th scope="col">{t('admin.token.column.expires')}</th>
              <th scope="col">{t('admin.token.column.state')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id} data-testid="token-row">
                <td>{k.label ?? t('admin.token.unlabelled')}</td>
                <td>
                  <time dateTime={k.createdAt}>{format.moment(k.createdAt)}</time>
                </td>
                <td>{k.expiresAt ? format.moment(k.expiresAt) : t('admin.token.never')}</td>
                <td>
                  {k.revokedAt ? (
                    <span data-testid="token-state">
                      {t('admin.token.revoked', { when: format.moment(k.revokedAt) })}
                    </span>
                  ) : (
                    <button
                      type="button"
                      onClick={() => void revoke(k)}
                      aria-label={t('admin.token.revokeNamed', {
                        label: k.label ?? t('admin.token.unlabelled'),
                      })}
                    >
                      {t('admin.token.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

/** Revokes a token issued elsewhere (the command line prints its id). */
export function RevokeById() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [tokenId, setTokenId] = useState('');
  const [done, setDone] = useState<TokenView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      setDone(await api<TokenView>(`/tokens/${tokenId.trim()}/revoke`, { method: 'POST' }));
      setTokenId('');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('admin.revoke.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="filters">
        <div className="field">
          <label htmlFor={`${id}-token`}>{t('admin.revoke.id')}</label>
          <input
            id={`${id}-token`}
            type="text"
            required
            pattern="[0-9a-fA-F-]{36}"
            value={tokenId}
            onChange={(e) => setTokenId(e.target.value)}
          />
        </div>
        <button type="submit">{t('admin.revoke.submit')}</button>
      </form>
      <p role="status" className="status">
        {done?.revokedAt && t('admin.revoke.done', { when: format.moment(done.revokedAt) })}
      </p>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
