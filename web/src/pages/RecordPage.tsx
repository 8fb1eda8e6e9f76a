import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';
import type { Agency, LinkView, Page, RecordVersion, RecordView } from '../api/types';
import { useApi } from '../api/use-api';
import { Empty, ErrorNotice, Loading } from '../components/Status';
import { useFormat } from '../i18n/format';
import { MarkingTag } from '../marking/MarkingTag';
import { PropertyValue } from '../model/PropertyValue';
import { entityKindOf } from './EntityParts';
import { useTitle } from './use-title';

export function RecordPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const record = useApi<RecordView>(`/records/${encodeURIComponent(id)}`);
  useTitle(record.state === 'ready' ? record.data.caption : t('record.title'));
  if (record.state === 'loading') return <Loading />;
  if (record.state === 'error')
    return (
      <div>
        <h1>{t('record.title')}</h1>
        <ErrorNotice error={record.error} />
        <p>
          <Link to="/search">{t('record.backToSearch')}</Link>
        </p>
      </div>
    );
  return <RecordDetail record={record.data} />;
}

function RecordDetail({ record }: { record: RecordView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agencies = useApi<Agency[]>('/agencies');
  const agency =
    agencies.state === 'ready' ? agencies.data.find((a) => a.code === record.agency) : undefined;
  return (
    <article className="record">
      <MarkingTag sharing={record} />
      <h1>{record.caption}</h1>
      <p className="meta">
        <span>{t(`model:schema.${record.schema}`)}</span>
        {record.retracted && <span className="retracted">{t('record.retracted')}</span>}
        {entityKindOf(record.schema) && (
          <Link to={`/entities/${record.id}`} title={t('record.entityHint')}>
            {t('record.entity')}
          </Link>
        )}
      </p>
      <dl className="provenance">
        <dt>{t('record.source')}</dt>
        <dd>
          {record.agency}
          {agency && ` · ${agency.name}`}
          {agency && ` (${format.country(agency.country)})`}
        </dd>
        {record.sourceRef && (
          <>
            <dt>{t('record.sourceRef')}</dt>
            <dd>{record.sourceRef}</dd>
          </>
        )}
        <dt>{t('record.version')}</dt>
        <dd>{format.number(record.version)}</dd>
        <dt>{t('record.changedAt')}</dt>
        <dd>
          <time dateTime={record.changedAt}>{format.moment(record.changedAt)}</time>
        </dd>
      </dl>
      <h2>{t('record.properties')}</h2>
      <Properties schema={record.schema} properties={record.properties} />
      <Links recordId={record.id} />
      <Versions recordId={record.id} />
    </article>
  );
}

function Properties({
  schema,
  properties,
}: {
  schema?: string;
  properties: Record<string, string[]>;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(properties).filter(([, values]) => values.length > 0);
  if (entries.length === 0) return <Empty>{t('record.noProperties')}</Empty>;
  return (
    <dl className="properties">
      {entries.map(([name, values]) => (
        <div key={name}>
          <dt>{t(`model:property.${name}`, { defaultValue: name })}</dt>
          <dd>
            {values.map((v, i) => (
              <span key={i} className="value">
                <PropertyValue schema={schema} name={name} value={v} />
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Links({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const links = useApi<Page<LinkView>>(withQuery('/links', { recordId, limit: '200' }));
  return (
    <section>
      <h2>{t('record.links')}</h2>
      {links.state === 'loading' && <Loading />}
      {links.state === 'error' && <ErrorNotice error={links.error} />}
      {links.state === 'ready' && links.data.items.length === 0 && (
        <Empty>{t('record.noLinks')}</Empty>
      )}
      {links.state === 'ready' && links.data.items.length > 0 && (
        <ul className="links">
          {links.data.items.map((l) => (
            <LinkItem key={l.id} link={l} recordId={recordId} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A link read from this record's side: "member of → Cártel X", with its own marking. */
function LinkItem({ link, recordId }: { link: LinkView; recordId: string }) {
  const { t } = useTranslation();
  const outgoing = link.sourceId === recordId;
  const otherId = outgoing ? link.targetId : link.sourceId;
  const other = useApi<RecordView>(`/records/${otherId}`);
  return (
    <li>
      <MarkingTag sharing={link} />{' '}
      <span className="link-type">
        {t(`model:link.${link.type}.${outgoing ? 'label' : 'reverse'}`, {
          defaultValue: link.type,
        })}
      </span>{' '}
      {other.state === 'ready' ? (
        <>
          <Link to={`/records/${otherId}`}>{other.data.caption}</Link>{' '}
          <MarkingTag sharing={other.data} />
        </>
      ) : (
        <Link to={`/records/${otherId}`}>{t('record.linkedRecord')}</Link>
      )}
    </li>
  );
}

function Versions({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useApi<RecordVersion[]>(`/records/${recordId}/versions`);
  return (
    <section>
      <h2>{t('record.versions')}</h2>
      {versions.state === 'loading' && <Loading />}
      {versions.state === 'error' && <ErrorNotice error={versions.error} />}
      {versions.state === 'ready' && (
        <table className="versions">
          <thead>
            <tr>
              <th scope="col">{t('record.version')}</th>
              <th scope="col">{t('record.change')}</th>
              <th scope="col">{t('record.changedAt')}</th>
              <th scope="col">{t('record.marking')}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions.data].reverse().map((v) => (
              <tr key={v.version}>
                <td>{format.number(v.version)}</td>
                <td>{t(`change.${v.change}`, { defaultValue: v.change })}</td>
                <td>
                  <time dateTime={v.changedAt}>{format.moment(v.changedAt)}</time>
                </td>
                <td>
                  <MarkingTag sharing={v} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
