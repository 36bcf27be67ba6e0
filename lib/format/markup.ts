/** Text made safe inside HTML or XML, in element content and double-quoted attributes alike. */
export const escapeMarkup = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
