import { z } from 'zod/mini';
import { mailtoHref, telHref, websiteHref } from './contact.ts';

/**
 * A service description in a small, safe structure: paragraphs and lists of text, with bold lead-ins
 * and links. The importer turns a feed's HTML into this on the server; the app draws it with its own
 * elements, so nothing a feed writes is ever handed to the browser as markup. A "\n" inside a piece of
 * text is a line break.
 */

/** A piece of a paragraph or list item: text, bold text, or a link. */
export const RichInline = z.union([
  z.string(),
  z.object({ strong: z.string() }),
  z.object({ href: z.string(), text: z.string() }),
]);
export type RichInline = z.infer<typeof RichInline>;

export const RichBlock = z.union([
  z.object({ p: z.array(RichInline) }),
  z.object({ ul: z.array(z.array(RichInline)) }),
  z.object({ ol: z.array(z.array(RichInline)) }),
]);
export type RichBlock = z.infer<typeof RichBlock>;

export const RichText = z.array(RichBlock);
export type RichText = z.infer<typeof RichText>;

// "leaflet.pdf" and "carers.html" are pages beside the feed's own, not web addresses.
const FILE_NAME = /\.(?:html?|php|aspx?|pdf|docx?|xlsx?|jpe?g|png|gif)$/i;

/**
 * The address a description may link to, tidied, or undefined for anything else: http and https web
 * addresses, one email address (`mailto:`, without subject or body) and phone numbers (`tel:`).
 */
export function safeLinkHref(href: string): string | undefined {
  // Editors let staff link to "www.example.org" or "example.org/carers"; a browser would read either as
  // a page on Signpost. A link with no scheme that starts with a host name is read as https.
  const given = href.trim();
  const hostFirst =
    /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#:]|$)/i.test(given) &&
    !FILE_NAME.test(given.split(/[/?#]/)[0] ?? '');
  const trimmed = hostFirst ? `https://${given}` : given;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'mailto') {
    let address: string;
    try {
      address = decodeURIComponent(trimmed.slice('mailto:'.length).split('?')[0] ?? '');
    } catch {
      return undefined;
    }
    return mailtoHref(address.trim());
  }
  if (scheme === 'tel') {
    let number: string;
    try {
      number = decodeURIComponent(trimmed.slice('tel:'.length));
    } catch {
      return undefined;
    }
    return telHref(number);
  }
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const website = websiteHref(trimmed);
  // A link to a bare host ("http://intranet") is no use to a resident.
  return website !== undefined && new URL(website).hostname.includes('.') ? website : undefined;
}

function inlineText(inline: RichInline): string {
  if (typeof inline === 'string') return inline;
  return 'strong' in inline ? inline.strong : inline.text;
}

/** A paragraph's or list item's words, as plain text. */
export function inlinesText(inlines: readonly RichInline[]): string {
  return inlines.map(inlineText).join('');
}

/**
 * The description as plain text, for search, result cards and summaries: paragraphs apart by a blank
 * line, each list item on a line of its own.
 */
export function richTextPlain(blocks: RichText): string {
  return blocks
    .map((block) =>
      'p' in block ? inlinesText(block.p) : ('ul' in block ? block.ul : block.ol).map(inlinesText).join('\n'),
    )
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/** True when the structure says more than its plain text can: a list, a link or bold words. */
export function needsStructure(blocks: RichText): boolean {
  const rich = (inlines: readonly RichInline[]) => inlines.some((inline) => typeof inline !== 'string');
  return blocks.some((block) => !('p' in block) || rich(block.p));
}

/** Plain text's paragraphs (apart by a blank line), each a list of its lines. */
export function plainParagraphs(text: string): string[][] {
  return text
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

function inlinesHtml(inlines: readonly RichInline[]): string {
  return inlines
    .map((inline) => {
      if (typeof inline === 'string') return escapeHtml(inline).replaceAll('\n', '<br>');
      if ('strong' in inline) return `<strong>${escapeHtml(inline.strong)}</strong>`;
      return `<a href="${escapeHtml(inline.href)}">${escapeHtml(inline.text)}</a>`;
    })
    .join('');
}

/** The structure back as simple HTML, for Signpost's own ORUK output when it has no original to serve. */
export function richTextHtml(blocks: RichText): string {
  return blocks
    .map((block) => {
      if ('p' in block) return `<p>${inlinesHtml(block.p)}</p>`;
      const [tag, items] = 'ul' in block ? (['ul', block.ul] as const) : (['ol', block.ol] as const);
      return `<${tag}>${items.map((item) => `<li>${inlinesHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('');
}
