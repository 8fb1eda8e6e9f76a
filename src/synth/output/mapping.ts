/** The mapping-file shape of docs/import.md, as written to the YAML files next to each CSV. */

export interface PropertySource {
  column?: string;
  columns?: string[];
  separator?: string;
  value?: string;
  template?: string;
  split?: string;
  remove?: string;
  upper?: boolean;
  map?: Record<string, string>;
  date?: string;
  unit?: string;
}

export interface MappingRecord {
  key: string;
  schema: string;
  id: string;
  optional?: boolean;
  properties: Record<string, PropertySource>;
  marking?: string | { column: string; map: Record<string, string> };
  rel?: string[];
  recipients?: string[];
}

export interface MappingLink {
  type: string;
  source: string;
  target: string;
}

export interface Mapping {
  format: 'csv';
  delimiter: string;
  encoding: string;
  marking: string;
  rel?: string[];
  recipients?: string[];
  records: MappingRecord[];
  links: MappingLink[];
}

export const col = (
  column: string,
  extra: Omit<PropertySource, 'column'> = {},
): PropertySource => ({
  column,
  ...extra,
});
