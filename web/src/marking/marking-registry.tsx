import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

type Add = (marking: string) => () => void;

const AddContext = createContext<Add | null>(null);
const ShownContext = createContext<string[]>([]);

/**
 * Every marking shown on screen registers here while it is shown, so the page banner reflects
 * exactly what the reader sees.
 */
export function MarkingRegistry({ children }: { children: ReactNode }) {
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const add = useCallback<Add>((marking) => {
    setCounts((c) => new Map(c).set(marking, (c.get(marking) ?? 0) + 1));
    return () =>
      setCounts((c) => {
        const next = new Map(c);
        const n = (next.get(marking) ?? 1) - 1;
        if (n > 0) next.set(marking, n);
        else next.delete(marking);
        return next;
      });
  }, []);
  return (
    <AddContext.Provider value={add}>
      <ShownContext.Provider value={[...counts.keys()]}>{children}</ShownContext.Provider>
    </AddContext.Provider>
  );
}

export const useMarkingsOnScreen = (): string[] => useContext(ShownContext);

/** Counts this marking as on screen while the calling component is mounted. */
export function useShownMarking(marking: string): void {
  const add = useContext(AddContext);
  useEffect(() => add?.(marking), [add, marking]);
}
