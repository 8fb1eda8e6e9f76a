/** Mexican states with their CURP codes, main municipalities and phone area codes. */

export interface MxState {
  name: string;
  /** Two-letter code in the CURP. */
  curp: string;
  municipalities: readonly string[];
  areaCodes: readonly string[];
}

const state = (name: string, curp: string, municipalities: string, areaCodes: string): MxState => ({
  name,
  curp,
  municipalities: municipalities.split(', '),
  areaCodes: areaCodes.split(' '),
});

export const MX_STATES: readonly MxState[] = [
  state('Tamaulipas', 'TS', 'Reynosa, Matamoros, Nuevo Laredo, Ciudad Victoria', '899 868 867 834'),
  state('Jalisco', 'JC', 'Guadalajara, Zapopan, San Pedro Tlaquepaque, Puerto Vallarta', '33 322'),
  state('Guanajuato', 'GT', 'León, Celaya, Irapuato, Salamanca', '477 461 462 464'),
  state('Michoacán', 'MN', 'Morelia, Uruapan, Apatzingán, Lázaro Cárdenas', '443 452 453 753'),
  state('Sonora', 'SR', 'Hermosillo, Nogales, Caborca, San Luis Río Colorado', '662 631 637 653'),
  state('Baja California', 'BC', 'Tijuana, Mexicali, Ensenada, Tecate', '664 686 646 665'),
  state(
    'Chihuahua',
    'CH',
    'Ciudad Juárez, Chihuahua, Hidalgo del Parral, Guadalupe y Calvo',
    '656 614 627',
  ),
  state('Sinaloa', 'SL', 'Culiacán, Mazatlán, Los Mochis, Guasave', '667 669 668 687'),
  state('Guerrero', 'GR', 'Acapulco de Juárez, Chilpancingo, Iguala', '744 747 733'),
  state('Zacatecas', 'ZS', 'Fresnillo, Zacatecas, Jerez', '493 492'),
  state('Nuevo León', 'NL', 'Monterrey, Apodaca, Guadalupe, Cadereyta', '81'),
  state('México', 'MC', 'Ecatepec de Morelos, Toluca, Nezahualcóyotl', '55 722'),
  state('Ciudad de México', 'DF', 'Iztapalapa, Gustavo A. Madero, Cuauhtémoc', '55'),
  state('Colima', 'CM', 'Manzanillo, Tecomán, Colima', '314 313 312'),
  state('Durango', 'DG', 'Durango, Gómez Palacio, Santiago Papasquiaro', '618 871'),
];

/** Where recovered guns are found: the leading states of DOMAIN.md first. */
export const RECOVERY_STATE_WEIGHTS: Readonly<Record<string, number>> = {
  Tamaulipas: 16,
  Jalisco: 12,
  Guanajuato: 11,
  Michoacán: 10,
  Sonora: 9,
  'Baja California': 9,
  Chihuahua: 9,
  Sinaloa: 8,
  Guerrero: 5,
  Zacatecas: 4,
  'Nuevo León': 3,
  México: 2,
  'Ciudad de México': 1,
  Colima: 1,
  Durango: 1,
};

export const mxState = (name: string): MxState => MX_STATES.find((s) => s.name === name)!;
