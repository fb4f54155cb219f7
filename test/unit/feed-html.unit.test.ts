import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RichText, richTextHtml, richTextPlain, safeLinkHref } from '../../src/domain/rich-text.ts';
import { readFeedText } from '../../src/server/directory/feed-html.ts';

describe('reading HTML from a rich-text editor', () => {
  it('keeps paragraphs, line breaks and lists, and decodes entities', () => {
    const read = readFeedText(
      '<p>Tea&nbsp;&amp; a chat for carers.</p><p>Line one<br>line two</p><ul><li>Mondays</li><li>Fridays&#39; lunch</li></ul>',
    );
    expect(read.blocks).toEqual([
      { p: ['Tea & a chat for carers.'] },
      { p: ['Line one\nline two'] },
      { ul: [['Mondays'], ["Fridays' lunch"]] },
    ]);
    expect(read.text).toBe("Tea & a chat for carers.\n\nLine one\nline two\n\nMondays\nFridays' lunch");
  });

  it('turns headings into bold lead-ins, and keeps bold words and ordered lists', () => {
    const read = readFeedText(
      '<h2>Who can come</h2><p><strong>Carers</strong> and the people they look after.</p><ol><li>Ring us</li><li>Come along</li></ol>',
    );
    expect(read.blocks).toEqual([
      { p: [{ strong: 'Who can come' }] },
      { p: [{ strong: 'Carers' }, ' and the people they look after.'] },
      { ol: [['Ring us'], ['Come along']] },
    ]);
  });

  it('links only to web, email and phone addresses; anything else stays as words and is reported', () => {
    const read = readFeedText(
      '<p>See <a href="https://www.example.org/carers">our page</a>, <a href="mailto:hello@example.org?subject=hi">email us</a>, ' +
        '<a href="tel:01632 960000">ring</a> or <a href="javascript:alert(1)">click here</a>.</p>',
    );
    expect(read.blocks).toEqual([
      {
        p: [
          'See ',
          { href: 'https://www.example.org/carers', text: 'our page' },
          ', ',
          { href: 'mailto:hello@example.org', text: 'email us' },
          ', ',
          { href: 'tel:01632960000', text: 'ring' },
          ' or click here.',
        ],
      },
    ]);
    expect(read.droppedLinks).toEqual(['javascript:alert(1)']);
  });

  it('reads what Word and online editors leave behind: styles, comments, empty paragraphs, double encoding', () => {
    const read = readFeedText(
      '<!--[if gte mso 9]><xml><w:WordDocument>Normal 0 false</w:WordDocument></xml><![endif]-->' +
        '<style>p.MsoNormal { margin: 0 }</style>' +
        '<p class="MsoNormal"><span style="font-family:Arial">Friendly&amp;nbsp;group&nbsp;&nbsp; for&#160;all<o:p></o:p></span></p>' +
        '<p>&nbsp;</p><p></p><div><br></div><script>alert(1)</script><p>Tea &amp;amp; cake</p>',
    );
    expect(read.text).toBe('Friendly group for all\n\nTea & cake');
    expect(read.blocks).toBeUndefined();
  });

  it('splits a paragraph at a blank line made of two line breaks', () => {
    expect(readFeedText('First part.<br><br>Second part.<br />').text).toBe('First part.\n\nSecond part.');
  });

  it('reads HTML whose tags were themselves encoded', () => {
    expect(
      readFeedText(
        '&lt;p&gt;Drop in &amp;amp; chat&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Tuesdays&lt;/li&gt;&lt;/ul&gt;',
      ).blocks,
    ).toEqual([{ p: ['Drop in & chat'] }, { ul: [['Tuesdays']] }]);
  });

  it('flattens a list inside a list into one list', () => {
    expect(
      readFeedText('<ul><li>Help with<ul><li>forms</li><li>letters</li></ul></li><li>Advice</li></ul>')
        .blocks,
    ).toEqual([{ ul: [['Help with'], ['forms'], ['letters'], ['Advice']] }]);
  });
});

describe('reading plain text', () => {
  it('keeps its line breaks and paragraphs, and tidies spaces', () => {
    const read = readFeedText('  Open to all.  \r\n Bring a friend.\n\n\n\nFree   parking.\t');
    expect(read).toEqual({ text: 'Open to all.\nBring a friend.\n\nFree parking.', droppedLinks: [] });
  });

  it('decodes entities in text that has no tags, and leaves angle brackets that are not tags', () => {
    expect(readFeedText('Carers&#39; tea &amp; cake').text).toBe("Carers' tea & cake");
    expect(readFeedText('For ages <18 and carers > 65').text).toBe('For ages <18 and carers > 65');
  });

  it('keeps line breaks when the only markup is inline', () => {
    expect(readFeedText('<b>Note:</b> bring ID\nand a proof of address').text).toBe(
      'Note: bring ID\nand a proof of address',
    );
  });
});

describe('the description structure', () => {
  it('allows only web, email and phone links, and encodes an email address so it cannot add headers', () => {
    expect(safeLinkHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeLinkHref('HTTP://EXAMPLE.ORG')).toBe('http://example.org/');
    expect(safeLinkHref('mailto:a+b@example.org')).toBe('mailto:a%2Bb@example.org');
    expect(safeLinkHref('mailto:a&b@example.org')).toBeUndefined();
    expect(safeLinkHref('mailto:a@example.org?cc=b@example.org')).toBe('mailto:a@example.org');
    expect(safeLinkHref('tel:+44 1632 960000')).toBe('tel:+441632960000');
    expect(safeLinkHref('www.example.org/carers')).toBe('https://www.example.org/carers');
    expect(safeLinkHref('carers.example.org/')).toBe('https://carers.example.org/');
    expect(safeLinkHref('carers.html')).toBeUndefined();
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '/relative',
      'mailto:not-an-address',
      'tel:12',
      'https://localhost',
    ]) {
      expect(safeLinkHref(bad)).toBeUndefined();
    }
  });

  it('goes back to HTML and is read again as the same structure', () => {
    const inline = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z ,.&<>"']{0,20}[a-z.]$/),
      fc.record({ strong: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[a-z]$/) }),
      fc.record({
        href: fc.constantFrom('https://example.org/', 'mailto:hello@example.org', 'tel:01632960000'),
        text: fc.stringMatching(/^[A-Za-z][a-z ]{0,10}[a-z]$/),
      }),
    );
    const paragraph = fc
      .array(inline, { minLength: 1, maxLength: 4 })
      .filter((pieces) =>
        pieces.every((piece, i) => i === 0 || typeof piece !== 'string' || typeof pieces[i - 1] !== 'string'),
      );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            paragraph.map((p) => ({ p })),
            fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((ul) => ({ ul })),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        (blocks) => {
          const spaced = blocks.map((block) =>
            'p' in block
              ? { p: block.p.flatMap((piece, i) => (i > 0 ? [' ', piece] : [piece])) }
              : { ul: block.ul.map((item) => item.flatMap((piece, i) => (i > 0 ? [' ', piece] : [piece]))) },
          );
          const tidy = RichText.parse(
            readFeedText(richTextHtml(spaced)).blocks ?? [{ p: [readFeedText(richTextHtml(spaced)).text] }],
          );
          expect(richTextPlain(tidy)).toBe(readFeedText(richTextHtml(spaced)).text);
          expect(readFeedText(richTextHtml(tidy)).text).toBe(richTextPlain(tidy));
        },
      ),
      { numRuns: 200 },
    );
  });
});
