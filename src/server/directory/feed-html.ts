import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import type { FeedText, FeedTextReader } from '../../domain/oruk/feed-text.ts';
import {
  needsStructure,
  richTextPlain,
  safeLinkHref,
  type RichBlock,
  type RichInline,
  type RichText,
} from '../../domain/rich-text.ts';

/**
 * Reads what council staff put in a feed's text fields: HTML from a rich-text editor (Word's markup
 * among it), text with its entities encoded once or twice, or plain text with line breaks. HTML is read
 * by htmlparser2, never by patterns, into Signpost's small structure (`domain/rich-text.ts`): paragraphs,
 * lists, line breaks, bold lead-ins and safe links. Everything else is kept as words or left out.
 */

type Event =
  | { kind: 'open'; name: string; attributes: Record<string, string> }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

// Elements that show a field is HTML: anything else in angle brackets ("<3", "<Name>") is text.
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'blockquote',
  'header',
  'footer',
  'main',
  'aside',
  'address',
  'figure',
  'figcaption',
  'center',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'dl',
  'dt',
  'dd',
  'hr',
  'nav',
  'details',
  'summary',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS = new Set(['ul', 'ol', 'menu']);
const BOLD = new Set(['strong', 'b']);
const INLINE = new Set([
  'a',
  'br',
  'em',
  'i',
  'u',
  'span',
  'font',
  'small',
  'sup',
  'sub',
  'abbr',
  'td',
  'th',
  'li',
  'img',
]);
// Their content is never words for a person: scripts, styles, Word's settings, embedded media.
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'xml',
  'select',
  'textarea',
  'canvas',
  'video',
  'audio',
]);

function isHtmlElement(name: string): boolean {
  return (
    BLOCKS.has(name) ||
    HEADINGS.has(name) ||
    LISTS.has(name) ||
    BOLD.has(name) ||
    INLINE.has(name) ||
    SKIPPED.has(name)
  );
}

function tokens(source: string): Event[] {
  const events: Event[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attributes) => events.push({ kind: 'open', name, attributes }),
      onclosetag: (name) => events.push({ kind: 'close', name }),
      // The parser hands text over in pieces around each entity: join them, so "&amp;nbsp;" is seen whole.
      ontext: (text) => {
        const last = events.at(-1);
        if (last?.kind === 'text') last.text += text;
        else events.push({ kind: 'text', text });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  return events;
}

function isHtml(events: readonly Event[]): boolean {
  return events.some((event) => event.kind === 'open' && isHtmlElement(event.name));
}

/** Text encoded twice ("&amp;amp;", "&amp;nbsp;") is common in feeds: decode what is left once more. */
function decodeLeftovers(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTML(text);
}

// No-break and zero-width spaces, and the byte-order mark, that editors leave behind.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

function tidySpaces(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\s\u00a0\u202f]+/g, ' ');
}

function tidyLines(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Adds to a list of inline pieces, joining text to the text before it. */
function append(target: RichInline[], piece: RichInline): void {
  const last = target.at(-1);
  if (typeof piece === 'string' && typeof last === 'string') target[target.length - 1] = last + piece;
  else if (typeof piece === 'object' && 'strong' in piece && typeof last === 'object' && 'strong' in last) {
    target[target.length - 1] = { strong: last.strong + piece.strong };
  } else target.push(piece);
}

/** Trims a paragraph's or item's pieces, and tidies spaces around its line breaks. */
function tidyInlines(pieces: readonly RichInline[]): RichInline[] {
  const out: RichInline[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') append(out, piece.replace(/ *\n */g, '\n'));
    else if ('strong' in piece) {
      // Spaces inside bold go outside it, so "<b>Note: </b>text" reads "Note: text".
      const inner = piece.strong.trim();
      if (inner === '') append(out, piece.strong === '' ? '' : ' ');
      else {
        if (/^\s/.test(piece.strong)) append(out, ' ');
        append(out, { strong: inner });
        if (/\s$/.test(piece.strong)) append(out, ' ');
      }
    } else out.push(piece);
  }
  const first = out[0];
  if (typeof first === 'string') out[0] = first.replace(/^[\s]+/, '');
  const last = out.at(-1);
  if (typeof last === 'string') out[out.length - 1] = last.replace(/[\s]+$/, '');
  return out
    .filter((piece) => piece !== '')
    .map((piece) => (typeof piece === 'string' ? piece.replace(/ {2,}/g, ' ') : piece));
}

/** A paragraph with a blank line in it ("text<br><br>text") is two paragraphs. */
function splitParagraph(pieces: readonly RichInline[]): RichInline[][] {
  const paragraphs: RichInline[][] = [[]];
  for (const piece of pieces) {
    if (typeof piece !== 'string' || !piece.includes('\n\n')) {
      paragraphs.at(-1)!.push(piece);
      continue;
    }
    const parts = piece.split(/\n{2,}/);
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part !== '') paragraphs.at(-1)!.push(part);
    });
  }
  return paragraphs.map(tidyInlines).filter((paragraph) => paragraph.length > 0);
}

