import { createHmac } from 'node:crypto';

/** A login's stable pseudonym: the first 16 hex characters of HMAC-SHA256(key, login). */
export function pseudonym(key: string, login: string): string {
  return createHmac('sha256', key).update(login).digest('hex').slice(0, 16);
}

/** How derived files and the summary show a login: as is, or pseudonymized when a key is set. */
export function loginShower(key: string | undefined): (login: string) => string {
  return key ? (login) => pseudonym(key, login) : (login) => login;
}
