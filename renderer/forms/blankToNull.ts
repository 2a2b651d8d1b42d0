/** Empty inputs are sent as null: the API clears a field with null, and '' would fail phone/e-mail checks. */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}
