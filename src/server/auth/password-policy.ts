/**
 * What a new staff password must be, as the NCSC's password guidance and NIST SP 800-63B §5.1.1.2 advise:
 * long enough (checked by the request schema), no rules about which kinds of character it holds, and
 * refused when it is easy to guess all the same: one of the most common passwords from breaches, a
 * common one with a few characters added or letters swapped for look-alikes, repeated or sequential
 * characters, or the account's own email address.
 */

export type PasswordProblem = 'too-common' | 'contains-email';

let common: Promise<ReadonlySet<string>> | undefined;

/**
 * About 50,000 of the most common passwords from public breaches (zxcvbn-ts's list, kept up to date by
 * that project), loaded on the first password change rather than at start: about 7 MB, once.
 */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((word) => word.toLowerCase())),
  );
  return common;
}

/** The look-alikes people swap in for letters, so `P@ssw0rd` is recognised as `password`. */
const LOOK_ALIKES: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '1': 'i',
  '!': 'i',
  '|': 'l',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};

function plain(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

/** The password without the digits and symbols people put before or after a word to meet old rules. */
function core(password: string): string {
  return password.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
}

function withoutLookAlikes(word: string): string {
  return [...word].map((char) => LOOK_ALIKES[char] ?? char).join('');
}

/** Rows of a UK keyboard and the alphabet and digits, each read either way, for "qwertyuiop" and "987654". */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv',
];

function isSequence(text: string): boolean {
  const chars = [...text];
  return SEQUENCES.some((sequence) =>
    [1, -1].some((step) =>
      chars.every((char, i) => {
        if (i === 0) return true;
        const at = sequence.indexOf(chars[i - 1] ?? '');
        return at >= 0 && sequence[at + step] === char;
      }),
    ),
  );
}

/** "aaaaaaaaaaaa", "abababababab", "passwordpassword": one short run, or few characters, over and over. */
function isRepetitive(text: string): boolean {
  return /^(.+?)\1+$/su.test(text) || new Set(text).size < 5;
}

/** The first reason a new password would be easy to guess, or undefined when there is none. */
export async function passwordProblem(password: string, email: string): Promise<PasswordProblem | undefined> {
  const text = plain(password);
  const local = plain(email).split('@')[0] ?? '';
  if (local.length >= 3 && text.replace(/\s/g, '').includes(local.replace(/\s/g, '')))
    return 'contains-email';
  const list = await commonPasswords();
  const compact = text.replace(/\s/g, '');
  const candidates = new Set([
    compact,
    core(compact),
    withoutLookAlikes(core(compact)),
    withoutLookAlikes(compact),
  ]);
  for (const candidate of candidates) {
    if (candidate.length < 4) continue;
    if (list.has(candidate) || isRepetitive(candidate) || isSequence(candidate)) return 'too-common';
  }
  return undefined;
}
