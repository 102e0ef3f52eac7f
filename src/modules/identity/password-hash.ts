import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the user does not exist, so that timing does not reveal usernames. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$WwQ5TxbWD8Lwpq/jPBszgg$7M+NA5xcSe80wlWLymq9CJ4DJs6NrsZXJcuewND/cGg';
