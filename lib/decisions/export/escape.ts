/**
 * Escaping user text for CommonMark + GFM so it can never change the
 * document's structure: no stray headings, lists, tables cells, code, HTML,
 * links or emphasis. Every ASCII punctuation character may be
 * backslash-escaped in CommonMark, so over-escaping is always safe.
 */

/** Characters that are markup anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_{}[\]<>|#~&!]/g;

/** One physical line: tabs to spaces, no leading indentation (which would start a code block). */
function cleanLine(line: string): string {
  return line.replace(/\t/g, " ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}

/** Block starts that the inline escape does not cover: list markers, setext underlines, ordered lists. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

function escapeLine(line: string): string {
  return escapeLineStart(cleanLine(line).replace(INLINE_SPECIALS, "\\$&"));
}

/** Text for one line of Markdown (a heading, a list item, a table cell): newlines become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(text.replace(/\r\n?|\n|\u2028|\u2029/g, " ").replace(/ {2,}/g, " "));
}

/**
 * Multi-line text as Markdown paragraphs: blank lines separate paragraphs,
 * single newlines are kept as hard line breaks (a trailing backslash).
 * Returns the lines, for the caller to indent or quote.
 */
export function escapeBlock(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").map(escapeLine).filter((line) => line !== ""))
    .filter((lines) => lines.length > 0);
  const out: string[] = [];
  paragraphs.forEach((lines, index) => {
    if (index > 0) out.push("");
    lines.forEach((line, i) => out.push(i < lines.length - 1 ? `${line}\\` : line));
  });
  return out;
}

/** A URL safe inside `[text](url)`: no spaces, angle brackets or parentheses left raw. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s<>()\\]/g, (c) => encodeURIComponent(c));
}

/** "Contract-clause extractor" → "contract-clause-extractor" (ASCII only, for file names). */
export function slugify(title: string, fallback = "decision"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || fallback;
}
