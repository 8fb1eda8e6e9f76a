import { describe, expect, it } from 'vitest';
import { parseNameParts, parsePersonName, type ParsedName } from './person-name.js';

type Case = [string, string[], string[], (string | null)?, (string | null)?];

function expectParsed(
  input: string,
  given: string[],
  surnames: string[],
  title = null as string | null,
  suffix = null as string | null,
): void {
  const expected: ParsedName = { given, surnames, title, suffix };
  expect(parsePersonName(input)).toEqual(expected);
}

describe('parsePersonName: the examples of the brief', () => {
  it.each<Case>([
    ['María Guadalupe Ortiz Peña', ['maria', 'guadalupe'], ['ortiz', 'pena']],
    ['ORTIZ PENA, MA. GPE.', ['maria', 'guadalupe'], ['ortiz', 'pena']],
    ['Lupe Ortiz', ['lupe'], ['ortiz']],
    ['Dra. Beth Kowalski-Grant', ['beth'], ['kowalski-grant'], 'dra'],
    ['Elizabeth Kowalski-Grant', ['elizabeth'], ['kowalski-grant']],
    ['GARCIA HERNANDEZ, JOSE L.', ['jose', 'l'], ['garcia', 'hernandez']],
    ['José Luis García Hernández', ['jose', 'luis'], ['garcia', 'hernandez']],
    ['Pepe Garcia', ['pepe'], ['garcia']],
    ['J.-F. Tremblay', ['j', 'f'], ['tremblay']],
    ['Jean-François Tremblay', ['jean', 'francois'], ['tremblay']],
    ['Tremblay, Jean-François', ['jean', 'francois'], ['tremblay']],
    ['Juan de la Cruz Ramírez', ['juan'], ['cruz', 'ramirez']],
    ['María de los Ángeles Pérez', ['maria', 'angeles'], ['perez']],
    ['Smith Jr., John', ['john'], ['smith'], null, 'jr'],
    ['Genaro Ramírez Lozano', ['genaro'], ['ramirez', 'lozano']],
    ['Marie-Ève Côté-Gagnon', ['marie', 'eve'], ['cote-gagnon']],
  ])('%s', (input, given, surnames, title, suffix) => {
    expectParsed(input, given, surnames, title ?? null, suffix ?? null);
  });
});

