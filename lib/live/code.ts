/**
 * Join codes: 6 characters people can read aloud and type on a phone. The
 * alphabet leaves out look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B). Uniqueness is
 * the database's job (a unique index; the DAL retries on a clash).
 */
export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  while (out.length < JOIN_CODE_LENGTH) {
    for (const byte of random(JOIN_CODE_LENGTH * 2)) {
      if (byte < limit && out.length < JOIN_CODE_LENGTH) out.push(JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]!);
    }
  }
  return out.join("");
}

/** What a person typed, normalised (case, spaces, dashes); null when it cannot be a code. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
