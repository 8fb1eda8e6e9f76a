import { useEffect } from 'react';

/** The window title names the page, so tabs and screen readers tell them apart. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Puente`;
  }, [title]);
}
