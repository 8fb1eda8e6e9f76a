import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { ErrorNotice } from '../components/Status';
import { mostRestrictive } from '../marking/marking';
import { TlpLabel } from '../marking/MarkingTag';
import { useShownMarking } from '../marking/marking-registry';
import type { NetworkFormat } from './format';
import { tlp, type NodeView } from './types';

/** Something to say, kept as words to say so that it follows a change of language. */
export type Say = (t: TFunction, f: NetworkFormat) => string;

function Shown({ marking }: { marking: string }) {
  useShownMarking(marking);
  return null;
}

/** Counts the most restrictive of these markings towards the page banner while shown. */
export function ShownMarkings({ markings }: { markings: Iterable<string> }) {
  const highest = mostRestrictive([...markings].map(tlp));
  return highest ? <Shown marking={highest} /> : null;
}

/** A node's or tie's TLP marking: its colour and its words. */
export function NodeMarking({ marking }: { marking: string }) {
  return (
    <span className="portion-marking" data-testid="marking">
      <TlpLabel marking={tlp(marking)} />
    </span>
  );
}

/** Persons and organizations have an entity page; other nodes have only their records. */
export const hasEntityPage = (node: NodeView) =>
  node.kind === 'person' || node.kind === 'organization' || node.kind === 'company';

/** A refused request, and what to do about it when the server's words are not enough. */
export function NetworkError({ error, hint }: { error: unknown; hint?: ReactNode }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiError && error.problem.status === 404;
  return (
    <div className="action-error">
      <ErrorNotice error={error} />
      {notFound && <p className="hint">{hint ?? t('network.error.notFound')}</p>}
    </div>
  );
}
