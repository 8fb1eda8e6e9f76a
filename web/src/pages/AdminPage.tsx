import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { AddUser } from '../admin/AddUser';
import type { UserView } from '../admin/types';
import { RevokeById, UserTokens } from '../admin/UserTokens';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useFormat } from '../i18n/format';
import { useUser } from '../session/session';
import { useTitle } from './use-title';

/** The admin's agency: its users, adding one, and their API tokens (admins only). */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useUser();
  useTitle(t('admin.title'));
  // Adding a user reads the list again.
  const [version, setVersion] = useState(0);
  return (
    <div className="admin-page">
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro', { agency: me.agency })}</p>
      <section aria-labelledby="admin-users-h">
        <h2 id="admin-users-h">{t('admin.users.title')}</h2>
        <Users key={version} />
      </section>
      <AddUser onAdded={() => setVersion((v) => v + 1)} />
      <RevokeById />
    </div>
  );
}

function Users() {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState<string | null>(null);
  const users = useApi<UserView[]>('/users');
  return (
    <>
      {users.state === 'loading' && <Loading />}
      {users.state === 'error' && <ErrorNotice error={users.error} />}
      {users.state === 'ready' && users.data.length === 0 && (
        <Empty>{t('admin.users.empty')}</Empty>
      )}
      {users.state === 'ready' && users.data.length > 0 && (
        <table className="users" data-testid="users">
          <caption className="visually-hidden">{t('admin.users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.created')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.tokens')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <Fragment key={u.id}>
                <tr data-testid="user-row">
                  <th scope="row">{u.name}</th>
                  <td>{u.email ?? ''}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>
                    <time dateTime={u.createdAt}>{format.moment(u.createdAt)}</time>
                  </td>
                  <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.active')}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open === u.id}
                      aria-controls={`tokens-${u.id}`}
                      onClick={() => setOpen(open === u.id ? null : u.id)}
                    >
                      {t('admin.users.manageTokens', { name: u.name })}
                    </button>
                  </td>
                </tr>
                {open === u.id && (
                  <tr id={`tokens-${u.id}`}>
                    <td colSpan={6}>
                      <UserTokens user={u} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
