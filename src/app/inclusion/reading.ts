/** The words of the page in reading order, for the Listen button. */
const SKIPPED =
  '[data-listen="skip"], [aria-hidden="true"], [hidden], script, style, noscript, svg, template';
const LONGEST_CHUNK = 240;

function blockOf(element: Element, root: Element): Element {
  let current: Element = element;
  while (current !== root && current.parentElement) {
    if (!getComputedStyle(current).display.startsWith('inline')) return current;
    current = current.parentElement;
  }
  return root;
}

/** Long paragraphs in sentence-sized pieces; see `readableChunks` for why. */
function split(text: string, lang: string): string[] {
  if (text.length <= LONGEST_CHUNK || typeof Intl.Segmenter !== 'function') return [text];
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) {
    if (piece && piece.length + segment.length > LONGEST_CHUNK) {
      pieces.push(piece.trim());
      piece = '';
    }
    piece += segment;
  }
  if (piece.trim()) pieces.push(piece.trim());
  return pieces;
}

/**
 * The visible words of an element, one piece per heading, paragraph or list item, in reading order.
 * Short pieces, because Chrome stops long utterances part-way (https://crbug.com/679437) and because a
 * pause between blocks helps the listener.
 */
export function readableChunks(root: Element, lang: string): string[] {
  const chunks: string[] = [];
  let block: Element | undefined;
  let text = '';
  const flush = () => {
    const words = text.replace(/\s+/g, ' ').trim();
    if (words) chunks.push(...split(words, lang));
    text = '';
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || parent.closest(SKIPPED)) return NodeFilter.FILTER_REJECT;
      if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility()) {
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const nodeBlock = blockOf(node.parentElement as Element, root);
    if (nodeBlock !== block) {
      flush();
      block = nodeBlock;
    }
    text += node.textContent ?? '';
  }
  flush();
  return chunks;
}
