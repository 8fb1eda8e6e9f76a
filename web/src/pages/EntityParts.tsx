import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SCHEMA_DEFS } from '../../../src/domain/model/schema-defs.js';
import { api, ApiError } from '../api/client';
import type { EntityKind, Judgement, RecordView, Verdict } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../components/Status';
import { MarkingTag } from '../marking/MarkingTag';

// What the entity pages share: which records have an entity, number formats for match
// evidence, the calls that change entities, and errors that say what to do next.

const PARENT = new Map(SCHEMA_DEFS.map((s) => [s.name, s.extends]));

/** Whether a schema's records are resolved into entities (persons and organizations). */
export function entityKindOf(schema: string): EntityKind | null {
  for (let s: string | undefined = schema; s; s = PARENT.get(s)) {
    if (s === 'Person') return 'person';
    if (s === 'Organization') return 'organization';
  }
  return null;
}

export const ENTITY_KINDS: readonly EntityKind[] = ['person', 'organization'];

/** The schema that names a kind, for its label ("Person", "Organization"). */
export const kindLabelKey = (kind: EntityKind) =>
  `model:schema.${kind === 'person' ? 'Person' : 'Organization'}`;

export const UUID_PATTERN =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A pair the same whichever record comes first (decisions come back with a < b). */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Probabilities, evidence in bits and shares (m, u) in the reader's language. */
export function useMatchFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 });
    const bits = new Intl.NumberFormat(lng, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    });
    const share = new Intl.NumberFormat(lng, { maximumSignificantDigits: 3 });
    return {
      percent: (x: number) => percent.format(x),
      bits: (x: number) => bits.format(x),
      share: (x: number) => share.format(x),
    };
  }, [lng]);
}

/** Records an analyst's verdict on a pair; answers the decisions recorded. */
export const decide = (a: string, b: string, verdict: Verdict, note?: string) =>
  api<Judgement[]>('/match/decisions', {
    method: 'POST',
    body: { a, b, verdict, ...(note ? { note } : {}) },
  });

/**
 * A refused change: the server's problem text, and for each field it names what to do about it
 * (a record outside the entity, a split of none or all of its records…).
 */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const hints =
    error instanceof ApiError
      ? (error.problem.errors ?? []).map((e) =>
          t(`entities.problem.${e.code}`, {
            defaultValue: t('entities.problem.other', { field: e.field ?? '', code: e.code }),
          }),
        )
      : [];
  return (
    <div className="action-error">
      <ErrorNotice error={error} />
      {hints.length > 0 && (
        <ul className="hints">
          {[...new Set(hints)].map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A record named only by its id (search hits and pairs to review carry no marking of their
 * own): read first, so that it is never shown without its marking, which counts towards the
 * banner.
 */
export function MarkedRecord({
  id,
  children,
}: {
  id: string;
  children: (record: RecordView) => ReactNode;
}) {
  const { t } = useTranslation();
  const record = useApi<RecordView>(`/records/${encodeURIComponent(id)}`);
  if (record.state === 'loading') return <span className="status">{t('status.loading')}</span>;
  if (record.state === 'error') return <ErrorNotice error={record.error} />;
  return (
    <>
      <MarkingTag sharing={record.data} />
      {children(record.data)}
    </>
  );
}
