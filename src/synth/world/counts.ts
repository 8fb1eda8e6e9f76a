/**
 * How many rows and entities each part of the data set gets for a scale of about `scale`
 * records in all files together. Shares were tuned by measuring records per row.
 */
export interface Counts {
  networks: number;
  /** People who turn up in several partners' files outside the planted networks. */
  pool: number;
  poeSeizures: number;
  smugglingEvents: number;
  strawBaskets: number;
  retailBaskets: number;
  recoveries: number;
  rcmpSeizures: number;
  /** Pool people HSI holds files on, and the intercepted calls among everyone it watches. */
  hsiPeople: number;
  hsiCalls: number;
}

/** Traced recoveries per straw-purchased gun slot: slack so each finds a gun of its type. */
const STRAW_SLACK = 1.8;
const GUNS_PER_STRAW_BASKET = 3.5;
export const TRACED_SHARE = 0.69;
/** Of traced recoveries, those bought by planted straw purchasers (the rest: one-off sales). */
export const STRAW_SHARE_OF_TRACED = 0.8;

export function countsFor(scale: number): Counts {
  const n = Math.max(scale, 1000);
  const at = (share: number) => Math.max(1, Math.round(n * share));
  const recoveries = at(0.03);
  const strawBaskets = Math.ceil(
    (recoveries * TRACED_SHARE * STRAW_SHARE_OF_TRACED * STRAW_SLACK) / GUNS_PER_STRAW_BASKET,
  );
  return {
    networks: Math.max(8, Math.round(n / 2000)),
    pool: at(0.025),
    poeSeizures: at(0.062),
    smugglingEvents: at(0.04),
    strawBaskets,
    retailBaskets: at(0.067),
    recoveries,
    rcmpSeizures: at(0.045),
    hsiPeople: at(0.02),
    hsiCalls: at(0.22),
  };
}
