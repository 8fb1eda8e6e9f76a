/** Agency codes are short, upper-case and comma-free: they are embedded in policy keys. */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;

export const isAgencyCode = (s: string): boolean => AGENCY_CODE.test(s);
