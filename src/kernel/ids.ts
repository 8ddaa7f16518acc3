import { uuidv7 } from 'uuidv7';

/** Ids are made by the application (time-ordered UUIDv7) so an organisation copies with plain INSERT…SELECT. */
export function newId(): string {
  return uuidv7();
}
