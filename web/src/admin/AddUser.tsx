import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Role } from '../api/types';
import { ErrorNotice } from '../components/Status';
import { ROLES, type UserView } from './types';

/** Adds a user to the admin's own agency. */
export function AddUser({ onAdded }: { onAdded: (user: UserView) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const user = await api<UserView>('/users', {
        method: 'POST',
        body: { name, role, ...(email.trim() ? { email: email.trim() } : {}) },
      });
      setAdded(user.name);
      setName('');
      setEmail('');
      onAdded(user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="add-user">
      <h2 id={`${id}-h`}>{t('admin.add.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="filters">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.add.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            maxLength={200}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('admin.add.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admin.add.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {t('admin.add.submit')}
        </button>
      </form>
      <p role="status" className="status" data-testid="add-user-status">
        {added && t('admin.add.done', { name: added })}
      </p>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
