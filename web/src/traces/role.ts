import { useApi } from '../api/use-api';
import { useUser } from '../session/session';

interface Agency {
  code: string;
  traceRole: 'requester' | 'tracer' | null;
}

/** The signed-in user's agency's part in firearm tracing, once known. */
export function useTraceRole(): Agency['traceRole'] | undefined {
  const me = useUser();
  const agencies = useApi<Agency[]>('/agencies');
  if (agencies.state !== 'ready') return undefined;
  return agencies.data.find((a) => a.code === me.agency)?.traceRole ?? null;
}