function hasWords(pieces: readonly RichInline[]): boolean {
  return pieces.some((piece) => (typeof piece === 'string' ? piece.trim() !== '' : true));
}

interface OpenList {
  ordered: boolean;
  items: RichInline[][];
  current?: RichInline[];
}

interface OpenLink {
  href: string;
  words: string[];
}

/** Builds the structure from the parser's events. */
class Builder {
  readonly blocks: RichBlock[] = [];
  readonly droppedLinks: string[] = [];
  private paragraph: RichInline[] | undefined;
  private readonly lists: OpenList[] = [];
  private link: OpenLink | undefined;
  private bold = 0;
  private skipped = 0;

  constructor(private readonly keepNewlines: boolean) {}

  private target(): RichInline[] {
    const list = this.lists.at(-1);
    if (list) {
      list.current ??= [];
      return list.current;
    }
    this.paragraph ??= [];
    return this.paragraph;
  }

  private endParagraph(): void {
    if (this.paragraph && hasWords(this.paragraph)) {
      for (const p of splitParagraph(this.paragraph)) this.blocks.push({ p });
    }
    this.paragraph = undefined;
  }

  private endItem(list: OpenList): void {
    if (list.current && hasWords(list.current)) {
      const item = tidyInlines(
        list.current.map((piece) => (typeof piece === 'string' ? piece.replace(/\n{2,}/g, '\n') : piece)),
      );
      if (item.length > 0) list.items.push(item);
    }
    list.current = undefined;
  }

  /** Inside a list item a block starts a new line; elsewhere a new paragraph. */
  private breakBlock(): void {
    const list = this.lists.at(-1);
    if (list) {
      if (list.current && hasWords(list.current)) append(list.current, '\n');
    } else this.endParagraph();
  }

  text(raw: string): void {
    if (this.skipped > 0) return;
    const decoded = decodeLeftovers(raw);
    const words = this.keepNewlines
      ? decoded
          .replace(INVISIBLE, '')
          .replace(/\r\n?/g, '\n')
          .replace(/[^\S\n]+/g, ' ')
      : tidySpaces(decoded);
    if (this.link) this.link.words.push(words);
    else if (this.bold > 0) append(this.target(), { strong: words });
    else append(this.target(), words);
  }

  open(name: string, attributes: Record<string, string>): void {
    if (SKIPPED.has(name)) {
      this.skipped++;
      return;
    }
    if (this.skipped > 0) return;
    if (name === 'br') {
      if (this.link) this.link.words.push(' ');
      else append(this.target(), '\n');
    } else if (LISTS.has(name)) {
      const outer = this.lists.at(-1);
      if (outer) this.endItem(outer);
      else this.endParagraph();
      this.lists.push({ ordered: name === 'ol', items: [] });
    } else if (name === 'li') {
      if (this.lists.length === 0) {
        this.endParagraph();
        this.lists.push({ ordered: false, items: [] });
      }
      this.endItem(this.lists.at(-1)!);
    } else if (HEADINGS.has(name)) {
      this.breakBlock();
      this.bold++;
    } else if (BOLD.has(name)) this.bold++;
    else if (name === 'a') this.link = { href: attributes.href ?? '', words: [] };
    else if (BLOCKS.has(name)) this.breakBlock();
    else if (name === 'td' || name === 'th') append(this.target(), ' ');
  }

