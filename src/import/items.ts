/** Sharing rules a row may set for itself; the file's defaults fill what it leaves out. */
export interface RowSharing {
  marking?: string;
  /** Countries and/or agency codes. */
  rel?: string[];
  /** Agency codes (AMBER+STRICT) or user ids (RED). */
  recipients?: string[];
}

interface Item {
  /** The partner's own id: with the agency, the natural key. */
  key: string;
  properties: Record<string, unknown>;
  sharing: RowSharing;
  /** Where each property came from in the row, so errors can name the column. */
  columns: Record<string, string>;
}

export interface ImportedRecord extends Item {
  schema: string;
}

export interface ImportedLink extends Item {
  type: string;
  source: string;
  target: string;
}

/** What one row of a file contributes. */
export interface RowItems {
  line: number;
  raw: string;
  records: ImportedRecord[];
  links: ImportedLink[];
}

/** Link ids default to their type and ends, so re-importing a row finds the same link. */
export const defaultLinkKey = (type: string, source: string, target: string): string =>
  `${type}:${source}>${target}`;
