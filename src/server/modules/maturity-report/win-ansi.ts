// pdfkit's built-in Helvetica (state-aid-documents.ts chose it: nothing to download or read from
// disk) encodes text as WinAnsi, and a character outside it does not just go missing: it garbles
// the rest of the line. A person's comment or a company's name may hold any character, so the
// report writes every text through `winAnsi`: a character the font has is kept, one with a
// diacritic the font lacks keeps its letter (ő → o), a few signs get their usual stand-in, and
// anything else becomes "?". The stored text is never changed, only how this file writes it.

const extra = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

function hasGlyph(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || extra.includes(char);
}

const standIns: Record<string, string> = {
  '\u2212': '-', // minus sign, as Intl writes a negative number in Swedish
  '\u2010': '-',
  '\u2011': '-',
  '\u202f': '\u00a0', // narrow no-break space (thousands in some locales)
  '\u2009': ' ',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2192': '->',
  '\u2070': '0',
  '\u2080': '0',
  '\u2081': '1',
  '\u2082': '2',
  '\u2083': '3',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

/** The text as the built-in fonts can write it (see above); line breaks are kept, tabs become spaces. */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\n' || hasGlyph(char)) out += char;
    else if (char === '\t' || char === '\r') out += char === '\t' ? ' ' : '';
    else if (standIns[char] !== undefined) out += standIns[char];
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(hasGlyph) ? base : '?';
    }
  }
  return out;
}