describe('parsePersonName: Spanish names', () => {
  it.each<Case>([
    ['Juan Carlos Pérez López', ['juan', 'carlos'], ['perez', 'lopez']],
    ['JUAN CARLOS PEREZ LOPEZ', ['juan', 'carlos'], ['perez', 'lopez']],
    ['juan carlos perez lopez', ['juan', 'carlos'], ['perez', 'lopez']],
    ['Ana Rosa Ortiz', ['ana', 'rosa'], ['ortiz']],
    ['Jesús Ramos Ortiz', ['jesus'], ['ramos', 'ortiz']],
    ['Chuy Ramos', ['chuy'], ['ramos']],
    ['Francisco Javier Hernández', ['francisco', 'javier'], ['hernandez']],
    ['Fco. Javier Hernández', ['francisco', 'javier'], ['hernandez']],
    ['Paco Hernández', ['paco'], ['hernandez']],
    ['Guillermo Ochoa Magaña', ['guillermo'], ['ochoa', 'magana']],
    ['Memo Ochoa', ['memo'], ['ochoa']],
    ['Ignacio Zaragoza', ['ignacio'], ['zaragoza']],
    ['José María Morelos y Pavón', ['jose', 'maria'], ['morelos', 'pavon']],
    ['Chema Morelos', ['chema'], ['morelos']],
    ['Ana del Río Ortiz', ['ana'], ['rio', 'ortiz']],
    ['Pedro del Río', ['pedro'], ['rio']],
    ['Juan Ponce de León Gómez', ['juan'], ['ponce leon', 'gomez']],
    ['Rosa Díaz de León', ['rosa'], ['diaz leon']],
    ['Luis Montes de Oca Ruiz', ['luis'], ['montes oca', 'ruiz']],
    ['Ricardo de la Garza Treviño', ['ricardo'], ['garza', 'trevino']],
    ['Patricia de los Santos', ['patricia'], ['santos']],
    ['Sofía de las Casas Vega', ['sofia'], ['casas', 'vega']],
    ['José de Jesús García', ['jose', 'jesus'], ['garcia']],
    ['Juan de Dios Pérez', ['juan', 'dios'], ['perez']],
    ['María del Carmen Salinas', ['maria', 'carmen'], ['salinas']],
    ['María de la Luz Gómez', ['maria', 'luz'], ['gomez']],
    ['Ma. de Jesús Torres', ['maria', 'jesus'], ['torres']],
    ['María del Rosario Núñez Peña', ['maria', 'rosario'], ['nunez', 'pena']],
    ['María de Lourdes Ibarra', ['maria', 'lourdes'], ['ibarra']],
    ['Ma Guadalupe Ortiz', ['maria', 'guadalupe'], ['ortiz']],
    ['Mª Guadalupe Ortiz', ['maria', 'guadalupe'], ['ortiz']],
    ['MA.GUADALUPE ORTIZ', ['maria', 'guadalupe'], ['ortiz']],
    ['Ma. Gpe. Ortiz Peña', ['maria', 'guadalupe'], ['ortiz', 'pena']],
    ['Gpe. Ortiz', ['guadalupe'], ['ortiz']],
    ['Fdo. Torres', ['fernando'], ['torres']],
    ['Gmo. Ochoa', ['guillermo'], ['ochoa']],
    ['Lic. Juan Pérez y Gómez', ['juan'], ['perez', 'gomez'], 'lic'],
    ['Licenciado Juan Pérez', ['juan'], ['perez'], 'lic'],
    ['Ing. Carlos Slim', ['carlos'], ['slim'], 'ing'],
    ['Ingeniera Laura Mendoza', ['laura'], ['mendoza'], 'ing'],
    ['Dr. Alberto Ruiz', ['alberto'], ['ruiz'], 'dr'],
    ['Doctora Ana Soto', ['ana'], ['soto'], 'dra'],
    ['Gral. Salvador Cienfuegos', ['salvador'], ['cienfuegos'], 'gen'],
    ['General Salvador Cienfuegos', ['salvador'], ['cienfuegos'], 'gen'],
    ['C.P. Juan Hdez. Glez.', ['juan'], ['hernandez', 'gonzalez'], 'cp'],
    ['Mtro. Arturo Beltrán', ['arturo'], ['beltran'], 'mtro'],
    ['Mtra. Elena Poniatowska', ['elena'], ['poniatowska'], 'mtra'],
    ['Arq. Pedro Ramírez Vázquez', ['pedro'], ['ramirez', 'vazquez'], 'arq'],
    ['Sr. José Pérez', ['jose'], ['perez'], 'sr'],
    ['Sra. Rosa Pérez', ['rosa'], ['perez'], 'sra'],
    ['Srta. Lucía Méndez', ['lucia'], ['mendez'], 'srta'],
    ['Don José Pérez', ['jose'], ['perez'], 'don'],
    ['Doña Rosa Pérez', ['rosa'], ['perez'], 'dona'],
    ['Cap. Miguel Ángel Treviño', ['miguel', 'angel'], ['trevino'], 'cap'],
    ['Pbro. Marcial Maciel', ['marcial'], ['maciel'], 'pbro'],
    ['José Martín López', ['jose'], ['martin', 'lopez']],
    ['Luis Miguel Martín López', ['luis', 'miguel'], ['martin', 'lopez']],
    ['Ana Lorenzo Hernández', ['ana'], ['lorenzo', 'hernandez']],
    ['Carlos Vicente Fernández', ['carlos'], ['vicente', 'fernandez']],
    ['Juan Pérez hijo', ['juan'], ['perez'], null, 'jr'],
    ['Genaro García Luna', ['genaro'], ['garcia', 'luna']],
    ['Joaquín Guzmán Loera', ['joaquin'], ['guzman', 'loera']],
    ['Xóchitl Gálvez Ruiz', ['xochitl'], ['galvez', 'ruiz']],
    ['Cuauhtémoc Blanco', ['cuauhtemoc'], ['blanco']],
    ['Yolanda Ibáñez Muñoz', ['yolanda'], ['ibanez', 'munoz']],
    ['Iñaki Ibáñez', ['inaki'], ['ibanez']],
    ['Peña Nieto Enrique', ['enrique'], ['pena', 'nieto']],
    ['GARCIA LOPEZ JUAN CARLOS', ['juan', 'carlos'], ['garcia', 'lopez']],
    ['HERNANDEZ MARTINEZ MARIA GUADALUPE', ['maria', 'guadalupe'], ['hernandez', 'martinez']],
    ['ORTIZ PEÑA MARIA DE LOS ANGELES', ['maria', 'angeles'], ['ortiz', 'pena']],
    ['RODRIGUEZ JOSE', ['jose'], ['rodriguez']],
    ['Pérez García, Juan', ['juan'], ['perez', 'garcia']],
    ['PEREZ GARCIA, JUAN CARLOS', ['juan', 'carlos'], ['perez', 'garcia']],
    ['De la Cruz Ramírez, Juan', ['juan'], ['cruz', 'ramirez']],
    ['DEL RIO ORTIZ, ANA', ['ana'], ['rio', 'ortiz']],
    ['PEREZ, MARIA DE LOS ANGELES', ['maria', 'angeles'], ['perez']],
    ['TORRES, MA', ['ma'], ['torres']],
    ['TORRES, MA.', ['maria'], ['torres']],
    ['Ortiz y Peña, Lupita', ['lupita'], ['ortiz', 'pena']],
    ['Juan Hdez Mtz', ['juan'], ['hernandez', 'martinez']],
    ['Juan Rdz.', ['juan'], ['rodriguez']],
    ['José de San Martín', ['jose'], ['san martin']],
    ['Antonio López de Santa Anna', ['antonio'], ['lopez', 'santa anna']],
    ['Juan Manuel Santos', ['juan', 'manuel'], ['santos']],
    ['Salma Hayek Jiménez', ['salma'], ['hayek', 'jimenez']],
    ['  María   Guadalupe  Ortiz  ', ['maria', 'guadalupe'], ['ortiz']],
    ['Juan Gabriel', ['juan'], ['gabriel']],
    ['José José', ['jose'], ['jose']],
  ])('%s', (input, given, surnames, title, suffix) => {
    expectParsed(input, given, surnames, title ?? null, suffix ?? null);
  });
});

