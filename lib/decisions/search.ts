/** What the decision log's search looks in: title, use case and every note, lower-cased. */
export function searchTextOf(title: string, context: string, notes: Readonly<Record<string, string | null | undefined>>): string {
  return [title, context, ...Object.values(notes).filter((n): n is string => typeof n === "string")]
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
}

/** At most this many words of a query count (the rest are ignored). */
export const MAX_SEARCH_WORDS = 8;

/**
 * The words of a search box entry, as the full-text index sees them: normalised like
 * the indexed text, split on white space, without "words" that hold no letter or digit
 * (they match nothing in either index and would only break its query syntax).
 */
export function searchWords(q: string): string[] {
  return q
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_SEARCH_WORDS);
}

/**
 * SQLite FTS5 MATCH expression: every word must occur, each as a prefix ("refund" finds
 * "refunds"). A word is a quoted string (FTS5 doubles quotes inside), so nothing a user
 * types is read as query syntax; the tokenizer splits it as it split the text
 * ("gpt-4o" → the phrase "gpt 4o…").
 */
export function ftsMatchQuery(words: readonly string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(" ");
}

/**
 * PostgreSQL to_tsquery('simple', …) input: every word must occur, each as a prefix.
 * Each word is a quoted lexeme (backslash and quote escaped), so a user's `&`, `|`, `!`
 * or `:` are text, not operators.
 */
export function tsPrefixQuery(words: readonly string[]): string {
  return words.map((w) => `'${w.replace(/[\\']/g, "\\$&")}':*`).join(" & ");
}
