import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/server/auth/password-policy.ts';

const EMAIL = 'sam.jones@signpost.example';

describe('the password policy (NCSC, NIST SP 800-63B)', () => {
  it('refuses the most common passwords from breaches, however they are dressed up', async () => {
    for (const password of [
      'password1234',
      'PASSWORD1234',
      '123456789012',
      'iloveyou2024!!',
      'P@ssw0rd2024!',
      '!!!Sunshine!!!1',
      'qwertyuiop123',
      'passwordpassword',
    ]) {
      expect(await passwordProblem(password, EMAIL), password).toBe('too-common');
    }
  });

  it('refuses repeated and sequential characters', async () => {
    for (const password of [
      'aaaaaaaaaaaa',
      'abababababab',
      'abcdefghijklm',
      'zyxwvutsrqpo',
      'qwertyuiopas',
      '1qaz2wsx3edc',
    ]) {
      expect(await passwordProblem(password, EMAIL), password).toBe('too-common');
    }
  });

  it('refuses a password with the email address, or the part before the @, in it', async () => {
    expect(await passwordProblem('sam.jones@signpost.example', EMAIL)).toBe('contains-email');
    expect(await passwordProblem('my name is SAM.JONES ok', EMAIL)).toBe('contains-email');
    // Too short a local part to mean anything: "jo" is in many words.
    expect(await passwordProblem('enjoy the long journey home', 'jo@signpost.example')).toBeUndefined();
  });

  it('welcomes long passphrases and random passwords, with no rules about kinds of character', async () => {
    for (const password of [
      'tea in the garden at four',
      'correct horse battery staple',
      'purple monkey dishwasher 7',
      'Xk4-vR9q-2mLw',
      'ffordd y môr yn las',
      'مرحبا بكم في اسكس',
    ]) {
      expect(await passwordProblem(password, EMAIL), password).toBeUndefined();
    }
  });
});
