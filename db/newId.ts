import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so ids index well and sort by creation, and are safe to merge across databases. */
export function newId(): string {
  return v7();
}
