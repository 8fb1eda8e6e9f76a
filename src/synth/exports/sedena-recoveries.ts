import { formatDate, isoOf } from '../dates.js';
import type { Random } from '../random.js';
import type { Recovery } from '../guns/recoveries.js';
import type { ExportSpec } from '../output/exporter.js';
import { col, type Mapping } from '../output/mapping.js';
import { surnames, upper, type Mention } from '../output/people.js';
import {
  makeAsWritten,
  PAIS,
  PAIS_MAP,
  serialAsWritten,
  TIPO_ARMA,
  TIPO_ARMA_MAP,
} from './mx-firearm-words.js';

const COLUMNS = [
  'FOLIO',
  'FECHA',
  'ENTIDAD',
  'LOCALIDAD',
  'ARMA',
  'MARCA',
  'MOD.',
  'CAL.',
  'No. SERIE',
  'OBS.',
  'PAÍS',
  'ID_DETENIDO',
  'DETENIDO',
  'CURP',
  'ALIAS',
];

const OBSERVATIONS = {
  yes: 'MATRÍCULA LIMADA',
  partial: 'MATRÍCULA PARCIALMENTE LIMADA',
  no: 'SIN OBSERVACIONES',
} as const;

const MAPPING: Mapping = {
  format: 'csv',
  delimiter: ';',
  encoding: 'windows-1252',
  marking: 'AMBER+STRICT',
  recipients: ['FGR', 'ATF', 'SSPC'],
  records: [
    {
      key: 'recovery',
      schema: 'Recovery',
      id: '{FOLIO}',
      properties: {
        caseNumber: col('FOLIO'),
        date: col('FECHA', { date: 'DD/MM/YYYY' }),
        state: col('ENTIDAD'),
        place: { template: '{LOCALIDAD}, {ENTIDAD}' },
        country: { value: 'MX' },
        circumstances: { value: 'Aseguramiento en operativo militar' },
      },
    },
    {
      key: 'firearm',
      schema: 'Firearm',
      id: 'ARMA-{FOLIO}',
      properties: {
        type: col('ARMA', { map: TIPO_ARMA_MAP }),
        make: col('MARCA'),
        model: col('MOD.'),
        caliber: col('CAL.'),
        serialNumber: col('No. SERIE', { upper: true }),
        obliterated: col('OBS.', {
          map: Object.fromEntries(Object.entries(OBSERVATIONS).map(([k, v]) => [v, k])),
        }),
        countryOfManufacture: col('PAÍS', { map: PAIS_MAP }),
        country: { value: 'MX' },
      },
    },
    {
      key: 'person',
      schema: 'Person',
      id: '{ID_DETENIDO}',
      optional: true,
      properties: {
        name: col('DETENIDO'),
        curp: col('CURP', { upper: true }),
        alias: col('ALIAS', { split: '|' }),
        nationality: { value: 'MX' },
      },
    },
  ],
  links: [
    { type: 'recovered_in', source: 'firearm', target: 'recovery' },
    { type: 'involved_in', source: 'person', target: 'recovery' },
  ],
};

export const SEDENA_RECOVERIES: ExportSpec = {
  file: 'sedena-aseguramientos.csv',
  source: 'SEDENA',
  format: 'csv',
  encoding: 'windows-1252',
  delimiter: ';',
  marking: 'AMBER+STRICT',
  recipients: ['FGR', 'ATF', 'SSPC'],
  mapping: MAPPING,
  columns: COLUMNS,
};

export const folio = (rec: Recovery) =>
  `SDN-${isoOf(rec.day).slice(0, 4)}-${String(rec.index + 1).padStart(7, '0')}`;

export function sedenaRow(r: Random, rec: Recovery, person: Mention | null): string[] {
  const p = person?.person;
  return [
    folio(rec),
    formatDate(isoOf(rec.day), 'DD/MM/YYYY'),
    rec.state.toUpperCase(),
    rec.municipality.toUpperCase(),
    TIPO_ARMA[rec.model.type],
    makeAsWritten(r, rec.model.make),
    rec.model.model.toUpperCase(),
    rec.model.caliber,
    serialAsWritten(r, rec.serial, rec.obliterated, 0.2),
    OBSERVATIONS[rec.obliterated],
    PAIS[rec.model.made] ?? '',
    person?.id ?? '',
    p ? upper(`${p.given} ${surnames(p)}`) : '',
    p?.curp ?? '',
    p ? upper(p.alias) : '',
  ];
}