  close(name: string): void {
    if (SKIPPED.has(name)) {
      this.skipped = Math.max(0, this.skipped - 1);
      return;
    }
    if (this.skipped > 0) return;
    if (LISTS.has(name)) {
      const list = this.lists.pop();
      if (!list) return;
      this.endItem(list);
      const outer = this.lists.at(-1);
      // A list inside a list item is read as more items of the outer list: one level is enough on a phone.
      if (outer) outer.items.push(...list.items);
      else if (list.items.length > 0)
        this.blocks.push(list.ordered ? { ol: list.items } : { ul: list.items });
    } else if (name === 'li') {
      const list = this.lists.at(-1);
      if (list) this.endItem(list);
    } else if (HEADINGS.has(name)) {
      this.bold = Math.max(0, this.bold - 1);
      this.breakBlock();
    } else if (BOLD.has(name)) this.bold = Math.max(0, this.bold - 1);
    else if (name === 'a') this.closeLink();
    else if (BLOCKS.has(name)) this.breakBlock();
  }

  private closeLink(): void {
    const link = this.link;
    this.link = undefined;
    if (!link) return;
    const words = tidySpaces(link.words.join('')).trim();
    const href = link.href.trim() === '' ? undefined : safeLinkHref(link.href);
    if (link.href.trim() !== '' && href === undefined) this.droppedLinks.push(link.href.trim());
    if (words === '') {
      if (href !== undefined) append(this.target(), { href, text: href.replace(/^(mailto|tel):/, '') });
      return;
    }
    if (href === undefined) append(this.target(), this.bold > 0 ? { strong: words } : words);
    else append(this.target(), { href, text: words });
  }

  finish(): RichText {
    if (this.link) this.closeLink();
    while (this.lists.length > 0) this.close('ul');
    this.endParagraph();
    return this.blocks;
  }
}

function fromHtml(events: readonly Event[]): FeedText {
  // Inline markup alone ("<b>Note:</b> line one\nline two") keeps the field's own line breaks.
  const keepNewlines = !events.some(
    (event) =>
      event.kind === 'open' &&
      (BLOCKS.has(event.name) ||
        HEADINGS.has(event.name) ||
        LISTS.has(event.name) ||
        event.name === 'br' ||
        event.name === 'li'),
  );
  const builder = new Builder(keepNewlines);
  for (const event of events) {
    if (event.kind === 'text') builder.text(event.text);
    else if (event.kind === 'open') builder.open(event.name, event.attributes);
    else builder.close(event.name);
  }
  const blocks = builder.finish();
  const text = richTextPlain(blocks);
  return needsStructure(blocks)
    ? { text, blocks, droppedLinks: builder.droppedLinks }
    : { text, droppedLinks: builder.droppedLinks };
}

/** One field of a feed → its words and, where it has lists, links or bold, its structure. */
export function readFeedText(source: string): FeedText {
  if (!source.includes('<') && !source.includes('&')) return { text: tidyLines(source), droppedLinks: [] };
  const events = tokens(source);
  if (isHtml(events)) return fromHtml(events);
  // HTML sent with its tags encoded ("&lt;p&gt;Hello&lt;/p&gt;") is still HTML.
  const decoded = decodeLeftovers(decodeHTML(source));
  if (decoded !== source && decoded.includes('<')) {
    const decodedEvents = tokens(decoded);
    if (isHtml(decodedEvents)) return fromHtml(decodedEvents);
  }
  return { text: tidyLines(decoded), droppedLinks: [] };
}

/** The reader the importer hands to `toService`. */
export const feedTextReader: FeedTextReader = { read: readFeedText };
