/**
 * Fictional people are drawn from real name frequencies: a few surnames are very common
 * (García, Smith, Tremblay), so a name alone matches thousands of records, and a long tail is
 * rare. Lists run from most to least frequent; weights are applied in ../pick-names.ts.
 */

export type Culture = 'es' | 'en' | 'fr';

export interface NameList {
  male: readonly string[];
  female: readonly string[];
  /** Most to least frequent. */
  surnames: readonly string[];
  /** Uniformly less frequent. */
  uncommon: readonly string[];
  /** A handful of occurrences each in a million records. */
  rare: readonly string[];
}

const words = (s: string): string[] => s.trim().split(/\s*,\s*/);

export const NAMES: Readonly<Record<Culture, NameList>> = {
  es: {
    male: words(`José, Juan, Luis, Carlos, Jesús, Miguel, Francisco, Jorge, Alejandro, Antonio,
      Pedro, Manuel, Ricardo, Roberto, Eduardo, Fernando, Javier, Daniel, Raúl, Sergio, Martín,
      Arturo, Héctor, Rafael, Guillermo, Alberto, Óscar, Mario, Víctor, Enrique, Ángel, Salvador,
      Ramón, Gerardo, Ignacio, Rubén, Armando, Alfredo, Genaro, Joaquín, Ismael, Gustavo, Hugo,
      Andrés, Diego, Emilio, Santiago, Mateo, Ernesto, Rodrigo, José Luis, Juan Carlos,
      José Antonio, Luis Ángel, Juan Manuel, José María, Miguel Ángel, Jesús Alberto`),
    female: words(`María, Guadalupe, Juana, Margarita, Verónica, Elizabeth, Leticia, Rosa,
      Patricia, Alejandra, Gabriela, Adriana, Claudia, Ana, Laura, Martha, Silvia, Teresa, Sofía,
      Fernanda, Daniela, Lucía, Carmen, Yolanda, Mónica, Araceli, Norma, Beatriz, Lorena,
      Esperanza, Alicia, Josefina, Irma, Blanca, Karla, Diana, Paola, Valeria, Ximena, Brenda,
      María Guadalupe, María del Carmen, Ana María, María Fernanda, María José, Rosa María`),
    surnames: words(`Hernández, García, Martínez, López, González, Pérez, Rodríguez, Sánchez,
      Ramírez, Cruz, Flores, Gómez, Morales, Vázquez, Reyes, Jiménez, Torres, Díaz, Gutiérrez,
      Ruiz, Mendoza, Aguilar, Ortiz, Moreno, Castillo, Romero, Álvarez, Méndez, Chávez, Rivera,
      Juárez, Ramos, Domínguez, Herrera, Medina, Castro, Vargas, Guzmán, Velázquez, Muñoz, Rojas,
      Salazar, Contreras, Luna, Ortega, Guerrero, Estrada, Bautista, Cortés, Soto, Alvarado,
      Espinoza, Lara, Ávila, Ríos, Cervantes, Silva, Delgado, Vega, Márquez, Sandoval, Fernández,
      León, Carrillo, Mejía, Solís, Núñez, Rosas, Valdez, Ibarra, Campos, Santiago, Camacho,
      Navarro, Peña, Maldonado, Rosales, Acosta, Miranda, Trejo, Valencia, Nava, Pacheco, Huerta,
      Robles, Molina, Cabrera, Fuentes, Zúñiga, Padilla, Ayala, Villanueva, de la Cruz, del Río,
      de León, Cárdenas, Orozco, Salinas, Escobar, Galván, Lozano, Beltrán, Zamora, Esquivel,
      Ochoa, Villarreal, Quintero, Montes, Serrano, Arellano, Barrera, Meza, Cisneros, Ponce,
      Tapia, Benítez`),
    uncommon: words(`Aguirre, Alcántara, Almaraz, Anaya, Arriaga, Barragán, Becerra, Bermúdez,
      Bravo, Bustamante, Calderón, Canales, Carrasco, Cázares, Cota, Covarrubias, Dávila, Duarte,
      Elizondo, Escamilla, Espinosa, Félix, Figueroa, Gallardo, Gallegos, Garza, Gil, Granados,
      Hidalgo, Iglesias, Jaramillo, Ledesma, Leyva, Limón, Lugo, Macías, Madrigal, Manzano, Marín,
      Mata, Medrano, Mora, Murillo, Nieto, Olvera, Osorio, Palacios, Paredes, Pineda, Portillo,
      Quiroz, Rangel, Rentería, Rico, Rubio, Saldaña, Santana, Sauceda, Sepúlveda, Sierra, Solano,
      Sosa, Tovar, Treviño, Uribe, Valadez, Valle, Varela, Velasco, Vera, Villa, Zavala, Zepeda,
      Zárate, Avendaño, Baeza, Barajas, Cano, Carmona, Cuevas, Enríquez, Franco, Gallo, Lira,
      Loera, Magaña, Montoya, Mota, Muñiz, Nájera, Ocampo, Pantoja, Quezada, Ruelas, Salas, Tello,
      Urías, Villegas, de los Santos, de la Garza, del Ángel`),
    rare: words(`Goicoechea, Iturbide, Echevarría, Urquidi, Zubiría, Arizmendi, Olabarrieta,
      Eguiluz, Larrañaga, Aranzubía`),
  },
  en: {
    male: words(`James, John, Robert, Michael, William, David, Richard, Joseph, Thomas, Charles,
      Christopher, Daniel, Matthew, Anthony, Mark, Donald, Steven, Paul, Andrew, Joshua, Kevin,
      Brian, George, Timothy, Ronald, Jason, Edward, Jeffrey, Ryan, Jacob, Gary, Nicholas, Eric,
      Jonathan, Stephen, Larry, Justin, Scott, Brandon, Benjamin, Tyler, Kyle`),
    female: words(`Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Jessica, Sarah,
      Karen, Lisa, Nancy, Betty, Sandra, Margaret, Ashley, Kimberly, Emily, Donna, Michelle,
      Carol, Amanda, Melissa, Deborah, Stephanie, Rebecca, Laura, Sharon, Cynthia, Kathleen, Amy,
      Angela, Shirley, Brenda, Emma, Olivia, Hannah`),
    surnames: words(`Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson,
      Taylor, Thomas, Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Robinson,
      Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams, Baker, Nelson, Carter,
      Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart,
      Morris, Murphy, Cook, Rogers, Morgan, Cooper, Peterson, Reed, Bailey, Bell, Kelly, Howard,
      Ward, Cox, Richardson, Wood, Watson, Brooks, Bennett, Gray, James, Hughes, Price, Sanders,
      Myers, Long, Ross, Foster, MacDonald, McDonald, O'Brien, Sullivan, Fraser`),
    uncommon: words(`Ashworth, Blackwood, Calloway, Dunmore, Fairbanks, Hargrove, Kingsley,
      Lockhart, Merriweather, Northcott, Pemberton, Radcliffe, Stanhope, Thornbury, Whitlock,
      Winslow, Yardley, Abernathy, Beauchamp, Cartwright, Drummond, Ellsworth, Fitzgerald,
      Gallagher, Holloway, Kowalski, Lindqvist, Novak, Petrov, Schneider, Van der Berg, Van Dyke,
      St. John, Mc Intyre, Kowalski-Grant`),
    rare: words(`Quackenbush, Winterbottom, Higginbotham, Throckmorton, Featherstonhaugh`),
  },
  fr: {
    male: words(`Jean, Pierre, Michel, Jacques, André, François, Luc, Marc, Daniel, Stéphane,
      Sylvain, Martin, Mathieu, Alexandre, Simon, Philippe, Guy, Denis, Réjean, Gilles, Yves,
      Louis, Olivier, Benoît, Éric, Gabriel, Jean-François, Jean-Philippe, Jean-Sébastien,
      Pierre-Luc, Marc-André, Jean-Guy`),
    female: words(`Marie, Julie, Nathalie, Isabelle, Sylvie, Chantal, Josée, Mélanie, Catherine,
      Geneviève, Caroline, Véronique, Stéphanie, Annie, Émilie, Audrey, Camille, Chloé, Léa,
      Sophie, Marie-Ève, Marie-Claude, Marie-Josée, Anne-Marie, Marie-Hélène`),
    surnames: words(`Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin,
      Gagné, Ouellet, Pelletier, Bélanger, Lévesque, Bergeron, Leblanc, Paquette, Girard, Simard,
      Boucher, Caron, Beaulieu, Cloutier, Dubé, Poirier, Fournier, Lapointe, Leclerc, Lefebvre,
      Poulin, Thibault, St-Pierre, Nadeau, Martin, Landry, Martel, Bédard, Grenier, Lessard,
      Bernier, Richard, Michaud, Hébert, Desjardins, Couture, Turcotte, Lachance, Parent, Blais,
      Gosselin, Savard, Proulx, Beaudoin, Demers, Perron, Boudreau, Lemieux, Cyr, Deschênes,
      Dufour, Mercier, Laflamme`),
    uncommon: words(`Archambault, Beauregard, Charbonneau, Desrosiers, Dionne, Fréchette,
      Gingras, Jolicoeur, Laberge, Laliberté, Marcoux, Rivard, Sauvé, Trudel, Vachon,
      Vaillancourt, Brassard, Dufresne, Lacasse, Tardif, Champagne, Chevalier, Duchesne, Jodoin,
      Lamontagne, Léger, Ménard, Pépin, Séguin, Villeneuve, de Montigny, Des Roches`),
    rare: words(`Brisebois, Lanthier, Courchesne, Vézina-Trottier, Quintal`),
  },
};

