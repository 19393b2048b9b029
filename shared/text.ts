/**
 * Fold a string for search: drop Vietnamese (and other) diacritics, map đ/Đ to d, lower-case,
 * collapse spaces. "Nguyễn Văn" and "nguyen van" fold to the same text.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
