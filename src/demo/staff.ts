import type { Role } from '../domain/identity/viewer.js';

export interface DemoAgency {
  code: string;
  /** In the agency's own language(s). */
  name: string;
  country: string;
  /** One fictional person per role, in the order analyst, supervisor, liaison, admin. */
  staff: Record<Role, string>;
}

// Demo data only: the platform hard-codes no agency. Staff names are invented.
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: 'CBP',
    name: 'U.S. Customs and Border Protection',
    country: 'US',
    staff: {
      analyst: "Megan O'Connell",
      supervisor: 'Carlos Villaseñor',
      liaison: 'Patricia Nguyen',
      admin: 'Robert Jensen',
    },
  },
  {
    code: 'HSI',
    name: 'Homeland Security Investigations',
    country: 'US',
    staff: {
      analyst: 'Jasmine Whitfield',
      supervisor: 'Miguel Ángel Sotelo',
      liaison: 'Karen Liu',
      admin: 'Thomas Becker',
    },
  },
  {
    code: 'DEA',
    name: 'Drug Enforcement Administration',
    country: 'US',
    staff: {
      analyst: 'Andrea Castañeda',
      supervisor: 'Michael Brennan',
      liaison: 'Luis Fernando Ochoa',
      admin: 'Sarah Goldberg',
    },
  },
  {
    code: 'ATF',
    name: 'Bureau of Alcohol, Tobacco, Firearms and Explosives',
    country: 'US',
    staff: {
      analyst: 'Tyler Henderson',
      supervisor: 'Rebecca Morales',
      liaison: 'David Kim',
      admin: 'Angela Russo',
    },
  },
  {
    code: 'FBI',
    name: 'Federal Bureau of Investigation',
    country: 'US',
    staff: {
      analyst: 'Christopher Dunn',
      supervisor: 'Lauren Mitchell',
      liaison: 'Javier Montes',
      admin: 'Emily Park',
    },
  },
  {
    code: 'FGR',
    name: 'Fiscalía General de la República',
    country: 'MX',
    staff: {
      analyst: 'María Guadalupe Ortiz Peña',
      supervisor: 'Arturo Benítez de la Rosa',
      liaison: 'Claudia Ivonne Saldaña Ruiz',
      admin: 'Óscar Iván Medina Treviño',
    },
  },
  {
    code: 'SSPC',
    name: 'Secretaría de Seguridad y Protección Ciudadana',
    country: 'MX',
    staff: {
      analyst: 'Luis Ángel Domínguez Cervantes',
      supervisor: 'Verónica Alejandra Ríos Navarro',
      liaison: 'Raúl Esteban Cárdenas Uribe',
      admin: 'Diana Lizbeth Fuentes Olvera',
    },
  },
  {
    code: 'SEDENA',
    name: 'Secretaría de la Defensa Nacional',
    country: 'MX',
    staff: {
      analyst: 'Jorge Humberto Téllez Aguirre',
      supervisor: 'Mónica Patricia Ibáñez Solís',
      liaison: 'Ernesto Gael Vázquez del Valle',
      admin: 'Brenda Itzel Cortés Macías',
    },
  },
  {
    code: 'SEMAR',
    name: 'Secretaría de Marina',
    country: 'MX',
    staff: {
      analyst: 'Ximena Guadalupe Ochoa Lara',
      supervisor: 'Rodrigo Alonso Peña Escobedo',
      liaison: 'Iván de Jesús Montaño Ruelas',
      admin: 'Karla Sofía Beltrán Quiñones',
    },
  },
  {
    code: 'ANAM',
    name: 'Agencia Nacional de Aduanas de México',
    country: 'MX',
    staff: {
      analyst: 'Fernanda Nayeli Zúñiga Barrón',
      supervisor: 'Mauricio Ledesma Ávila',
      liaison: 'Adriana del Carmen Rosales Paz',
      admin: 'Daniel Salazar Núñez',
    },
  },
  {
    code: 'RCMP',
    name: 'Gendarmerie royale du Canada / Royal Canadian Mounted Police',
    country: 'CA',
    staff: {
      analyst: 'Geneviève Lévesque',
      supervisor: 'Jean-François Côté',
      liaison: 'Priya Sandhu',
      admin: 'Mark Sutherland',
    },
  },
  {
    code: 'CBSA',
    name: 'Canada Border Services Agency / Agence des services frontaliers du Canada',
    country: 'CA',
    staff: {
      analyst: 'Chloé Bouchard',
      supervisor: 'Daniel MacKenzie',
      liaison: 'Amélie Pelletier',
      admin: 'Harpreet Gill',
    },
  },
];
