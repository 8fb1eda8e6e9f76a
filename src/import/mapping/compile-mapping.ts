import { Value } from '@sinclair/typebox/value';
import { parse as parseYaml } from 'yaml';
import { allowsSchema, getLinkType, LINK_PROPERTIES } from '../../domain/model/links.js';
import { getSchema } from '../../domain/model/schemas.js';
import { defaultLinkKey, type ImportedRecord, type RowItems, type RowSharing } from '../items.js';
import { ImportProblem, RowProblem } from '../problem.js';
import type { SourceRow } from '../readers/source-row.js';
import {
  MappingDocument,
  type LinkMapping,
  type RecordMapping,
  type ValueSource,
} from './mapping-schema.js';
import {
  compileSource,
  fillTemplate,
  sourceOrigins,
  templateColumns,
  type CompiledSource,
} from './value-source.js';

/** A mapping ready to turn rows into records and links. */
export interface Mapping {
  format?: 'csv' | 'ndjson' | 'json';
  delimiter?: string;
  encoding?: string;
  /** The file-wide sharing defaults the mapping sets. */
  sharing: RowSharing;
  /** Every column the mapping reads. */
  columns: ReadonlySet<string>;
  apply(row: SourceRow): RowItems;
}

const invalid = (path: string, reason: string) =>
  new ImportProblem('invalid_mapping', { path, reason });

const LINK_PROPERTY_NAMES = new Set(LINK_PROPERTIES.map((p) => p.name));

type SharingSpec = RecordMapping['marking'] | RecordMapping['rel'];

function compileSharingField(spec: SharingSpec, path: string, columns: Set<string>) {
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') return () => [spec];
  if (Array.isArray(spec)) return () => spec;
  const source = checkSource(spec, path, columns);
  return (fields: Record<string, unknown>, line: number) => source.values(fields, line);
}

function compileSharing(
  m: Pick<RecordMapping, 'marking' | 'rel' | 'recipients'>,
  path: string,
  columns: Set<string>,
) {
  const marking = compileSharingField(m.marking, `${path}.marking`, columns);
  const rel = compileSharingField(m.rel, `${path}.rel`, columns);
  const recipients = compileSharingField(m.recipients, `${path}.recipients`, columns);
  return (fields: Record<string, unknown>, line: number): RowSharing => {
    const out: RowSharing = {};
    const mk = marking?.(fields, line)[0];
    if (mk) out.marking = mk;
    const r = rel?.(fields, line);
    if (r?.length) out.rel = r;
    const rc = recipients?.(fields, line);
    if (rc?.length) out.recipients = rc;
    return out;
  };
}

function checkSource(source: ValueSource, path: string, columns: Set<string>): CompiledSource {
  if (sourceOrigins(source) !== 1) throw invalid(path, 'one_origin');
  if (source.upper && source.lower) throw invalid(path, 'upper_and_lower');
  const compiled = compileSource(source);
  for (const c of compiled.columns) columns.add(c);
  return compiled;
}

function compileProperties(
  props: Record<string, ValueSource>,
  known: (name: string) => boolean,
  path: string,
  columns: Set<string>,
) {
  return Object.entries(props).map(([name, source]) => {
    if (!known(name)) throw invalid(`${path}.${name}`, 'unknown_property');
    return { name, source: checkSource(source, `${path}.${name}`, columns) };
  });
}

type Compiled = ReturnType<typeof compileProperties>;

function readProperties(compiled: Compiled, fields: Record<string, unknown>, line: number) {
  const properties: Record<string, string[]> = {};
  const where: Record<string, string> = {};
  let any = false;
  for (const { name, source } of compiled) {
    const values = source.values(fields, line);
    where[name] = source.label;
    if (values.length) {
      properties[name] = values;
      any = true;
    }
  }
  return { properties, where, any };
}

