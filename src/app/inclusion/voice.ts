/** What the Listen button needs from the Web Speech API, kept apart so it can be tested without speech. */
export interface VoiceLike {
  lang: string;
  localService: boolean;
  default: boolean;
}

function primary(tag: string): string {
  return tag.toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';
}

/**
 * The device's best voice for a language: one installed on the device first (it works with no
 * connection), then one for the same region (en-GB before en-US), then the device's default. A voice
 * that needs the network is used only while online.
 */
export function chooseVoice<V extends VoiceLike>(
  voices: readonly V[],
  lang: string,
  online: boolean,
): V | undefined {
  const wanted = lang.toLowerCase();
  const score = (voice: V) =>
    (voice.localService ? 4 : 0) +
    (voice.lang.toLowerCase().replace(/_/g, '-') === wanted ? 2 : 0) +
    (voice.default ? 1 : 0);
  const best = voices
    .filter((voice) => primary(voice.lang) === primary(lang))
    .filter((voice) => voice.localService || online)
    .sort((a, b) => score(b) - score(a))[0];
  return best;
}
