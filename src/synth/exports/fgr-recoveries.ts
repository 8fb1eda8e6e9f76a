import { formatDate, isoOf } from '../dates.js';
import type { Random } from '../random.js';
import type { Recovery } from '../guns/recoveries.js';
import type { ExportSpec } from '../output/exporter.js';
import { col, type Mapping } from '../output/mapping.js';
import { upper, type Mention } from '../output/people.js';
import {
  makeAsWritten,
  NACIONALIDAD,
  NACIONALIDAD_MAP,
  PAIS,
  PAIS_MAP,
  serialAsWritten,
  TIPO_ARMA,
  TIPO_ARMA_MAP,
} from './mx-firearm-words.js';

const COLUMNS = [
  'CARPETA_INVESTIGACION',
  'FECHA_HECHOS',
  'ESTADO',
  'MUNICIPIO',
  'CIRCUNSTANCIAS',
  'TIPO_ARMA',
  'MARCA',
  'MODELO',
  'CALIBRE',
  'MATRICULA',
  'MATRICULA_BORRADA',
  'PAIS_FABRICACION',
  'IMPORTADOR',
  'CLASIFICACION',
  'ID_PERSONA',
  'NOMBRE',
  'PRIMER_APELLIDO',
  'SEGUNDO_APELLIDO',
  'CURP',
  'ALIAS',
  'FECHA_NACIMIENTO',
  'SEXO',
  'NACIONALIDAD',
];

const CLASSIFICATION = { column: 'CLASIFICACION', map: { RESERVADA: 'AMBER', PÚBLICA: 'CLEAR' } };

const MAPPING: Mapping = {
  format: 'csv',
  delimiter: ';',
  encoding: 'windows-1252',
  marking: 'AMBER',
  rel: ['MX', 'US'],
  records: [
    {
      key: 'recovery',
      schema: 'Recovery',
      id: '{CARPETA_INVESTIGACION}',
      marking: CLASSIFICATION,
      properties: {
        caseNumber: col('CARPETA_INVESTIGACION'),
        date: col('FECHA_HECHOS', { date: 'DD/MM/YYYY' }),
        state: col('ESTADO'),
        place: { template: '{MUNICIPIO}, {ESTADO}' },
        country: { value: 'MX' },
        circumstances: col('CIRCUNSTANCIAS'),
      },
    },
    {
      key: 'firearm',
      schema: 'Firearm',
      id: 'ARMA-{CARPETA_INVESTIGACION}',
      marking: CLASSIFICATION,
      properties: {
        type: col('TIPO_ARMA', { map: TIPO_ARMA_MAP }),
        make: col('MARCA'),
        model: col('MODELO'),
        caliber: col('CALIBRE'),
        serialNumber: col('MATRICULA', { upper: true }),
        obliterated: col('MATRICULA_BORRADA', { map: { SI: 'yes', NO: 'no', PARCIAL: 'partial' } }),
        countryOfManufacture: col('PAIS_FABRICACION', { map: PAIS_MAP }),
        importer: col('IMPORTADOR'),
        country: { value: 'MX' },
      },
    },
    {
      key: 'person',
      schema: 'Person',
      id: '{ID_PERSONA}',
      optional: true,
      marking: CLASSIFICATION,
      properties: {
        name: { columns: ['NOMBRE', 'PRIMER_APELLIDO', 'SEGUNDO_APELLIDO'] },
        firstName: col('NOMBRE'),
        fatherName: col('PRIMER_APELLIDO'),
        motherName: col('SEGUNDO_APELLIDO'),
        curp: col('CURP', { upper: true }),
        alias: col('ALIAS', { split: '|' }),
        birthDate: col('FECHA_NACIMIENTO', { date: 'DD/MM/YYYY' }),
        gender: col('SEXO', { map: { H: 'male', M: 'female' } }),
        nationality: col('NACIONALIDAD', { map: NACIONALIDAD_MAP }),
      },
    },
  ],
  links: [
    { type: 'recovered_in', source: 'firearm', target: 'recovery' },
    { type: 'involved_in', source: 'person', target: 'recovery' },
  ],
};

export const FGR_RECOVERIES: ExportSpec = {
  file: 'fgr-armas-aseguradas.csv',
  source: 'FGR',
  format: 'csv',
  encoding: 'windows-1252',
  delimiter: ';',
  marking: 'AMBER',
  rel: ['MX', 'US'],
  mapping: MAPPING,
  columns: COLUMNS,
};

const OBLITERATED = { yes: 'SI', no: 'NO', partial: 'PARCIAL' } as const;

/** FED/<state>/<office>/<number>/<year>: the federal investigation file number. */
export const carpeta = (rec: Recovery) =>
  `FED/${rec.state.slice(0, 3).toUpperCase()}/${rec.municipality.slice(0, 3).toUpperCase()}/${String(rec.index + 1).padStart(7, '0')}/${isoOf(rec.day).slice(0, 4)}`;

export function fgrRow(r: Random, rec: Recovery, person: Mention | null): string[] {
  const p = person?.person;
  return [
    carpeta(rec),
    formatDate(isoOf(rec.day), 'DD/MM/YYYY'),
    rec.state.toUpperCase(),
    rec.municipality.toUpperCase(),
    rec.circumstances.toUpperCase(),
    TIPO_ARMA[rec.model.type],
    makeAsWritten(r, rec.model.make),
    rec.model.model,
    rec.model.caliber,
    serialAsWritten(r, rec.serial, rec.obliterated, 0.15),
    OBLITERATED[rec.obliterated],
    PAIS[rec.model.made] ?? '',
    rec.model.importer && r.chance(0.7) ? rec.model.importer.toUpperCase() : '',
    r.chance(0.85) ? 'RESERVADA' : 'PÚBLICA',
    person?.id ?? '',
    // FGR keeps names as typed (mixed case); places and types are upper case.
    p?.given ?? '',
    p?.paternal ?? '',
    p?.maternal ?? '',
    p?.curp ?? '',
    p ? upper(p.alias) : '',
    p ? formatDate(p.birthDate, 'DD/MM/YYYY') : '',
    p ? (p.truth.gender === 'male' ? 'H' : 'M') : '',
    p ? NACIONALIDAD[p.truth.nationality]! : '',
  ];
}
