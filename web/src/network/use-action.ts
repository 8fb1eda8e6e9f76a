import { useCallback, useRef, useState } from 'react';
import { api } from '../api/client';

export type Action<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T; subject: string };

/** A request run on demand (a button), whose latest answer alone counts. */
export function useAction<T>() {
  const [action, setAction] = useState<Action<T>>({ state: 'idle' });
  const seq = useRef(0);
  const run = useCallback(async (path: string, subject: string): Promise<T | null> => {
    const n = ++seq.current;
    setAction({ state: 'loading' });
    try {
      const data = await api<T>(path);
      if (n !== seq.current) return null;
      setAction({ state: 'ready', data, subject });
      return data;
    } catch (error) {
      if (n === seq.current) setAction({ state: 'error', error });
      return null;
    }
  }, []);
  const clear = useCallback(() => {
    seq.current++;
    setAction({ state: 'idle' });
  }, []);
  return { action, run, clear };
}

export type ActionOf<T> = ReturnType<typeof useAction<T>>;
