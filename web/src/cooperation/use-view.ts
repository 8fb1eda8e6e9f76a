import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Loaded } from '../api/use-api';

/** One view read again on demand, or replaced by the answer a change returned. */
export function useView<T>(path: string) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    api<T>(path, { signal: abort.signal }).then(
      (data) => setLoaded({ state: 'ready', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((data: T) => setLoaded({ state: 'ready', data }), []);
  return { loaded, reload, replace };
}
