/**
 * Just enough Markdown reading for the help-page tests: prose outside code blocks, level-2
 * sections with the lines they span, and pipe tables.
 */

/** The page's lines outside fenced code blocks (blanked, so line numbers stay right). */
export function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split(/\r?\n/).map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length) {
      fence = undefined;
      return "";
    }
    return fence === undefined ? line : "";
  });
}

export interface Section {
  heading: string;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based line of the section's last line. */
  end: number;
  /** The section's prose (code blocks blanked), heading excluded. */
  prose: string;
  /** The section's text as written, code blocks included, heading excluded. */
  text: string;
}

/** Level-2 sections in page order. A level-1 heading ends the current section. */
export function sectionList(markdown: string): Section[] {
  const result: Section[] = [];
  const raw = markdown.split(/\r?\n/);
  let current: Section | undefined;
  proseLines(markdown).forEach((text, index) => {
    const line = index + 1;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading && heading[1].length <= 2) {
      current =
        heading[1].length === 2 ? { heading: heading[2], line, end: line, prose: "", text: "" } : undefined;
      if (current) result.push(current);
    } else if (current) {
      current.prose += `${text}\n`;
      current.text += `${raw[index]}\n`;
      current.end = line;
    }
  });
  return result;
}

/** The cells of a table row, trimmed; escaped pipes (\|) stay inside their cell. */
export function tableCells(row: string): string[] {
  const inner = row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The pipe tables in some prose: each a header row and body rows, the delimiter row dropped. */
export function tables(prose: string): { header: string[]; rows: string[][] }[] {
  const result: { header: string[]; rows: string[][] }[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length >= 2 && /^[\s|:-]+$/.test(block[1])) {
      result.push({ header: tableCells(block[0]), rows: block.slice(2).map(tableCells) });
    }
    block = [];
  };
  for (const line of prose.split("\n")) {
    if (/^\s*\|/.test(line)) block.push(line);
    else flush();
  }
  flush();
  return result;
}

/** The `code spans` of some Markdown text, without their backticks. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}
