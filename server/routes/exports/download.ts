/** `attachment` with an ASCII file name: the browser saves the download instead of showing it. */
export const attachment = (name: string): string => `attachment; filename="${name}"`;
