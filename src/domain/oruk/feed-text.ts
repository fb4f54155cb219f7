import type { RichText } from '../rich-text.ts';

/**
 * Feeds write their text as HTML from a rich-text editor, as entity-encoded text, or as plain text.
 * Reading it needs an HTML parser, which runs on the server: the importer hands `toService` a reader,
 * so this folder stays free of anything but zod.
 */
export interface FeedText {
  /** The words: paragraphs apart by a blank line, line breaks kept, each list item on its own line. */
  text: string;
  /** The structure, when the text has more than paragraphs and line breaks (a list, a link, bold). */
  blocks?: RichText;
  /** Links left as text because they go somewhere a description may not send people (`javascript:`...). */
  droppedLinks: string[];
}

export interface FeedTextReader {
  /** A field that may be HTML, entity-encoded or plain text → its words and, where needed, structure. */
  read(source: string): FeedText;
}

/** Text on one line: every run of spaces and line breaks becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
