// Money is integer fen (分). Conversions go through strings so that 0.1 + 0.2 never leaks into storage.

export function fenToYuanString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

export function formatMoney(fen: number | null, currency = 'CNY'): string {
  if (fen === null) return '—';
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  const [int = '0', dec = '00'] = fenToYuanString(fen).split('.');
  const negative = int.startsWith('-');
  const grouped = (negative ? int.slice(1) : int).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${symbol}${grouped}.${dec}`;
}

/** Parses a plain decimal yuan string ("12800", "12800.5") into fen, rounding half-up; null when not a number. */
export function yuanStringToFen(text: string): number | null {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const [, neg, int = '0', frac = ''] = m;
  const padded = (frac + '000').slice(0, 3);
  let fen = Number(int) * 100 + Number(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) fen += 1;
  return neg ? -fen : fen;
}