describe('parsePersonName: English names', () => {
  it.each<Case>([
    ['John Smith', ['john'], ['smith']],
    ['JOHN SMITH', ['john'], ['smith']],
    ['Smith, John', ['john'], ['smith']],
    ['John Smith, Jr.', ['john'], ['smith'], null, 'jr'],
    ['John Smith Jr', ['john'], ['smith'], null, 'jr'],
    ['John Smith Sr.', ['john'], ['smith'], null, 'sr'],
    ['Smith, John, Jr.', ['john'], ['smith'], null, 'jr'],
    ['John Smith III', ['john'], ['smith'], null, 'iii'],
    ['John Smith II', ['john'], ['smith'], null, 'ii'],
    ['John Smith IV', ['john'], ['smith'], null, 'iv'],
    ['John Smith 3rd', ['john'], ['smith'], null, 'iii'],
    ['Robert Smith Junior', ['robert'], ['smith'], null, 'jr'],
    ['Mr. John Smith', ['john'], ['smith'], 'mr'],
    ['Mrs. Mary Smith', ['mary'], ['smith'], 'mrs'],
    ['Ms Mary Smith', ['mary'], ['smith'], 'ms'],
    ['Dr. John Smith Jr.', ['john'], ['smith'], 'dr', 'jr'],
    ['Capt. John Smith', ['john'], ['smith'], 'cap'],
    ['Rev. Martin Luther King Jr.', ['martin', 'luther'], ['king'], 'rev', 'jr'],
    ['Sgt. Mary Jones', ['mary'], ['jones'], 'sgt'],
    ['Prof. Ann Brown', ['ann'], ['brown'], 'prof'],
    ['John F. Kennedy', ['john', 'f'], ['kennedy']],
    ['John Fitzgerald Kennedy', ['john'], ['fitzgerald', 'kennedy']],
    ['J. R. R. Tolkien', ['j', 'r', 'r'], ['tolkien']],
    ['J.R.R. Tolkien', ['j', 'r', 'r'], ['tolkien']],
    ['Mary Ann Johnson', ['mary', 'ann'], ['johnson']],
    ['John Martin Smith', ['john', 'martin'], ['smith']],
    ['Bill Clinton', ['bill'], ['clinton']],
    ['William Jefferson Clinton', ['william'], ['jefferson', 'clinton']],
    ['Bob Johnson', ['bob'], ['johnson']],
    ['Beth Kowalski', ['beth'], ['kowalski']],
    ['Betty Kowalski-Grant', ['betty'], ['kowalski-grant']],
    ['Liz Grant', ['liz'], ['grant']],
    ['Seán O’Brien', ['sean'], ['obrien']],
    ["Sean O'Brien", ['sean'], ['obrien']],
    ['Sean OBrien', ['sean'], ['obrien']],
    ['Sean O Brien', ['sean', 'o'], ['brien']],
    ['Ronald McDonald', ['ronald'], ['mcdonald']],
    ['Ronald Mc Donald', ['ronald'], ['mcdonald']],
    ['Ronald MacDonald', ['ronald'], ['macdonald']],
    ['MCDONALD, RONALD', ['ronald'], ['mcdonald']],
    ['Ludwig van Beethoven', ['ludwig'], ['beethoven']],
    ['Wernher von Braun', ['wernher'], ['braun']],
    ['Wm. Smith', ['william'], ['smith']],
    ['Chas. Dickens', ['charles'], ['dickens']],
    ['Thos. Jefferson', ['thomas'], ['jefferson']],
    ['Jno. Adams', ['john'], ['adams']],
    ['Don Johnson', ['don'], ['johnson']],
    ['Jack Ryan', ['jack'], ['ryan']],
    ['Ted Kennedy', ['ted'], ['kennedy']],
    ['Mary-Kate Olsen', ['mary', 'kate'], ['olsen']],
    ['Anne Smith-Jones', ['anne'], ['smith-jones']],
    ['SMITH-JONES, ANNE', ['anne'], ['smith-jones']],
    ['Smith', [], ['smith']],
    ['John', ['john'], []],
    ['Madonna', [], ['madonna']],
    ['Smith John', ['john'], ['smith']],
    ['Jones Mary Ann', ['mary', 'ann'], ['jones']],
  ])('%s', (input, given, surnames, title, suffix) => {
    expectParsed(input, given, surnames, title ?? null, suffix ?? null);
  });
});

