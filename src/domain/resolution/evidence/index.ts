export { addressKey } from './address.js';
export { ADDRESS_NOISE, ADDRESS_WORDS } from './address-words.js';
export { birthYear, compareBirthDates, type BirthDateMatch } from './birth-date.js';
export {
  BORN_ABROAD,
  CURP_STATES,
  curpCheckDigit,
  curpNameLetters,
  curpStateName,
  isCurpState,
  isValidCurp,
  parseCurp,
  type Curp,
} from './curp.js';
export { confusableKey, normaliseDocumentNumber, normalisePlate } from './identifiers.js';
export { phoneCountry, toE164, type PhoneCountry } from './phone.js';
export { parseRfc, rfcCheckDigit, type Rfc } from './rfc.js';
