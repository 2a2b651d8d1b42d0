import dayjs, { type Dayjs } from 'dayjs';
import { MAX_SUPPORTED_DATE, MIN_SUPPORTED_DATE } from '../../shared/domain/dates.ts';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** A DatePicker's bounds: the dates the API accepts (1900–2199), so one outside cannot be picked or typed. */
export const PICKER_DATE_RANGE = { minDate: dayjs(MIN_SUPPORTED_DATE, DATE_FORMAT), maxDate: dayjs(MAX_SUPPORTED_DATE, DATE_FORMAT) };

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
