const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Escapes LIKE wildcards so a search for "a_b" finds exactly that; the pattern matches a prefix. */
export function likePrefix(text: string): string {
  return `${escapeLike(text)}%`;
}

/** The same escaping, matching the text anywhere (an MRN's digits: "1002" finds "DEMO-1002"). */
export function likeAnywhere(text: string): string {
  return `%${escapeLike(text)}%`;
}