describe('parsePersonName: French names', () => {
  it.each<Case>([
    ['Jean Tremblay', ['jean'], ['tremblay']],
    ['Jean-Pierre Gagnon', ['jean', 'pierre'], ['gagnon']],
    ['Jean Pierre Gagnon', ['jean', 'pierre'], ['gagnon']],
    ['J.-P. Gagnon', ['j', 'p'], ['gagnon']],
    ['J.P. Gagnon', ['j', 'p'], ['gagnon']],
    ['GAGNON, JEAN-PIERRE', ['jean', 'pierre'], ['gagnon']],
    ['Gagnon, J.-P.', ['j', 'p'], ['gagnon']],
    ['Marie-Ève Côté', ['marie', 'eve'], ['cote']],
    ['Marie Eve Cote', ['marie', 'eve'], ['cote']],
    ['Côté-Gagnon, Marie-Ève', ['marie', 'eve'], ['cote-gagnon']],
    ['Marie-Claude Bouchard', ['marie', 'claude'], ['bouchard']],
    ['Marie-Josée Roy', ['marie', 'josee'], ['roy']],
    ['Luc D’Amours', ['luc'], ['damours']],
    ["Luc D'Amours", ['luc'], ['damours']],
    ['Luc Damours', ['luc'], ['damours']],
    ['Pierre St-Pierre', ['pierre'], ['saint-pierre']],
    ['Pierre St. Pierre', ['pierre'], ['saint-pierre']],
    ['Pierre Saint-Pierre', ['pierre'], ['saint-pierre']],
    ['Pierre Saint Pierre', ['pierre'], ['saint-pierre']],
    ['Jean St-Laurent', ['jean'], ['saint-laurent']],
    ['Julie Ste-Marie', ['julie'], ['sainte-marie']],
    ['Julie Ste. Marie', ['julie'], ['sainte-marie']],
    ['Élodie Lévesque', ['elodie'], ['levesque']],
    ['ELODIE LEVESQUE', ['elodie'], ['levesque']],
    ['François Lefèvre', ['francois'], ['lefevre']],
    ['Françoise Dubé', ['francoise'], ['dube']],
    ['Gaëtan Boucher', ['gaetan'], ['boucher']],
    ['Réjean Houle', ['rejean'], ['houle']],
    ['Ghislain Bélanger', ['ghislain'], ['belanger']],
    ['Hélène de Champlain', ['helene'], ['champlain']],
    ['Samuel de Champlain', ['samuel'], ['champlain']],
    ['Jacques du Lac', ['jacques'], ['lac']],
    ['Marguerite des Ormeaux', ['marguerite'], ['ormeaux']],
    ['Mme Louise Tremblay', ['louise'], ['tremblay'], 'mme'],
    ['Madame Louise Tremblay', ['louise'], ['tremblay'], 'mme'],
    ['Mlle Julie Roy', ['julie'], ['roy'], 'mlle'],
    ['Me Jean Gagnon', ['jean'], ['gagnon'], 'me'],
    ['Maître Jean Gagnon', ['jean'], ['gagnon'], 'me'],
    ['Monsieur Jean Gagnon', ['jean'], ['gagnon'], 'm'],
    ['Jean Gagnon fils', ['jean'], ['gagnon'], null, 'jr'],
    ['Jean Gagnon père', ['jean'], ['gagnon'], null, 'sr'],
    ['Ti-Jean Tremblay', ['ti-jean'], ['tremblay']],
    ['Fanfan Tremblay', ['fanfan'], ['tremblay']],
    ['Manon Gagnon', ['manon'], ['gagnon']],
    ['Tremblay Jean', ['jean'], ['tremblay']],
    ['Jean-François Tremblay-Gagnon', ['jean', 'francois'], ['tremblay-gagnon']],
  ])('%s', (input, given, surnames, title, suffix) => {
    expectParsed(input, given, surnames, title ?? null, suffix ?? null);
  });
});

