/** Evidence in bits, signed: "+6.64", "-3.20". */
export const bits = (n: number): string => `${n >= 0 ? '+' : '-'}${Math.abs(n).toFixed(2)}`;

/** A probability of agreement (m, u), to three significant digits: "0.6", "0.00001". */
export const share = (n: number): string => String(Number(n.toPrecision(3)));

/** A posterior probability as a percentage, to a tenth. */
export const percent = (p: number): string => `${(p * 100).toFixed(1)}%`;
