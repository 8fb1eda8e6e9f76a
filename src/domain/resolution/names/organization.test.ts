import { describe, expect, it } from 'vitest';
import { parseOrganizationName } from './organization.js';

describe('parseOrganizationName', () => {
  it.each<[string, string, string | null]>([
    // Mexico
    ['Químicos del Pacífico, S.A. de C.V.', 'quimicos pacifico', 'sa de cv'],
    ['QUIMICOS DEL PACIFICO SA DE CV', 'quimicos pacifico', 'sa de cv'],
    ['Quimicos del Pacifico S. A. de C. V.', 'quimicos pacifico', 'sa de cv'],
    ['Químicos del Pacífico SA de CV', 'quimicos pacifico', 'sa de cv'],
    ['QUIMICOS DEL PACIFICO, S.A.DE C.V.', 'quimicos pacifico', 'sa de cv'],
    ['Químicos del Pacífico S.A.', 'quimicos pacifico', 'sa'],
    ['Químicos del Pacífico', 'quimicos pacifico', null],
    ['Grupo Frontera S. de R.L. de C.V.', 'grupo frontera', 's de rl de cv'],
    ['GRUPO FRONTERA S DE RL DE CV', 'grupo frontera', 's de rl de cv'],
    ['Grupo Frontera S.R.L. de C.V.', 'grupo frontera', 's de rl de cv'],
    ['Grupo Frontera S. de R.L.', 'grupo frontera', 's de rl'],
    ['Inversiones Norte S.A.P.I. de C.V.', 'inversiones norte', 'sapi de cv'],
    ['Banco Azteca S.A.B. de C.V.', 'banco azteca', 'sab de cv'],
    ['Despacho Jurídico Ortiz, S.C.', 'despacho juridico ortiz', 'sc'],
    ['Fundación Puente, A.C.', 'fundacion puente', 'ac'],
    ['Fundacion Puente AC', 'fundacion puente', 'ac'],
    ['Agrícola Los Altos S.P.R. de R.L.', 'agricola altos', 'spr de rl'],
    ['Hermanos Pérez y Cía.', 'hermanos perez', 'cia'],
    ['Transportes El Águila', 'transportes aguila', null],
    ['La Esperanza de Sinaloa', 'esperanza sinaloa', null],
    // United States
    ['Acme Logistics LLC', 'acme logistics', 'llc'],
    ['ACME LOGISTICS, L.L.C.', 'acme logistics', 'llc'],
    ['Acme Logistics, L.L.C', 'acme logistics', 'llc'],
    ['Acme Logistics Inc.', 'acme logistics', 'inc'],
    ['Acme Logistics, Incorporated', 'acme logistics', 'inc'],
    ['Acme Logistics Corp.', 'acme logistics', 'corp'],
    ['Acme Logistics Corporation', 'acme logistics', 'corp'],
    ['Acme Logistics Company', 'acme logistics', 'co'],
    ['Acme Logistics Co.', 'acme logistics', 'co'],
    ['Acme Co., Ltd.', 'acme', 'co ltd'],
    ['Acme Logistics Ltd', 'acme logistics', 'ltd'],
    ['Acme Logistics Limited', 'acme logistics', 'ltd'],
    ['Acme Logistics LP', 'acme logistics', 'lp'],
    ['Acme Logistics L.L.P.', 'acme logistics', 'llp'],
    ['Acme Logistics PLLC', 'acme logistics', 'pllc'],
    ['Acme Logistics PLC', 'acme logistics', 'plc'],
    ['The Acme Logistics Company', 'acme logistics', 'co'],
    ['Smith & Sons', 'smith sons', null],
    ['Smith and Sons', 'smith sons', null],
    ['Smith & Co.', 'smith', 'co'],
    ['AT&T Inc.', 'att', 'inc'],
    ['Bank of America Corporation', 'bank america', 'corp'],
    ['The Coca-Cola Company', 'coca cola', 'co'],
    ['Coca Cola Co', 'coca cola', 'co'],
    ['7-Eleven, Inc.', '7 eleven', 'inc'],
    // Canada
    ['Transports Lévesque Ltée', 'transports levesque', 'ltee'],
    ['Transports Levesque Ltd.', 'transports levesque', 'ltd'],
    ['TRANSPORTS LEVESQUE LTEE', 'transports levesque', 'ltee'],
    ['Transports Lévesque Limitée', 'transports levesque', 'ltee'],
    ['Transports Lévesque Inc.', 'transports levesque', 'inc'],
    ['Tremblay et Cie', 'tremblay', 'cie'],
    ['Tremblay & Cie', 'tremblay', 'cie'],
    ['Gagnon, Roy S.E.N.C.R.L.', 'gagnon roy', 'sencrl'],
    ['Gagnon Roy SENC', 'gagnon roy', 'senc'],
    ['Les Entreprises du Nord Inc.', 'entreprises nord', 'inc'],
    ["L'Oréal Canada", 'loreal canada', null],
    ['Pharmacie Saint-Laurent', 'pharmacie saint laurent', null],
    ['Northern Chemicals ULC', 'northern chemicals', 'ulc'],
    // Elsewhere
    ['Chemische Werke GmbH', 'chemische werke', 'gmbh'],
    ['Société Générale SAS', 'societe generale', 'sas'],
    ['Dupont SARL', 'dupont', 'sarl'],
    // A legal form alone is the name
    ['Inc.', 'inc', null],
    ['S.A.', 'sa', null],
    ['', '', null],
    ['   ', '', null],
    ['The', 'the', null],
  ])('%j', (raw, core, legalForm) => {
    const parsed = parseOrganizationName(raw);
    expect(parsed.core).toBe(core);
    expect(parsed.legalForm).toBe(legalForm);
    expect(parsed.tokens.join(' ')).toBe(core);
  });

  it('gives equal cores to the spellings of one company', () => {
    const groups = [
      [
        'Químicos del Pacífico, S.A. de C.V.',
        'QUIMICOS DEL PACIFICO SA DE CV',
        'Quimicos Pacifico',
      ],
      ['Acme Logistics LLC', 'ACME LOGISTICS, L.L.C.', 'acme logistics'],
      ['Transports Lévesque Ltée', 'Transports Levesque Ltd.', 'TRANSPORTS LEVESQUE'],
    ];
    for (const group of groups) {
      const cores = new Set(group.map((n) => parseOrganizationName(n).core));
      expect(cores.size, group.join(' / ')).toBe(1);
    }
  });
});
