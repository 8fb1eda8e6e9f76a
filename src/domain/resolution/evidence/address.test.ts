import { describe, expect, it } from 'vitest';
import { addressKey } from './address.js';

describe('addressKey', () => {
  it.each([
    ['Av. Juárez 123', '123 av juarez'],
    ['Avenida Juarez 123', '123 av juarez'],
    ['123 Ave. Juárez', '123 av juarez'],
    ['Calle Hidalgo #45', '45 hidalgo st'],
    ['C. Hidalgo No. 45', '45 hidalgo st'],
    ['Hidalgo St. 45', '45 hidalgo st'],
    ['Calle 5 de Mayo Núm. 12 Int. 3', '12 3 5 apt mayo st'],
    ['Av. de los Insurgentes Sur 1234', '1234 av insurgentes s'],
    [
      'Blvd. Agua Caliente 10501, Col. Aviación, C.P. 22014, Tijuana, B.C.',
      '10501 22014 agua aviacion b blvd c caliente col tijuana',
    ],
    ['Carretera Federal 15 Km 3', '15 3 federal hwy km'],
    ['Calle Reforma S/N, Col. Centro', 'centro col reforma st'],
    ['Privada de Allende N° 7', '7 allende priv'],
    ['Calzada de Tlalpan 4502', '4502 calz tlalpan'],
    [
      '1600 Pennsylvania Avenue NW, Washington, DC 20500',
      '1600 20500 av dc nw pennsylvania washington',
    ],
    [
      'Av. Juárez 123 Col. Centro, 06000 Ciudad de México, CDMX',
      '06000 123 av cdmx centro ciudad col juarez mexico',
    ],
    [
      'Rue Sainte-Catherine O., Montréal (Québec) H3B 1A7',
      'catherine h3b1a7 montreal quebec st st w',
    ],
    ["Place d'Armes, Montréal", 'armes montreal pl'],
    ['742 Evergreen Terrace, Springfield', '742 evergreen springfield terrace'],
    ['350 Fifth Ave, New York, NY 10118-0110', '10118 350 av fifth new ny york'],
    ['221 W 5th St, Los Angeles', '221 5 angeles st w'],
    ['221 West Fifth Street, Los Angeles', '221 angeles fifth st w'],
    ['12 Main Rd., Suite 400', '12 400 apt main rd'],
    ['8 Ocean Dr Apt 2B', '2b 8 apt dr ocean'],
    ['1200 Rue Saint-Denis, Montréal, QC H2X 3J6', '1200 denis h2x3j6 montreal qc st st'],
    ['1200 St-Denis St, Montreal QC H2X3J6', '1200 denis h2x3j6 montreal qc st st'],
    ['45, ch. de la Côte-des-Neiges', '45 cote neiges rd'],
    ['45 Chemin Côte des Neiges', '45 cote neiges rd'],
    ['3e Avenue 100', '100 3 av'],
    ['100, 1re Avenue', '1 100 av'],
    ['2000 boul. René-Lévesque O.', '2000 blvd levesque rene w'],
    ['', null],
    ['  ,.;  ', null],
    ['No. #', null],
  ])('%j -> %s', (raw, key) => {
    expect(addressKey(raw)).toBe(key);
  });

  it.each([
    ['Av. Juárez 123', '123 Avenida Juarez'],
    ['AV JUAREZ 123', 'av. juárez #123'],
    ['Calle Hidalgo 45', 'Hidalgo 45, Calle'],
    ['Av. de los Insurgentes Sur 1234', 'Avenida Insurgentes Sur No. 1234'],
    ['Blvd. Agua Caliente 10501, C.P. 22014', 'Boulevard Agua Caliente #10501 CP 22014'],
    ['Bulevar Agua Caliente 10501', 'Blvr. Agua Caliente 10501'],
    ['1600 Pennsylvania Avenue NW, DC 20500', '1600 Pennsylvania Ave. N.W., DC 20500-0003'],
    ['221 W 5th St', '221 W. 5th Street'],
    ['12 Main Road', '12 Main Rd'],
    ['1200 Rue Saint-Denis, H2X 3J6', '1200 St-Denis St. H2X3J6'],
    ['1200 rue Sainte-Catherine Ouest', '1200 Ste-Catherine St. O.'],
    ['45, chemin de la Côte-des-Neiges', '45 ch. Côte des Neiges'],
    ['Colonia Centro, Calle Madero 5', 'C. Madero 5, Col. Centro'],
    ['Fraccionamiento Las Palmas 12', 'Fracc. Palmas 12'],
    ['Calle Morelos Número 8', 'Calle Morelos Num. 8'],
  ])('%j and %j share a key', (a, b) => {
    expect(addressKey(a)).toBe(addressKey(b));
  });

  it.each([
    ['Av. Juárez 123', 'Av. Juárez 124'],
    ['Av. Juárez 123', 'Calle Juárez 123'],
    ['Calle Hidalgo 45, CP 22014', 'Calle Hidalgo 45, CP 22015'],
    ['1200 Rue Saint-Denis', '1200 Rue Saint-Hubert'],
    ['12 Main Rd', '12 Main Dr'],
  ])('%j and %j do not', (a, b) => {
    expect(addressKey(a)).not.toBe(addressKey(b));
  });
});
