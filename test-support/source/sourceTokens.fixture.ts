// What tableShapes.test.ts must catch, and what it must not: a row with a column key, a table in a string,
// a column in a string after `//` and in a template's text, but not the words of this comment (deleted_at).
export const row = { owner_id: null, note: 'a // b next_done_at' };
export const table = 'follow_ups';
export const sql = `SET ${{ a: 1 }.a} custom_fields = ?`; // archived_at stays unread
