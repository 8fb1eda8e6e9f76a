/**
 * Legal forms of companies in Mexico, the United States and Canada, keyed by
 * their letters with dots and spaces removed ("S.A. de C.V.", "SA DE CV" and
 * "S. A. de C. V." are all 'sadecv'), mapped to one canonical spelling.
 */
const FORMS: ReadonlyArray<readonly [string, string]> = [
  // Mexico
  ['sadecv', 'sa de cv'],
  ['sacv', 'sa de cv'],
  ['sabdecv', 'sab de cv'],
  ['sapidecv', 'sapi de cv'],
  ['sapi', 'sapi'],
  ['sderldecv', 's de rl de cv'],
  ['srldecv', 's de rl de cv'],
  ['sderl', 's de rl'],
  ['sprderl', 'spr de rl'],
  ['scdecv', 'sc de cv'],
  ['sa', 'sa'],
  ['sc', 'sc'],
  ['ac', 'ac'],
  ['iap', 'iap'],
  ['snc', 'snc'],
  ['cia', 'cia'],
  ['compania', 'cia'],
  // United States / English Canada
  ['inc', 'inc'],
  ['incorporated', 'inc'],
  ['llc', 'llc'],
  ['lc', 'llc'],
  ['ltd', 'ltd'],
  ['limited', 'ltd'],
  ['corp', 'corp'],
  ['corporation', 'corp'],
  ['co', 'co'],
  ['company', 'co'],
  ['lp', 'lp'],
  ['llp', 'llp'],
  ['lllp', 'lllp'],
  ['pllc', 'pllc'],
  ['pc', 'pc'],
  ['plc', 'plc'],
  ['ulc', 'ulc'],
  // French Canada and France
  ['ltee', 'ltee'],
  ['limitee', 'ltee'],
  ['cie', 'cie'],
  ['compagnie', 'cie'],
  ['senc', 'senc'],
  ['sencrl', 'sencrl'],
  ['sas', 'sas'],
  ['sarl', 'sarl'],
  // Others met in trade records
  ['gmbh', 'gmbh'],
  ['ag', 'ag'],
  ['bv', 'bv'],
  ['srl', 'srl'],
];

const LEGAL_FORMS: ReadonlyMap<string, string> = new Map(FORMS);

/** The longest legal form (in tokens) a form key can span: "s de rl de cv". */
export const MAX_LEGAL_FORM_TOKENS = 7;

/** The canonical legal form for a dot- and space-free key, or undefined. */
export function legalFormOf(key: string): string | undefined {
  return LEGAL_FORMS.get(key);
}
