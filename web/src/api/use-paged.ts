import { useCallback, useEffect, useState } from 'react';
import { api } from './client';
import type { Page } from './types';

interface Paged<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  /** Present while more pages exist. */
  loadMore?: () => void;
}

/** A cursor-paged list: the first page of `path`, then each next page appended on request. */
export function usePaged<T>(path: string | null): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const fetchPage = useCallback(
    (after: string | null, signal?: AbortSignal) => {
      if (path === null) return;
      setLoading(true);
      setError(null);
      const url = new URL(path, 'http://page.invalid');
      if (after) url.searchParams.set('cursor', after);
      api<Page<T>>(url.pathname + url.search, { signal }).then(
        (page) => {
          setItems((old) => (after ? [...old, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (err: unknown) => {
          if (signal?.aborted) return;
          setError(err);
          setLoading(false);
        },
      );
    },
    [path],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    const abort = new AbortController();
    fetchPage(null, abort.signal);
    return () => abort.abort();
  }, [fetchPage]);

  return {
    items,
    loading,
    error,
    loadMore: cursor && !loading ? () => fetchPage(cursor) : undefined,
  };
}
