import { isoOf } from '../dates.js';
import { keyOf, partnerNumber, POOL_RANGE } from '../keys.js';
import { streamOf, Weighted, type Random } from '../random.js';
import { SOURCES } from '../sources.js';
import { CA_PLACES } from '../tables/north.js';
import { PRECURSORS } from '../tables/places.js';
import { activeNetwork, membersWithRole } from '../world/active.js';
import { companyAt } from '../world/companies.js';
import { companyNameAsWritten } from '../world/company-names.js';
import { WINDOWS } from '../world/windows.js';
import type { World } from '../world/world.js';
import type { ExportSpec, Exporter } from '../output/exporter.js';
import { col, type Mapping } from '../output/mapping.js';
import { mentionPerson, surnames } from '../output/people.js';

const C = {
  file: 'No de dossier / File No',
  date: 'Date',
  place: 'Lieu / Location',
  province: 'Province',
  event: "Type d'événement / Event type",
  category: 'Catégorie / Category',
  substance: 'Substance',
  quantity: 'Quantité / Quantity',
  unit: 'Unité / Unit',
  companyId: 'ID entreprise / Company ID',
  company: 'Entreprise / Company',
  businessNo: "No d'entreprise / Business No",
  subjectId: 'ID sujet / Subject ID',
  surname: 'Nom / Surname',
  given: 'Prénom / Given name',
  dob: 'Date de naissance / Date of birth',
} as const;

const MAPPING: Mapping = {
  format: 'csv',
  delimiter: ',',
  encoding: 'utf-8',
  marking: 'AMBER',
  rel: ['CA', 'US', 'MX'],
  records: [
    {
      key: 'seizure',
      schema: 'Seizure',
      id: `{${C.file}}`,
      properties: {
        caseNumber: col(C.file),
        date: col(C.date, { date: 'YYYY-MM-DD' }),
        place: { template: `{${C.place}}, {${C.province}}` },
        state: col(C.province),
        country: { value: 'CA' },
        drug: col(C.category, {
          map: {
            'PRÉCURSEUR / PRECURSOR': 'precursor chemical',
            FENTANYL: 'fentanyl powder',
            'MÉTHAMPHÉTAMINE / METHAMPHETAMINE': 'methamphetamine',
          },
        }),
        substance: col(C.substance),
        quantity: { columns: [C.quantity, C.unit] },
        description: col(C.event),
      },
    },
    {
      key: 'company',
      schema: 'Company',
      id: `{${C.companyId}}`,
      optional: true,
      properties: {
        name: col(C.company),
        registrationNumber: col(C.businessNo),
        country: { value: 'CA' },
      },
    },
    {
      key: 'person',
      schema: 'Person',
      id: `{${C.subjectId}}`,
      optional: true,
      properties: {
        name: { columns: [C.given, C.surname] },
        firstName: col(C.given),
        lastName: col(C.surname),
        birthDate: col(C.dob, { date: 'YYYY-MM-DD' }),
      },
    },
  ],
  links: [
    { type: 'involved_in', source: 'company', target: 'seizure' },
    { type: 'involved_in', source: 'person', target: 'seizure' },
  ],
};

export const RCMP_SEIZURES: ExportSpec = {
  file: 'rcmp-grc-saisies.csv',
  source: 'RCMP',
  format: 'csv',
  encoding: 'utf-8-bom',
  delimiter: ',',
  marking: 'AMBER',
  rel: ['CA', 'US', 'MX'],
  mapping: MAPPING,
  columns: Object.values(C),
};

const PRECURSOR = 'PRÉCURSEUR / PRECURSOR';
const LAB_DRUGS = new Weighted([
  ['FENTANYL', 6],
  ['MÉTHAMPHÉTAMINE / METHAMPHETAMINE', 4],
] as const);
const PRECURSOR_PLACES = ['Port of Vancouver', 'Delta', 'Richmond', 'Mississauga', 'Montréal'];
const LAB_PLACES = CA_PLACES.filter((p) => p.city !== 'Montréal');

const kilos = (r: Random, lo: number, hi: number) =>
  (10 ** (Math.log10(lo) + r.next() * (Math.log10(hi) - Math.log10(lo)))).toFixed(1);

export function writeRcmpSeizures(world: World, x: Exporter): void {
  const { start, end } = WINDOWS.events;
  const total = world.counts.rcmpSeizures;
  const range = SOURCES.RCMP.range;
  for (let e = 0; e < total; e++) {
    const r = streamOf(world.seed, 'rcmp', e);
    const day = start + Math.floor(((e + 0.5) * (end - start)) / total);
    const precursor = r.chance(0.55);
    const network = r.chance(0.35) ? activeNetwork(world, 'precursor_import', day, r) : null;
    let place: string;
    let province: string;
    if (precursor) {
      place = network ? CA_PLACES[network.caPlace]!.city : r.pick(PRECURSOR_PLACES);
      province = CA_PLACES.find((p) => p.city === place)?.province ?? 'BC';
    } else {
      const lab = r.pick(LAB_PLACES);
      [place, province] = [lab.city, lab.province];
    }
    let personKey: number | null = null;
    if (network) personKey = r.pick(membersWithRole(network, 'broker', 'importer', 'chemist')).key;
    else if (r.chance(0.6))
      personKey = r.chance(0.08)
        ? keyOf(POOL_RANGE, r.int(0, world.counts.pool - 1))
        : keyOf(range, e);
    const person = personKey === null ? null : mentionPerson(x, world, personKey, r, 'SUB-');
    const companyKey = network && precursor ? network.companies[1] : undefined;
    const company =
      network && companyKey !== undefined ? companyAt(network, companyKey, 1, world.seed) : null;
    const companyId = company ? `ENT-${partnerNumber(world.seed, 'RCMP', company.key)}` : '';
    if (company) x.entity('organization', company.key, 0, companyId, 'Company', company.entity);
    x.record('Seizure');
    x.links((person ? 1 : 0) + (company ? 1 : 0));
    const category = precursor ? PRECURSOR : LAB_DRUGS.pick(r);
    const p = person?.person;
    x.row([
      `${isoOf(day).slice(0, 4)}-${String(e + 1).padStart(7, '0')}`,
      isoOf(day),
      place,
      province,
      precursor
        ? 'Saisie de précurseurs / Precursor seizure'
        : 'Laboratoire clandestin / Clandestine lab',
      category,
      precursor
        ? r.pick(PRECURSORS.slice(0, 4))
        : category === 'FENTANYL'
          ? 'fentanyl'
          : 'méthamphétamine',
      precursor
        ? kilos(r, 5, 2000)
        : category === 'FENTANYL'
          ? kilos(r, 0.1, 30)
          : kilos(r, 1, 500),
      'kg',
      companyId,
      company ? companyNameAsWritten(r, company.name) : '',
      company?.taxNumber ?? '',
      person?.id ?? '',
      p ? surnames(p) : '',
      p?.given ?? '',
      p?.birthDate ?? '',
    ]);
  }
}
