/**
 * The most frequent surnames in Mexico, the United States and Québec, folded.
 * A match on one of them is weak evidence; the parser also uses the list to
 * recognise "SURNAME GIVEN" order without a comma, and the acronym check to
 * tell "RUIZ" from "GRL".
 *
 * Compiled from general knowledge of published frequency lists (INEGI / RENAPO
 * surname frequencies, the US Census Bureau's frequently occurring surnames,
 * the Institut de la statistique du Québec's most common family names); not
 * a copy of any one of them, and unranked.
 */
const SURNAMES = `
garcia hernandez martinez lopez gonzalez rodriguez perez sanchez ramirez cruz flores gomez
morales vazquez reyes jimenez torres diaz gutierrez ruiz mendoza aguilar ortiz moreno
castillo romero alvarez mendez chavez rivera juarez ramos dominguez herrera medina castro
vargas guzman velazquez munoz rojas contreras salazar luna ortega guerrero estrada
bautista cortes soto alvarado espinoza lara avila rios cervantes silva delgado vega marquez
sandoval fernandez carrillo mejia solis rosas ibarra valdez nunez campos santos camacho
navarro pena maldonado rosales acosta miranda trejo cabrera valencia nava castaneda robles
fuentes pacheco molina espinosa escobar cardenas orozco salinas aguirre zamora villanueva
padilla ochoa meza galvan garza trevino lozano paz gil leon rubio blanco suarez iglesias
smith johnson williams brown jones miller davis wilson anderson taylor moore jackson
thompson white harris clark lewis robinson walker young allen king wright scott hill green
adams baker nelson carter mitchell roberts turner phillips campbell parker evans edwards
collins stewart morris murphy cook rogers morgan cooper peterson reed bailey bell kelly
howard ward cox richardson wood watson brooks bennett gray hughes price sanders myers long
ross foster lee
tremblay gagnon roy cote bouchard gauthier morin lavoie fortin gagne ouellet pelletier
belanger levesque bergeron leblanc paquette girard simard boucher caron beaulieu cloutier
dube poirier fournier lapointe leclerc lefebvre poulin thibault saint-pierre nadeau landry
martel bedard grenier lessard bernier michaud hebert desjardins couture turcotte lachance
parent blais gosselin savard proulx beaudoin demers perreault boudreau lemieux cyr perron
dufour dion mercier bolduc berube duchesne dupuis lambert laplante vallee
`;

const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  SURNAMES.split(/\s+/u).filter((w) => w.length > 0),
);

/** Whether a folded surname unit is one of the most frequent ones. */
export function isCommonSurname(unit: string): boolean {
  return COMMON_SURNAMES.has(unit);
}
