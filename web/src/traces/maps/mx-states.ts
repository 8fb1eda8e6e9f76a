import mexico from '@svg-maps/mexico';
import { foldKey, type StateShape } from './shapes';

// The 32 federal entities of Mexico from @svg-maps/mexico (after MapSVG's map of Mexico,
// CC BY 4.0: the app credits it under the map). Its ids are the ISO 3166-2:MX codes in lower
// case. Recovery forms write states in many ways ("Edo. Méx.", "CDMX", "Coahuila de
// Zaragoza"): each is folded and looked up among the official names, ISO codes and the
// abbreviations in common use.

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

const MAP = mexico as unknown as SvgMap;

export const MX_VIEWBOX = MAP.viewBox;

/** ISO code → official name and other ways of writing it (folded: no accents, lower case). */
const STATES: Record<string, [string, ...string[]]> = {
  AGU: ['Aguascalientes', 'ags'],
  BCN: ['Baja California', 'bc'],
  BCS: ['Baja California Sur', 'bcs'],
  CAM: ['Campeche', 'camp'],
  CHP: ['Chiapas', 'chis'],
  CHH: ['Chihuahua', 'chih'],
  CMX: [
    'Ciudad de México',
    'cdmx',
    'cd de mexico',
    'cd mexico',
    'mexico city',
    'distrito federal',
    'df',
  ],
  COA: ['Coahuila', 'coahuila de zaragoza', 'coah'],
  COL: ['Colima'],
  DUR: ['Durango', 'dgo'],
  GUA: ['Guanajuato', 'gto'],
  GRO: ['Guerrero'],
  HID: ['Hidalgo', 'hgo'],
  JAL: ['Jalisco'],
  MEX: ['Estado de México', 'mexico', 'edo mex', 'edomex', 'edo de mexico', 'state of mexico'],
  MIC: ['Michoacán', 'michoacan de ocampo', 'mich'],
  MOR: ['Morelos'],
  NAY: ['Nayarit'],
  NLE: ['Nuevo León', 'nl'],
  OAX: ['Oaxaca'],
  PUE: ['Puebla'],
  QUE: ['Querétaro', 'queretaro de arteaga', 'qro'],
  ROO: ['Quintana Roo', 'q roo', 'qroo', 'qr'],
  SLP: ['San Luis Potosí'],
  SIN: ['Sinaloa'],
  SON: ['Sonora'],
  TAB: ['Tabasco'],
  TAM: ['Tamaulipas', 'tamps', 'tamp'],
  TLA: ['Tlaxcala', 'tlax'],
  VER: ['Veracruz', 'veracruz de ignacio de la llave', 'veracruz llave'],
  YUC: ['Yucatán'],
  ZAC: ['Zacatecas'],
};

const LOOKUP = new Map<string, string>(
  Object.entries(STATES).flatMap(([code, names]) => [
    [foldKey(code), code],
    [foldKey(`mx ${code}`), code],
    ...names.map((n) => [foldKey(n), code] as [string, string]),
  ]),
);

let shapes: StateShape[] | undefined;

export function mxStateShapes(): StateShape[] {
  shapes ??= MAP.locations.map((l) => {
    const id = l.id.toUpperCase();
    return { id, name: STATES[id]?.[0] ?? l.name, d: l.path };
  });
  return shapes;
}

/** A recovery state as written → its ISO 3166-2:MX code, or undefined when it is not one. */
export function mxStateId(written: string): string | undefined {
  const key = foldKey(written);
  return (
    LOOKUP.get(key) ?? LOOKUP.get(key.replace(/^(estado de|edo de|edo|estado)\s+/, '')) ?? undefined
  );
}