/** Criminal aliases ("El …"), fictional. */
export const CRIMINAL_ALIASES: readonly string[] = words(`El Güero, El Flaco, El Gordo, El Chino,
  El Negro, El Pelón, El Tigre, El Compa, El Diablo, El Zurdo, El Primo, El Gato, El Toro, El Mudo,
  La Güera, La Flaca, La Jefa, El Contador, El Ingeniero, El Licenciado, El Chapo Chico,
  El Cuervo, El Tecolote, El Alacrán, El Huracán, El Tartamudo, El Profe, El Doctor, El Sobrino,
  El Vaquero, El Charro, El Junior, La Muñeca, El Chuta, El Payaso, El Moreno, El Gallo,
  El Halcón, El Pariente, El Chaparro`);

/**
 * Everyday diminutives by given name (Pepe = José, Chuy = Jesús, Bill = William). A record that
 * shows the nickname instead of the given name is one of the ways the same person differs
 * between partners' files.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  José: ['Pepe'],
  Francisco: ['Paco', 'Pancho'],
  Jesús: ['Chuy'],
  Guadalupe: ['Lupe', 'Lupita'],
  Guillermo: ['Memo'],
  Ignacio: ['Nacho'],
  'José María': ['Chema'],
  Alberto: ['Beto'],
  Roberto: ['Beto'],
  Eduardo: ['Lalo'],
  Antonio: ['Toño'],
  Salvador: ['Chava'],
  Enrique: ['Quique'],
  Alejandro: ['Alex'],
  Elizabeth: ['Beth', 'Betty', 'Liz'],
  William: ['Bill', 'Will'],
  Robert: ['Bob', 'Bobby'],
  Richard: ['Rick'],
  James: ['Jim', 'Jimmy'],
  Michael: ['Mike'],
  Thomas: ['Tom'],
  Joseph: ['Joe'],
  Christopher: ['Chris'],
  Daniel: ['Dan', 'Danny'],
  Margaret: ['Peggy', 'Maggie'],
  Patricia: ['Patty', 'Trish'],
  Jennifer: ['Jen'],
  Jean: ['Ti-Jean'],
};

/** Aliases of any kind: criminal ones and the everyday diminutives. */
export const ALIASES: readonly string[] = [
  ...CRIMINAL_ALIASES,
  ...new Set(Object.values(NICKNAMES).flat()),
];
