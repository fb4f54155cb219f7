import type { OrukCostOption } from './schema.ts';
import { normaliseWords } from './words.ts';

/**
 * What a service costs. `free` only when the feed says so; a charge's words when it gives them; and
 * neither when it says nothing, which the app shows as "not given", never as a charge.
 */
export interface Cost {
  free: boolean;
  cost?: string;
}

const FREE_WORDS = [
  ' free ',
  ' no charge ',
  ' no cost ',
  ' free of charge ',
  ' nil ',
  ' none ',
  ' 0 ',
  ' 0 00 ',
];

/** True when fees text says there is nothing to pay: "Free", "No charge", "£0", "None". */
export function feesSayFree(text: string): boolean {
  const words = normaliseWords(text);
  if (words.startsWith(' free ')) return true;
  const whole = words.trim();
  return (
    FREE_WORDS.some((phrase) => phrase.trim() === whole) || / (?:is|are|totally|completely) free /.test(words)
  );
}

function describeCosts(options: readonly OrukCostOption[]): string | undefined {
  const described = options
    .filter((option) => option.amount !== undefined && option.amount > 0)
    .map((option) => {
      const currency = option.currency?.trim().toUpperCase();
      const amount = option.amount ?? 0;
      const money =
        currency === undefined || currency === 'GBP'
          ? `£${Number.isInteger(amount) ? amount : amount.toFixed(2)}`
          : `${amount} ${currency}`;
      return [option.option ? `${option.option}:` : undefined, money, option.amount_description]
        .filter(Boolean)
        .join(' ');
    });
  return described.length > 0 ? described.join('; ') : undefined;
}

function isFreeOption(option: OrukCostOption): boolean {
  return option.amount === 0 || /\bfree\b/i.test(`${option.option ?? ''} ${option.amount_description ?? ''}`);
}

/** The fees' words already cleaned to plain text; `options` without those that could not be read. */
export function costOf(
  options: readonly OrukCostOption[],
  words: { feesDescription?: string; fees?: string },
): Cost {
  if (options.length > 0) {
    return {
      free: options.some(isFreeOption),
      cost: words.feesDescription ?? describeCosts(options) ?? words.fees,
    };
  }
  const fees = words.feesDescription ?? words.fees;
  if (fees === undefined) return { free: false };
  return { free: feesSayFree(fees), cost: fees };
}
