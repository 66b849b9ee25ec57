/** What the decision log's search looks in: title, use case and every note, lower-cased. */
export function searchTextOf(title: string, context: string, notes: Readonly<Record<string, string | null | undefined>>): string {
  return [title, context, ...Object.values(notes).filter((n): n is string => typeof n === "string")]
    .join("\n")
    .normalize("NFKC")
    .toLowerCase();
}