function compileRecord(m: RecordMapping, path: string, columns: Set<string>) {
  const schema = getSchema(m.schema);
  if (!schema || schema.abstract) throw invalid(`${path}.schema`, 'unknown_schema');
  const idColumns = templateColumns(m.id);
  if (idColumns.length === 0) throw invalid(`${path}.id`, 'id_needs_column');
  idColumns.forEach((c) => columns.add(c));
  const props = compileProperties(
    m.properties,
    (n) => n in schema.properties,
    `${path}.properties`,
    columns,
  );
  const sharing = compileSharing(m, path, columns);
  return (row: SourceRow): ImportedRecord | undefined => {
    const key = fillTemplate(m.id, row.fields);
    if (key === undefined) {
      if (m.optional) return undefined;
      const empty = idColumns.find((c) => fillTemplate(`{${c}}`, row.fields) === undefined)!;
      throw new RowProblem(row.line, 'invalid_row', {
        column: empty,
        value: '',
        expected: 'a value (it makes the record id)',
      });
    }
    const { properties, where, any } = readProperties(props, row.fields, row.line);
    if (!any && m.optional) return undefined;
    return {
      key,
      schema: m.schema,
      properties,
      columns: where,
      sharing: sharing(row.fields, row.line),
    };
  };
}

function compileLink(
  m: LinkMapping,
  path: string,
  records: Map<string, RecordMapping>,
  columns: Set<string>,
) {
  const type = getLinkType(m.type);
  if (!type) throw invalid(`${path}.type`, 'unknown_link_type');
  const source = records.get(m.source);
  const target = records.get(m.target);
  if (!source) throw invalid(`${path}.source`, 'unknown_record_key');
  if (!target) throw invalid(`${path}.target`, 'unknown_record_key');
  if (!allowsSchema(type.source, source.schema))
    throw invalid(`${path}.source`, 'link_source_schema');
  if (!allowsSchema(type.target, target.schema))
    throw invalid(`${path}.target`, 'link_target_schema');
  if (m.id) templateColumns(m.id).forEach((c) => columns.add(c));
  const props = compileProperties(
    m.properties ?? {},
    (n) => LINK_PROPERTY_NAMES.has(n),
    `${path}.properties`,
    columns,
  );
  const sharing = compileSharing(m, path, columns);
  return (row: SourceRow, made: Map<string, ImportedRecord>) => {
    const s = made.get(m.source);
    const t = made.get(m.target);
    if (!s || !t) return undefined;
    const key = (m.id && fillTemplate(m.id, row.fields)) || defaultLinkKey(m.type, s.key, t.key);
    const { properties, where } = readProperties(props, row.fields, row.line);
    return {
      key,
      type: m.type,
      source: s.key,
      target: t.key,
      properties,
      columns: where,
      sharing: sharing(row.fields, row.line),
    };
  };
}

/** Reads a mapping (YAML, or JSON, which YAML includes) and checks it against the model. */
export function compileMapping(text: string): Mapping {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw invalid('', (err as Error).message.split('\n')[0]!);
  }
  const first = Value.Errors(MappingDocument, doc).First();
  if (first) throw invalid(first.path || '/', first.message);
  const m = doc as MappingDocument;
  const columns = new Set<string>();
  const byKey = new Map<string, RecordMapping>();
  m.records.forEach((r, i) => {
    if (byKey.has(r.key)) throw invalid(`records.${i}.key`, 'duplicate_key');
    byKey.set(r.key, r);
  });
  const records = m.records.map((r, i) => ({
    key: r.key,
    make: compileRecord(r, `records.${i}`, columns),
  }));
  const links = (m.links ?? []).map((l, i) => compileLink(l, `links.${i}`, byKey, columns));
  const fileSharing = compileSharing(m, '', new Set());
  return {
    format: m.format,
    delimiter: m.delimiter,
    encoding: m.encoding,
    sharing: fileSharing({}, 0),
    columns,
    apply(row) {
      const made = new Map<string, ImportedRecord>();
      for (const r of records) {
        const rec = r.make(row);
        if (rec) made.set(r.key, rec);
      }
      const out = [...made.values()];
      return {
        line: row.line,
        raw: row.raw,
        records: out,
        links: links.flatMap((l) => l(row, made) ?? []),
      };
    },
  };
}
