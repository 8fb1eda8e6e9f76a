// Address words of English, Spanish and French that name the same thing, written one way, so
// "Av. Juárez", "Avenida Juarez" and "Juarez Ave" agree. Street, calle and rue share a form,
// and so do St as "saint" and as "street": the abbreviation is ambiguous in Canadian data
// ("St-Denis", "St. Catherine St"), and writing both the same makes the ambiguity harmless.
const GROUPS: Readonly<Record<string, string>> = {
  st: 'street st str calle cll rue saint sainte ste',
  av: 'avenue avenida av ave avda avn',
  blvd: 'boulevard blvd blvr bulevar boulevar boul bd bvd',
  rd: 'road rd chemin ch camino',
  hwy: 'highway hwy carretera carr autoroute',
  dr: 'drive dr',
  ln: 'lane ln',
  ct: 'court ct',
  pl: 'place pl',
  calz: 'calzada calz',
  priv: 'privada priv pvda',
  prol: 'prolongacion prol',
  cda: 'cerrada cda',
  col: 'colonia col',
  fracc: 'fraccionamiento fracc frac',
  apt: 'apartment apt apto app appartement departamento depto dpto interior int unit suite',
  n: 'north norte nte nord',
  s: 'south sur sud',
  e: 'east este est oriente ote',
  w: 'west oeste ouest o poniente pte',
};

/** The one spelling of each address word with several. */
export const ADDRESS_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries(GROUPS).flatMap(([canonical, all]) =>
    all.split(' ').map((w): [string, string] => [w, canonical]),
  ),
);

/**
 * Words that carry nothing for telling addresses apart: number markers (no., núm., the
 * número exterior's ext), "sin número", postal-code labels, and articles and prepositions
 * that people add or leave out ("Av. de los Insurgentes" / "Av. Insurgentes").
 */
export const ADDRESS_NOISE: ReadonlySet<string> = new Set(
  (
    'no num numero nro nr number ext exterior sn cp codigo code postal zip ' +
    'de del la las los el y the of and du des le les d l et'
  ).split(' '),
);
