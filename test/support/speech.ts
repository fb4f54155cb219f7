import type { Page } from '@playwright/test';

/**
 * The device's speech, stood in for: headless Chromium has no voices. The stand-in records what it is
 * asked to say and lets the test add voices (as `voiceschanged` does) and finish speaking.
 * Pass `fakeSpeech` to `context.addInitScript` before the first page opens.
 */
export function fakeSpeech() {
  const voices: Array<{ name: string; lang: string; localService: boolean; default: boolean }> = [];
  const queue: Array<{
    text: string;
    lang: string;
    voice: { name: string };
    onend?: () => void;
    onerror?: (e: unknown) => void;
  }> = [];
  const synth = new EventTarget() as EventTarget & Record<string, unknown>;
  const record = { spoken: [] as Array<{ text: string; lang: string; voice: string }>, cancelled: 0 };
  Object.assign(synth, {
    getVoices: () => voices,
    speak(utterance: (typeof queue)[number]) {
      queue.push(utterance);
      record.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
    },
    cancel() {
      record.cancelled++;
      for (const utterance of queue.splice(0)) utterance.onerror?.({ error: 'canceled' });
    },
  });
  class Utterance {
    text: string;
    lang = '';
    voice: unknown = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.assign(window, {
    __speech: record,
    __addVoice(lang: string, localService: boolean) {
      voices.push({ name: `${lang} voice`, lang, localService, default: false });
      synth.dispatchEvent(new Event('voiceschanged'));
    },
    __finishSpeaking() {
      for (const utterance of queue.splice(0)) utterance.onend?.();
    },
  });
}

/** The device gains a voice for this language (`local`: it works with no connection). */
export async function addVoice(page: Page, lang: string, local = true): Promise<void> {
  await page.evaluate(
    ([lang, local]) =>
      (window as unknown as { __addVoice: (l: string, local: boolean) => void }).__addVoice(
        lang as string,
        local as boolean,
      ),
    [lang, local] as const,
  );
}

/** What the page has asked the device to say, in order. */
export function spoken(page: Page): Promise<Array<{ text: string; lang: string; voice: string }>> {
  return page.evaluate(
    () =>
      (window as unknown as { __speech: { spoken: Array<{ text: string; lang: string; voice: string }> } })
        .__speech.spoken,
  );
}

/** The device finishes saying everything it was asked to. */
export async function finishSpeaking(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking());
}