describe('parsePersonName: degenerate input', () => {
  it.each<Case>([
    ['', [], []],
    ['   ', [], []],
    [',', [], []],
    ['...', [], []],
    ['Dr.', [], ['dr']],
    ['Jr.', [], ['jr']],
    ['Pérez,', [], ['perez']],
    [', Juan', ['juan'], []],
  ])('%j', (input, given, surnames, title, suffix) => {
    expectParsed(input, given, surnames, title ?? null, suffix ?? null);
  });

  it('gives the same result for accented, unaccented and upper-case input', () => {
    const a = parsePersonName('José Luis García Hernández');
    expect(parsePersonName('JOSE LUIS GARCIA HERNANDEZ')).toEqual(a);
    expect(parsePersonName('jose luis garcia hernandez')).toEqual(a);
    expect(parsePersonName('Jose\u0301 Luis Garci\u0301a Herna\u0301ndez')).toEqual(a);
  });

  it('is linear on long input', () => {
    const long = Array.from({ length: 5000 }, () => 'Juan').join(' ') + ' Pérez';
    const parsed = parsePersonName(long);
    expect(parsed.given).toHaveLength(5000);
    expect(parsed.surnames).toEqual(['perez']);
  });
});

describe('parseNameParts', () => {
  it.each<[string, Parameters<typeof parseNameParts>[0], ParsedName]>([
    [
      'first, father and mother names',
      { firstName: ['José Luis'], fatherName: ['García'], motherName: ['Hernández'] },
      { given: ['jose', 'luis'], surnames: ['garcia', 'hernandez'], title: null, suffix: null },
    ],
    [
      'first and second names',
      {
        firstName: ['María'],
        secondName: ['Guadalupe'],
        fatherName: ['Ortiz'],
        motherName: ['Peña'],
      },
      { given: ['maria', 'guadalupe'], surnames: ['ortiz', 'pena'], title: null, suffix: null },
    ],
    [
      'middle name',
      { firstName: ['John'], middleName: ['F.'], lastName: ['Kennedy'] },
      { given: ['john', 'f'], surnames: ['kennedy'], title: null, suffix: null },
    ],
    [
      'lastName holding two surnames',
      { firstName: ['José Luis'], lastName: ['García Hernández'] },
      { given: ['jose', 'luis'], surnames: ['garcia', 'hernandez'], title: null, suffix: null },
    ],
    [
      'lastName ignored when fatherName is present',
      { firstName: ['Juan'], fatherName: ['Pérez'], lastName: ['Pérez Gómez'] },
      { given: ['juan'], surnames: ['perez'], title: null, suffix: null },
    ],
    [
      'lastName plus motherName',
      { firstName: ['Juan'], lastName: ['Pérez'], motherName: ['Gómez'] },
      { given: ['juan'], surnames: ['perez', 'gomez'], title: null, suffix: null },
    ],
    [
      'lastName already holding motherName',
      { firstName: ['Juan'], lastName: ['Pérez Gómez'], motherName: ['Gómez'] },
      { given: ['juan'], surnames: ['perez', 'gomez'], title: null, suffix: null },
    ],
    [
      'particles in the father name',
      { firstName: ['Juan'], fatherName: ['de la Cruz'], motherName: ['Ramírez'] },
      { given: ['juan'], surnames: ['cruz', 'ramirez'], title: null, suffix: null },
    ],
    [
      'abbreviated first name',
      { firstName: ['Ma. Gpe.'], fatherName: ['Ortiz'] },
      { given: ['maria', 'guadalupe'], surnames: ['ortiz'], title: null, suffix: null },
    ],
    [
      'hyphenated first name',
      { firstName: ['Jean-François'], lastName: ['Tremblay'] },
      { given: ['jean', 'francois'], surnames: ['tremblay'], title: null, suffix: null },
    ],
    [
      'title and suffix parts',
      { firstName: ['John'], lastName: ['Smith'], title: ['Dr.'], nameSuffix: ['Jr.'] },
      { given: ['john'], surnames: ['smith'], title: 'dr', suffix: 'jr' },
    ],
    [
      'long title form',
      { firstName: ['Ana'], lastName: ['Soto'], title: ['Licenciada'] },
      { given: ['ana'], surnames: ['soto'], title: 'lic', suffix: null },
    ],
    [
      'C.P. title',
      { firstName: ['Ana'], lastName: ['Soto'], title: ['C.P.'] },
      { given: ['ana'], surnames: ['soto'], title: 'cp', suffix: null },
    ],
    [
      'unknown title kept folded',
      { firstName: ['Ana'], lastName: ['Soto'], title: ['Embajadora'] },
      { given: ['ana'], surnames: ['soto'], title: 'embajadora', suffix: null },
    ],
    [
      'only a full name',
      { name: ['ORTIZ PENA, MA. GPE.'] },
      { given: ['maria', 'guadalupe'], surnames: ['ortiz', 'pena'], title: null, suffix: null },
    ],
    [
      'missing surnames from the full name',
      { name: ['Dra. Beth Kowalski-Grant'], firstName: ['Elizabeth'] },
      { given: ['elizabeth'], surnames: ['kowalski-grant'], title: 'dra', suffix: null },
    ],
    [
      'missing given names from the full name',
      { name: ['José Luis García Hernández'], fatherName: ['García'], motherName: ['Hernández'] },
      { given: ['jose', 'luis'], surnames: ['garcia', 'hernandez'], title: null, suffix: null },
    ],
    [
      'parts win over the full name',
      { name: ['Pepe Garcia'], firstName: ['José'], fatherName: ['García'] },
      { given: ['jose'], surnames: ['garcia'], title: null, suffix: null },
    ],
    [
      'suffix from the full name',
      { name: ['Smith Jr., John'], firstName: ['John'], lastName: ['Smith'] },
      { given: ['john'], surnames: ['smith'], title: null, suffix: 'jr' },
    ],
    [
      'first of several values, blank values skipped',
      { firstName: ['  ', 'Juan', 'Pedro'], fatherName: ['Pérez'] },
      { given: ['juan'], surnames: ['perez'], title: null, suffix: null },
    ],
    ['nothing at all', {}, { given: [], surnames: [], title: null, suffix: null }],
    [
      'motherName alone',
      { firstName: ['Juan'], motherName: ['Gómez'] },
      { given: ['juan'], surnames: ['gomez'], title: null, suffix: null },
    ],
  ])('%s', (_label, parts, expected) => {
    expect(parseNameParts(parts)).toEqual(expected);
  });
});
