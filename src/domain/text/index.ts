export { foldText } from './fold.js';
export { MAX_TERM_LENGTH, queryTerms, searchTerms } from './terms.js';
