// Client-safe text helpers for Vietnamese: search keys, slugs, duplicate keys.

/** "Đặc khu Phú Quốc" → "Dac khu Phu Quoc": NFD, combining marks dropped, đ/Đ → d/D. */
export function stripDiacritics(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

/** Lower-case, no diacritics, runs of whitespace collapsed to one space, trimmed. */
export function foldText(input: string): string {
  return stripDiacritics(input).toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * "Hỗ trợ ngư dân nghèo sửa máy tàu ở Rạch Giá" → "ho-tro-ngu-dan-ngheo-sua-may-tau-o-rach-gia".
 * Only a–z, 0–9 and single hyphens; cut at a hyphen to at most `maxLength` characters.
 * Returns "" when nothing is left (callers add a fallback such as an id).
 */
export function slugify(input: string, maxLength = 80): string {
  const slug = stripDiacritics(input)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength)).replace(/-+$/g, "");
}
