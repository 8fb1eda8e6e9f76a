import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, ApiError } from '../api/client';
import type { RecordView } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorNotice } from '../components/Status';
import { MarkingTag } from '../marking/MarkingTag';
import { useTraceFormat, type TraceFormat } from './format';
import type {
  ClosingStatus,
  FirearmDescription,
  RecoveryDescription,
  RunSummary,
  SubmitResult,
  TraceRequestInput,
  TraceView,
} from './types';
import { isFinal } from './types';

// What the trace pages share: the calls that change traces, and how a request is summed up.

export const submitTraces = (requests: TraceRequestInput[]) =>
  api<SubmitResult>('/traces', {
    method: 'POST',
    body: requests.length === 1 ? requests[0] : { requests },
  });

export const runTraces = (body: { ids?: string[]; limit?: number } = {}) =>
  api<RunSummary>('/traces/run', { method: 'POST', body });

export const answerTrace = (
  id: string,
  body: { firearmId: string; note?: string } | { status: ClosingStatus; note: string },
) => api<TraceView>(`/traces/${encodeURIComponent(id)}/answer`, { method: 'POST', body });

export const isForbidden = (error: unknown) =>
  error instanceof ApiError && error.problem.status === 403;

/** The status in words, in a badge whose colour only repeats them. */
export function StatusBadge({ status }: { status: string }) {
  const f = useTraceFormat();
  return (
    <span className={`trace-status trace-status-${status}`} data-testid="trace-status">
      {f.status(status)}
    </span>
  );
}

export function PriorityLabel({ priority }: { priority: string }) {
  const f = useTraceFormat();
  return (
    <span className={`priority priority-${priority}`}>
      {priority === 'urgent' ? '⚑ ' : ''}
      {f.priority(priority)}
    </span>
  );
}

/** When the answer is due: an overdue request says so in words, and in colour besides. */
export function Deadline({ trace }: { trace: TraceView }) {
  const { t } = useTranslation();
  const f = useTraceFormat();
  const due = <time dateTime={trace.deadlineAt}>{f.moment(trace.deadlineAt)}</time>;
  if (isFinal(trace.status)) {
    return (
      <span className="deadline answered">
        {trace.answeredAt ? (
          <>
            {t('traces.deadline.answered')}{' '}
            <time dateTime={trace.answeredAt}>{f.moment(trace.answeredAt)}</time>
          </>
        ) : (
          t('traces.deadline.closed')
        )}
      </span>
    );
  }
  if (trace.overdue) {
    return (
      <span className="deadline overdue" data-testid="overdue">
        <strong>{t('traces.deadline.overdue')}</strong> {t('traces.deadline.wasDue')} {due} (
        {f.fromNow(trace.deadlineAt)})
      </span>
    );
  }
  return (
    <span className="deadline">
      {t('traces.deadline.due')} {due} ({f.fromNow(trace.deadlineAt)})
    </span>
  );
}

/** "Colt AR-15, rifle, 5.56x45mm, serial LW012345". */
export function firearmText(firearm: FirearmDescription, f: TraceFormat, t: TFunction): string {
  const serial =
    firearm.obliterated === 'yes'
      ? t('traces.firearm.obliterated')
      : firearm.serialNumber
        ? t('traces.firearm.serial', { serial: firearm.serialNumber })
        : '';
  return [
    [firearm.make, firearm.model].filter(Boolean).join(' '),
    firearm.type ? f.firearmType(firearm.type) : '',
    firearm.caliber ?? '',
    serial,
  ]
    .filter(Boolean)
    .join(', ');
}

/** "Reynosa, Tamaulipas, Mexico". */
export function placeText(recovery: RecoveryDescription, f: TraceFormat): string {
  return [recovery.place, recovery.state, recovery.country ? f.country(recovery.country) : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * A record the trace names (the recovery, a firearm, the sale, the purchaser), read first so
 * that it is shown with its own marking; one the reader may not see is said to be so.
 */
export function RecordLink({ id, role }: { id: string; role: string }) {
  const { t } = useTranslation();
  const record = useApi<RecordView>(`/records/${encodeURIComponent(id)}`);
  return (
    <li className="record-link" data-testid="trace-record">
      <span className="record-role">{role}</span>{' '}
      {record.state === 'loading' && <span className="status">{t('status.loading')}</span>}
      {record.state === 'ready' && (
        <>
          <MarkingTag sharing={record.data} />{' '}
          <Link to={`/records/${id}`}>{record.data.caption}</Link>
        </>
      )}
      {record.state === 'error' &&
        (record.error instanceof ApiError && record.error.problem.status === 404 ? (
          <span className="status">{t('traces.records.notShared')}</span>
        ) : (
          <ErrorNotice error={record.error} />
        ))}
    </li>
  );
}
