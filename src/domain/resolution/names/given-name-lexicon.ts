/**
 * Common full given names per language, folded (no accents, lower case).
 *
 * The parser uses this list to decide where the given names of an uncommaed
 * name end and the surnames begin, so it favours names that are frequent in
 * US, Mexican and Canadian records. Names that are far more often surnames
 * (Cruz, Reyes, Santos) are left out on purpose: taking them as given names
 * would steal a surname. Nicknames live in the nickname table, which the
 * parser consults as well.
 *
 * Compiled from general knowledge of the frequent-name lists published by
 * civil registries (RENAPO / INEGI name-frequency tables, the US Social
 * Security Administration baby-name tables, Retraite Québec's popular names)
 * and the Oxford "A Dictionary of First Names" (Hanks & Hodges); not a copy of
 * any one of them.
 */

const SPANISH = `
jose juan luis carlos jesus antonio francisco miguel pedro manuel alejandro javier rafael
fernando jorge ricardo roberto eduardo alberto sergio daniel david raul arturo enrique
guillermo ignacio salvador alfonso gerardo gustavo hector hugo oscar ruben victor mario
martin andres pablo diego santiago sebastian mateo nicolas emilio ernesto felipe gabriel
gonzalo gregorio hernando humberto jaime joaquin julio lorenzo marco marcos mauricio
octavio omar orlando ramon rodolfo adolfo agustin alfredo alvaro armando benjamin cesar
cristian cristobal domingo esteban fabian federico genaro gilberto horacio isidro israel
jacinto jeronimo julian leonardo leopoldo lucas margarito moises nestor patricio
rigoberto rogelio samuel saul teodoro tomas ulises valentin vicente abel abraham adan
adrian aurelio baltazar bernardo camilo candido celestino cipriano clemente crescencio
efrain eleazar eliseo emiliano ezequiel faustino fidel florencio heriberto hilario
hipolito inocencio isaac isaias jacobo lazaro leon lino macario marcelo marcelino
maximiliano maximino modesto nazario noe pascual porfirio primitivo refugio reynaldo
rosendo silvestre simon timoteo tiburcio ubaldo urbano wenceslao zacarias rene edgar
erick ivan iker axel bruno dario elias franco german hernan ismael jairo jonathan josue
kevin leonel lisandro matias nahum raymundo raimundo edmundo saturnino tadeo teofilo
apolinar bartolo policarpo anselmo artemio aureliano conrado cuauhtemoc fermin higinio
jeremias librado lucio nemesio onesimo anastasio eustaquio angel
maria guadalupe ana rosa juana margarita veronica patricia elizabeth leticia teresa
alejandra gabriela adriana claudia silvia martha marta laura monica araceli yolanda gloria
angelica norma lucia sofia valentina isabel isabella ximena camila daniela fernanda mariana
andrea paola carolina diana karla karina erika beatriz alicia irma josefina francisca
dolores concepcion carmen pilar rocio esperanza consuelo socorro rosario soledad mercedes
luz paz angeles lourdes remedios asuncion encarnacion catalina cecilia cristina elena
eugenia florencia graciela hortensia ines irene julia julieta lorena luisa magdalena
marisol maribel marcela matilde natalia natividad nora olga paula raquel rebeca regina
ruth sara susana tania valeria victoria virginia viviana xochitl yesenia zulema adela
agustina alba amalia amparo antonia aurora berta blanca brenda celia clara delia dulce
edith elvira emilia esther estela eva fabiola felicitas gema genoveva herminia ivonne
jazmin jimena josefa lidia liliana lilia manuela mayra micaela miriam nayeli noemi ofelia
perla reyna rufina sandra selena sonia tomasa trinidad ursula vanesa yadira zoila azucena
belen candelaria casandra citlali coral elisa eloisa estefania evangelina gisela ignacia
imelda itzel jessica karen leonor lucina marina martina mireya montserrat nelly olivia
piedad rosalba rosalia salome sagrario violeta xiomara zaira lorenza yolanda
`;

