/**
 * A phonetic key for surnames and given names written by Spanish, English and
 * French speakers, for blocking and as one comparison feature. Input is a
 * folded token (lower case, no accents: ñ has become n).
 *
 * Choices, in the order the rules apply:
 * - Letters other than a-z (hyphens, spaces) are skipped, so compound units
 *   get one key.
 * - Vowels: a vowel that starts the key becomes 'A' (every initial vowel the
 *   same, so Ibarra = Ybarra = "Hibarra"); later vowels are dropped. They
 *   still separate letters, so "Sasaki" keeps both s sounds.
 * - 'h' is silent (Spanish and French) except in ch / sh / ph / th / wh / gh.
 * - b = v ('B'); z = s = c before e/i/y ('S'); qu = k = c elsewhere ('K');
 *   g = j ('J') everywhere: typists drop the silent u of gue / gui (Rodrigez for
 *   Rodríguez) and turn a hard g soft, so keeping them apart would split true
 *   pairs far more often than it separates names; d = t ('T', final -d is often
 *   lost in speech).
 * - x is 'J' before a vowel, as in Mexican names from older spelling
 *   (Ximénez = Jiménez, Mexía = Mejía, Xavier = Javier); elsewhere 'KS'
 *   (Baxter, Cox). So Xóchitl and Sóchitl get different keys: a cost accepted
 *   for the far more frequent x/j surnames.
 * - Initial ll = y ('Y'), as in Llanes / Yanes; an inner ll is an l, because
 *   doubled l in English and French names (Phillips / Philips) is more common
 *   in our data than Spanish inner ll / y confusion (Arroyo / Arrollo).
 *   y before a vowel is 'Y', otherwise a vowel (Ybarra).
 * - ch, sh and sch are one sound 'X' (Chávez, Charbonneau, Schmidt); chr is
 *   'KR' (Christopher). ph = f. th = t. gh is silent except at the start.
 *   ck = k. kn- and wr- at the start drop their first letter. gn = n.
 * - Repeated codes from adjacent letters collapse (rr, ss, ck, sc before e/i).
 * Keys drop vowels, so metathesis pairs such as García / Gracia share a key;
 * comparison features (Jaro-Winkler) tell them apart.
 */

const A = 97;
const Z = 122;

function isVowel(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

function isFront(c: number): boolean {
  return c === 101 || c === 105 || c === 121; // e i y
}

function letterAt(s: string, i: number): number {
  // Skips separators so "kowalski-grant" reads as one word.
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= A && c <= Z) return c;
    i++;
  }
  return 0;
}

const CH = 'c'.charCodeAt(0);
const H = 'h'.charCodeAt(0);

/** The phonetic key of a folded token; '' when it has no letters a-z. */
export function phoneticKey(token: string): string {
  let key = '';
  let last = '';
  let started = false;
  const n = token.length;
  let i = 0;
  const emit = (code: string): void => {
    if (code !== last) key += code;
    last = code;
    started = true;
  };
  while (i < n) {
    const c = token.charCodeAt(i);
    if (c < A || c > Z) {
      i++;
      continue;
    }
    const next = letterAt(token, i + 1);
    switch (c) {
      case 97: // a
      case 101: // e
      case 105: // i
      case 111: // o
      case 117: // u
        if (!started) emit('A');
        last = '';
        i++;
        continue;
      case 121: // y
        if (isVowel(next)) emit('Y');
        else {
          if (!started) emit('A');
          last = '';
        }
        i++;
        continue;
      case 104: // h: silent
        i++;
        continue;
      case 98: // b
      case 118: // v
        emit('B');
        break;
      case 99: // c
        if (next === H) {
          const after = letterAt(token, i + 2);
          if (after === 114)
            emit('K'); // chr
          else emit('X');
          i += 2;
          continue;
        }
        if (isFront(next)) emit('S');
        else emit('K');
        break;
      case 100: // d
      case 116: // t
        if (c === 116 && next === H) {
          emit('T');
          i += 2;
          continue;
        }
        emit('T');
        break;
      case 102: // f
        emit('F');
        break;
      case 103: // g
        if (next === H) {
          if (!started) emit('J');
          i += 2;
          continue;
        }
        if (next === 110) {
          // gn: the g is not heard (Agnès, Gnocchi)
          i++;
          continue;
        }
        if (isFront(next)) emit('J');
        else if (next === 117 && isFront(letterAt(token, i + 2))) {
          emit('J'); // gue, gui: the u is silent
          i += 2;
          continue;
        } else emit('J');
        break;
      case 106: // j
        emit('J');
        break;
      case 107: // k
        if (!started && next === 110) {
          i++;
          continue;
        }
        emit('K');
        break;
      case 108: // l
        if (!started && next === 108) {
          emit('Y');
          i += 2;
          continue;
        }
        emit('L');
        break;
      case 109: // m
        emit('M');
        break;
      case 110: // n
        emit('N');
        break;
      case 112: // p
        if (next === H) {
          emit('F');
          i += 2;
          continue;
        }
        emit('P');
        break;
      case 113: // q
        emit('K');
        if (next === 117) {
          i += 2; // the u of qu is silent
          continue;
        }
        break;
      case 114: // r
        emit('R');
        break;
      case 115: // s
        if (next === H) {
          emit('X');
          i += 2;
          continue;
        }
        if (next === CH && letterAt(token, i + 2) === H) {
          emit('X');
          i += 3;
          continue;
        }
        emit('S');
        break;
      case 119: // w
        if (!started && next === 114) {
          i++;
          continue;
        }
        emit('W');
        if (next === H) {
          i += 2;
          continue;
        }
        break;
      case 120: // x
        if (isVowel(next)) emit('J');
        else {
          emit('K');
          key += 'S';
          last = 'S';
        }
        break;
      case 122: // z
        emit('S');
        break;
    }
    i++;
  }
  return key;
}
