import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The user's local calendar date; the server is told "today" so its due lists match the screen. */
export function todayIso(): string {
  return dayjs().format(DATE_FORMAT);
}

/** Calendar days from today to `date` (negative when it has passed). */
export function daysFromToday(date: string): number {
  return dayjs(date, DATE_FORMAT).startOf('day').diff(dayjs().startOf('day'), 'day');
}

/** An ISO instant shown in the local zone. */
export function formatInstant(iso: string | null, withTime = false): string {
  if (!iso) return '—';
  return dayjs(iso).format(withTime ? 'YYYY-MM-DD HH:mm' : DATE_FORMAT);
}

export function toDayjs(date: string | null | undefined): Dayjs | null {
  return date ? dayjs(date, DATE_FORMAT) : null;
}

export function fromDayjs(value: Dayjs | null | undefined): string | null {
  return value ? value.format(DATE_FORMAT) : null;
}
