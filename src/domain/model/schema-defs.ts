import type { PropertyDef, TypeName } from './types.js';

/**
 * One way to build a display name: a single property, or several joined
 * (first value of each, skipping absent ones). A schema's caption is a list of
 * these tried in order; the first that yields text wins.
 */
export type CaptionRule = string | { join: readonly string[]; separator?: string };

export interface SchemaDef {
  name: string;
  label: string;
  abstract?: boolean;
  extends?: string;
  properties: readonly PropertyDef[];
  /** Inherited from the parent when absent. */
  caption?: readonly CaptionRule[];
  /** Property whose first value dates the record for range filters; inherited when absent. */
  eventDate?: string;
}

function p(name: string, type: TypeName): PropertyDef {
  return { name, type };
}

function choice(name: string, options: readonly string[]): PropertyDef {
  return { name, type: 'enum', enum: options };
}

export const GENDERS = ['male', 'female', 'other'] as const;
export const FIREARM_TYPES = [
  'pistol',
  'revolver',
  'rifle',
  'shotgun',
  'machine gun',
  'other',
] as const;
export const OBLITERATION = ['yes', 'no', 'partial'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const DRUGS = [
  'fentanyl powder',
  'fentanyl pills',
  'methamphetamine',
  'cocaine',
  'heroin',
  'precursor chemical',
  'cannabis',
  'other',
] as const;
export const MEETING_FORMATS = ['bilateral', 'trilateral'] as const;
export const COMMITMENT_STATUSES = ['planned', 'on track', 'at risk', 'done', 'dropped'] as const;

// Property names follow FollowTheMoney wherever FtM has the same thing, so
// FtM data maps across without a rename table.
export const SCHEMA_DEFS: readonly SchemaDef[] = [
  {
    name: 'Thing',
    label: 'Thing',
    abstract: true,
    properties: [
      p('name', 'name'),
      p('alias', 'name'),
      p('weakAlias', 'name'),
      p('previousName', 'name'),
      p('summary', 'text'),
      p('description', 'text'),
      p('notes', 'text'),
      p('country', 'country'),
      p('sourceUrl', 'url'),
      p('topics', 'string'),
      p('address', 'string'),
      p('keywords', 'string'),
    ],
    caption: ['name', 'alias'],
  },
  {
    name: 'LegalEntity',
    label: 'Legal entity',
    abstract: true,
    extends: 'Thing',
    properties: [
      p('email', 'email'),
      p('phone', 'phone'),
      p('website', 'url'),
      p('legalForm', 'string'),
      p('incorporationDate', 'date'),
      p('dissolutionDate', 'date'),
      p('taxNumber', 'identifier'),
      p('registrationNumber', 'identifier'),
      p('idNumber', 'identifier'),
      p('jurisdiction', 'country'),
      p('mainCountry', 'country'),
      p('status', 'string'),
    ],
    caption: ['name', 'alias', 'registrationNumber', 'taxNumber', 'idNumber'],
  },
  {
    name: 'Person',
    label: 'Person',
    extends: 'LegalEntity',
    properties: [
      p('title', 'string'),
      p('firstName', 'name'),
      p('secondName', 'name'),
      p('middleName', 'name'),
      p('fatherName', 'name'),
      p('motherName', 'name'),
      p('lastName', 'name'),
      p('nameSuffix', 'name'),
      p('birthDate', 'date'),
      p('birthPlace', 'string'),
      p('deathDate', 'date'),
      p('position', 'string'),
      p('nationality', 'country'),
      p('citizenship', 'country'),
      p('passportNumber', 'identifier'),
      choice('gender', GENDERS),
      // Mexican population registry key; not in FtM.
      p('curp', 'identifier'),
      p('driverLicenseNumber', 'identifier'),
    ],
    caption: [
      'name',
      { join: ['firstName', 'lastName'] },
      'alias',
      'curp',
      'passportNumber',
      'idNumber',
    ],
  },
  { name: 'Organization', label: 'Organization', extends: 'LegalEntity', properties: [] },
  {
    name: 'Company',
    label: 'Company',
    extends: 'Organization',
    properties: [p('capital', 'string'), p('sector', 'string')],
  },
  {
    name: 'Firearm',
    label: 'Firearm',
    extends: 'Thing',
    properties: [
      p('make', 'string'),
      p('model', 'string'),
      choice('type', FIREARM_TYPES),
      p('caliber', 'string'),
      p('serialNumber', 'identifier'),
      p('importer', 'string'),
      p('countryOfManufacture', 'country'),
      choice('obliterated', OBLITERATION),
    ],
    // A make alone ("Colt") names thousands of guns; the serial tells them apart.
    caption: [{ join: ['make', 'model', 'serialNumber'] }, 'name', 'type'],
  },
  {
    name: 'Sale',
    label: 'Firearm sale',
    extends: 'Thing',
    properties: [
      p('date', 'date'),
      p('dealerName', 'name'),
      p('dealerLicense', 'identifier'),
      p('dealerState', 'string'),
      p('buyerName', 'name'),
      { name: 'price', type: 'number', min: 0 },
      choice('multipleSale', YES_NO),
      p('country', 'country'),
    ],
    caption: ['name', { join: ['dealerName', 'date'], separator: ', ' }, 'buyerName'],
    eventDate: 'date',
  },
  {
    name: 'Recovery',
    label: 'Firearm recovery',
    extends: 'Thing',
    properties: [
      p('date', 'date'),
      p('place', 'string'),
      p('country', 'country'),
      p('state', 'string'),
      p('circumstances', 'text'),
      p('caseNumber', 'identifier'),
    ],
    caption: ['name', { join: ['place', 'date'], separator: ', ' }, 'caseNumber'],
    eventDate: 'date',
  },
  {
    name: 'Seizure',
    label: 'Seizure',
    extends: 'Thing',
    properties: [
      p('date', 'date'),
      p('place', 'string'),
      p('portOfEntry', 'string'),
      p('country', 'country'),
      p('state', 'string'),
      choice('drug', DRUGS),
      p('substance', 'string'),
      p('quantity', 'quantity'),
      p('conveyance', 'string'),
      p('caseNumber', 'identifier'),
    ],
    caption: [
      'name',
      { join: ['quantity', 'drug'] },
      { join: ['portOfEntry', 'date'], separator: ', ' },
      { join: ['place', 'date'], separator: ', ' },
      'caseNumber',
    ],
    eventDate: 'date',
  },
  {
    name: 'Smuggling',
    label: 'Human smuggling event',
    extends: 'Thing',
    properties: [
      p('date', 'date'),
      p('place', 'string'),
      p('country', 'country'),
      p('state', 'string'),
      { name: 'peopleMoved', type: 'integer' },
      p('conveyance', 'string'),
      p('caseNumber', 'identifier'),
    ],
    caption: ['name', { join: ['place', 'date'], separator: ', ' }, 'caseNumber'],
    eventDate: 'date',
  },
  {
    name: 'Call',
    label: 'Call',
    extends: 'Thing',
    properties: [
      p('date', 'date'),
      // Seconds.
      p('duration', 'integer'),
      p('callerNumber', 'phone'),
      p('receiverNumber', 'phone'),
    ],
    caption: ['name', { join: ['callerNumber', 'receiverNumber'], separator: ' → ' }, 'date'],
    eventDate: 'date',
  },
  {
    name: 'Vehicle',
    label: 'Vehicle',
    extends: 'Thing',
    properties: [
      p('registrationNumber', 'identifier'),
      p('type', 'string'),
      p('model', 'string'),
      p('make', 'string'),
      p('color', 'string'),
      p('vin', 'identifier'),
      p('buildDate', 'date'),
      p('country', 'country'),
    ],
    caption: ['name', 'registrationNumber', 'vin', { join: ['make', 'model'] }],
  },
  {
    name: 'Phone',
    label: 'Phone',
    extends: 'Thing',
    properties: [
      p('number', 'phone'),
      p('provider', 'string'),
      p('country', 'country'),
      p('imei', 'identifier'),
    ],
    caption: ['number', 'name', 'imei'],
  },
  {
    name: 'Address',
    label: 'Address',
    extends: 'Thing',
    properties: [
      p('full', 'string'),
      p('street', 'string'),
      p('street2', 'string'),
      p('city', 'string'),
      p('postalCode', 'identifier'),
      p('region', 'string'),
      p('state', 'string'),
      p('country', 'country'),
      { name: 'latitude', type: 'number', min: -90, max: 90 },
      { name: 'longitude', type: 'number', min: -180, max: 180 },
    ],
    caption: ['full', { join: ['street', 'city'], separator: ', ' }, 'name', 'city'],
  },
  {
    name: 'Document',
    label: 'Document',
    extends: 'Thing',
    properties: [
      p('title', 'string'),
      p('fileName', 'string'),
      p('mimeType', 'string'),
      p('language', 'string'),
      p('date', 'date'),
      p('author', 'name'),
      p('publisher', 'string'),
      p('bodyText', 'text'),
      p('sourceUrl', 'url'),
    ],
    caption: ['title', 'name', 'fileName'],
    eventDate: 'date',
  },
  {
    name: 'Meeting',
    label: 'Meeting',
    extends: 'Thing',
    properties: [
      p('name', 'name'),
      p('date', 'date'),
      p('endDate', 'date'),
      p('place', 'string'),
      p('country', 'country'),
      choice('format', MEETING_FORMATS),
      p('topics', 'string'),
    ],
    caption: ['name', { join: ['place', 'date'], separator: ', ' }],
    eventDate: 'date',
  },
  {
    name: 'Commitment',
    label: 'Commitment',
    extends: 'Thing',
    properties: [
      p('name', 'name'),
      p('text', 'text'),
      p('topic', 'string'),
      p('leadCountry', 'country'),
      p('leadAgency', 'string'),
      p('partnerCountries', 'country'),
      p('dueDate', 'date'),
      choice('status', COMMITMENT_STATUSES),
    ],
    caption: ['name', 'topic', 'text'],
    eventDate: 'dueDate',
  },
];