const ENGLISH = `
john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven stephen paul andrew joshua kenneth kevin brian george
timothy ronald edward jason jeffrey geoffrey ryan jacob gary nicholas eric jonathan larry
justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
jerry tyler aaron henry adam douglas nathan nathaniel peter zachary kyle walter harold
jeremy ethan carl keith roger gerald christian sean arthur austin noah lawrence laurence
jesse joe bryan jordan albert dylan bruce gabriel alan allan juan logan wayne ralph roy
eugene randy vincent russell louis philip phillip johnny bradley howard fred frederick
theodore francis herbert hubert alfred bertram edmund edwin clifford chester leonard
stanley stuart stewart reginald montgomery mitchell melvin calvin bartholomew abraham
isaac jeremiah jerome tobias oliver harry wallace luke owen liam mason elijah lucas hugh
rudolph terence gilbert maxwell dominic eli luther
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna anne ann
brenda pamela nicole emma samantha katherine catherine kathryn christine christina debra
rachel carolyn janet virginia maria heather diane julie joyce victoria olivia kelly joan
evelyn lauren judith megan cheryl andrea hannah martha jacqueline frances gloria teresa
theresa janice jean alice madison doris abigail julia judy grace denise amber marilyn
beverly danielle sophia marie diana natalie isabella charlotte rose alexis kayla eleanor
ellen gertrude mildred millicent winifred josephine jane joanna gillian jillian jill
eliza harriet louise lucinda constance susanna suzanne jamie tina molly sally jenny marion
rita kim terry lucy lucille madeline marjorie amelia isabel melanie tamara cassandra
rosemary alexandra
`;

const FRENCH = `
jean pierre michel andre philippe louis alain jacques bernard marcel rene daniel claude
christian patrick nicolas francois laurent stephane sylvain gilles yves guy luc serge
denis eric olivier sebastien julien mathieu maxime alexandre antoine benoit simon vincent
etienne guillaume gabriel raphael emile gaston lucien roger henri georges gerard paul
robert raymond maurice normand rejean real gaetan ghislain marc yvon yvan mario donald
francis felix samuel thomas hugo jeremie charles leo arthur jules adrien xavier fabien
thibault thierry pascal frederic emmanuel dominique cedric jerome arnaud bruno florian loic
baptiste clement theo lucas enzo mathis nathan valentin maximilien theophile patrice
bastien
marie jeanne francoise monique nicole sylvie isabelle nathalie catherine chantal martine
christine sophie julie veronique valerie sandrine celine stephanie caroline genevieve
josee manon lucie louise helene suzanne denise therese madeleine marguerite jacqueline
colette ginette lise diane johanne line lyne nancy annie melanie emilie camille chloe lea
laurence claire anne elise eve maude audrey jocelyne danielle pierrette yvette yvonne
gisele georgette huguette micheline francine carole lorraine raymonde solange rachel
josephine simone odette paulette juliette amelie charlotte elisabeth beatrice agathe alice
brigitte cecile florence gabrielle joelle laure liliane margot marion mireille noemie
oceane pauline rosalie sabrina sarah sylviane virginie zoe antoinette jeannette mariette
nadine noelle michele michelle daniele
`;

export type NameLanguage = 'en' | 'es' | 'fr';

function words(list: string): string[] {
  return list.split(/\s+/u).filter((w) => w.length > 0);
}

/** Folded full given name -> the languages it is common in. */
export const GIVEN_NAME_LANGUAGES: ReadonlyMap<string, readonly NameLanguage[]> = (() => {
  const map = new Map<string, NameLanguage[]>();
  const add = (list: string, lang: NameLanguage): void => {
    for (const w of words(list)) {
      const langs = map.get(w);
      if (!langs) map.set(w, [lang]);
      else if (!langs.includes(lang)) langs.push(lang);
    }
  };
  add(SPANISH, 'es');
  add(ENGLISH, 'en');
  add(FRENCH, 'fr');
  return map;
})();
