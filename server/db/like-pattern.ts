/** Escapes LIKE wildcards so a search for "a_b" finds exactly that; the pattern matches a prefix. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
