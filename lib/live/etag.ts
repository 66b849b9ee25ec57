/** A live room's ETag is "<room revision>-<participant revision>"; both only grow. Is `a` a newer state than `b`? */
export function isNewerEtag(a: string, b: string): boolean {
  const [ra = 0, pa = 0] = a.replaceAll('"', "").split("-").map(Number);
  const [rb = 0, pb = 0] = b.replaceAll('"', "").split("-").map(Number);
  return ra > rb || (ra === rb && pa > pb);
}
