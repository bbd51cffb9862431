/**
 * Formula text split into the pieces a rewrite must tell apart, so that rewriting references never
 * touches text inside "string literals", 'quoted sheet names' or [structured reference brackets].
 */

export interface Piece {
  kind: "code" | "string" | "quoted" | "bracket";
  text: string;
}

/** Index just past the closing quote of a literal opened at `start` ("" or '' escape the quote). */
function endOfQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** Index just past the "]" closing the group opened at `start`; inside, ' escapes the next character. */
export function endOfBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return text.length;
}

export function splitFormula(text: string): Piece[] {
  const pieces: Piece[] = [];
  let code = "";
  const flush = () => {
    if (code) pieces.push({ kind: "code", text: code });
    code = "";
  };
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      const end = ch === "[" ? endOfBracket(text, i) : endOfQuoted(text, i, ch);
      flush();
      pieces.push({
        kind: ch === '"' ? "string" : ch === "'" ? "quoted" : "bracket",
        text: text.slice(i, end),
      });
      i = end;
    } else {
      code += ch;
      i++;
    }
  }
  flush();
  return pieces;
}

export const isFormula = (value: unknown): value is string =>
  typeof value === "string" && value.startsWith("=") && value.length > 1;

const UNQUOTED_SHEET = /(^|[^\p{L}\p{N}_.$'\]])([\p{L}_][\p{L}\p{N}_.]*)!/gu;

/**
 * Rewrites references to sheet `from` so they name `to`, as Excel does when a sheet is renamed.
 * `prefix` writes the new name (quoted or not) before its "!".
 */
export function renameSheetReferences(
  formula: string,
  from: string,
  to: string,
  prefix: (name: string) => string,
): string {
  const same = (name: string) => name.toLowerCase() === from.toLowerCase();
  const pieces = splitFormula(formula);
  return pieces
    .map((piece, i) => {
      if (piece.kind === "quoted") {
        const followedByBang = pieces[i + 1]?.kind === "code" && pieces[i + 1].text.startsWith("!");
        const name = piece.text.slice(1, -1).replace(/''/g, "'");
        return followedByBang && same(name) ? prefix(to) : piece.text;
      }
      if (piece.kind !== "code") return piece.text;
      return piece.text.replace(UNQUOTED_SHEET, (whole, before: string, name: string) =>
        same(name) ? `${before}${prefix(to)}!` : whole,
      );
    })
    .join("");
}

const BARE_RANGE = /^=\s*((?:'(?:[^']|'')+'|[\p{L}\p{N}_.]+)!)?\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+\s*$/iu;

/**
 * "=A1:B3" spills in Excel, but HyperFormula gives #VALUE! for a formula that is only a range;
 * "=+A1:B3" is the same values through array arithmetic, which HyperFormula spills.
 */
export function spillBareRange(formula: string): string {
  return BARE_RANGE.test(formula) ? `=+${formula.slice(1).trimStart()}` : formula;
}

const UPPER_EXPONENT = /(?<![\p{L}\p{N}_.$])(\d+(?:\.\d*)?|\.\d+)E(?=[+-]?\d)/gu;

/** Excel writes 1E-9; HyperFormula reads only 1e-9. Text in quotes is left alone. */
export function lowerExponents(formula: string): string {
  return splitFormula(formula)
    .map((piece) => (piece.kind === "code" ? piece.text.replace(UPPER_EXPONENT, "$1e") : piece.text))
    .join("");
}
