import { v7, validate } from 'uuid';

/** Time-ordered, globally unique ids, so national nodes can exchange records without clashes. */
export const newId = (): string => v7();

export const isUuid = (s: string): boolean => validate(s);
