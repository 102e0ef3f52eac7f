import { cleanCell, splitPeople, toHalfWidth } from './text.rules';

/**
 * 责任人及联系电话: "李慧鑫 18235666981", several people in one cell, one per line or in a row,
 * mobile numbers or local landlines ("7098335", "0356-7098335"). Each number belongs to the name
 * written just before it.
 */
export interface Contact {
  readonly name: string;
  readonly phone: string | null;
}

export interface ContactsCell {
  readonly contacts: Contact[];
  readonly notes: string[];
}

// Mobile numbers are sometimes grouped "138 3569 5708"; landlines may carry an area code.
const PHONE = /(?<!\d)(1[3-9]\d(?:[\s-]?\d{4}){2}|(?:0\d{2,3}[\s-]?)?[2-9]\d{6,7})(?!\d)/g;

export function parseContacts(raw: string): ContactsCell {
  const text = toHalfWidth(cleanCell(raw)).replace(/[（(]\s*(手机|电话|办|宅)?\s*[)）]/g, ' ');
  const contacts: Contact[] = [];
  const notes: string[] = [];
  let cursor = 0;
  for (const match of text.matchAll(PHONE)) {
    const phone = match[1]!.replace(/[\s]/g, '');
    const names = namesIn(text.slice(cursor, match.index));
    cursor = match.index + match[0].length;
    if (names.length === 0) {
      contacts.push({ name: '', phone });
      notes.push(`电话 ${phone} 前没有写责任人姓名`);
      continue;
    }
    for (const name of names.slice(0, -1)) {
      contacts.push({ name, phone: null });
      notes.push(`责任人“${name}”没有联系电话`);
    }
    contacts.push({ name: names.at(-1)!, phone });
  }
  for (const name of namesIn(text.slice(cursor))) {
    contacts.push({ name, phone: null });
    notes.push(`责任人“${name}”没有联系电话`);
  }
  return { contacts, notes };
}

function namesIn(segment: string): string[] {
  const cleaned = segment.replace(/(联系)?电话|手机|[：:]/g, ' ').trim();
  return cleaned === '' ? [] : splitPeople(cleaned).names;
}
