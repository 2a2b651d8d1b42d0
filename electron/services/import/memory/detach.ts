// Cells are views into the parser's chunk of text; what outlives a chunk is copied flat.
/**
 * A flat copy of `s` that does not point into the parser's chunk. V8 keeps substrings of 13+ characters as
 * views of their parent, so a key held in a long-lived map would otherwise keep a whole 1 MB chunk alive.
 * (Slicing a copy, as in (' ' + s).slice(1), is itself such a view, of an extra copy: two objects per key.)
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

export function detachOrNull(s: string): string;
export function detachOrNull(s: string | null): string | null;
export function detachOrNull(s: string | null): string | null {
  return s === null ? s : detach(s);
}
