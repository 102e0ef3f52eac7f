import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Ballot tokens and receipt codes. The design (docs/SECURITY.md, "The vote"):
 *
 * - A token is 160 random bits, written in Crockford base32 (32 characters, shown in groups of four;
 *   O/I/L are read as 0/1/1), rendered by the pages as a QR code. The server hands it out once, at
 *   check-in or on a printed slip, and never stores it.
 * - Two unrelated hashes are derived from it with different labels: the "issued" hash is stored in
 *   voting_tokens (a token was issued for this session), the "cast" hash on the ballot (one ballot per
 *   token). Neither can be computed from the other, so even someone holding the whole database
 *   cannot join a token row (or the check-in made in the same transaction) to a ballot.
 * - The receipt code is HMAC-SHA256(per-session secret, token), truncated to 80 bits: shown to the
 *   deputy once, stored only as a hash on the ballot. A retried submission with the same token
 *   recomputes the same receipt from the token, so it is answered with the first receipt without the
 *   receipt ever being kept in plain text. Without the token the secret alone yields nothing.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TOKEN_BYTES = 20;
const TOKEN_CHARS = (TOKEN_BYTES * 8) / 5;
const RECEIPT_BYTES = 10;
const RECEIPT_CHARS = (RECEIPT_BYTES * 8) / 5;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Upper case, separators dropped, look-alikes read as digits; null if it cannot be a code. */
function canonical(text: string, length: number): string | null {
  const compact = text
    .toUpperCase()
    .replace(/[\s\-_\u3000]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== length) return null;
  for (const c of compact) if (!ALPHABET.includes(c)) return null;
  return compact;
}

function grouped(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A fresh ballot token, as shown to the deputy (groups of four). */
export function newBallotToken(): string {
  return grouped(base32(randomBytes(TOKEN_BYTES)));
}

/** The canonical token, or null when the text is not a well-formed token. */
export function canonicalToken(text: string): string | null {
  return canonical(text, TOKEN_CHARS);
}

/** Stored in voting_tokens: "a token was issued". */
export function issuedHash(token: string): string {
  return sha256(`minsheng/ballot-token/issued\0${token}`);
}

/** Stored on the ballot: "this token has cast a ballot". */
export function castTag(token: string): string {
  return sha256(`minsheng/ballot-token/cast\0${token}`);
}

export function newReceiptSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The receipt code of the ballot cast with this token, as shown to the deputy. */
export function receiptFor(secretHex: string, token: string): string {
  const mac = createHmac('sha256', Buffer.from(secretHex, 'hex'))
    .update(`minsheng/receipt\0${token}`, 'utf8')
    .digest();
  return grouped(base32(mac.subarray(0, RECEIPT_BYTES)));
}

export function canonicalReceipt(text: string): string | null {
  return canonical(text, RECEIPT_CHARS);
}

/** Stored on the ballot and published: the hash of the canonical receipt code. */
export function receiptHash(receipt: string): string {
  const code = canonicalReceipt(receipt);
  if (!code) throw new Error('not a receipt code');
  return sha256(`minsheng/receipt-hash\0${code}`);
}
