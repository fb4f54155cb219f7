import { Fragment } from 'preact';
import { plainParagraphs, safeLinkHref, type RichInline, type RichText } from '../../../domain/rich-text.ts';

/** Text with "\n" for a line break, drawn as text and <br> elements. */
function Lines(props: { text: string }) {
  return (
    <>
      {props.text.split('\n').map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function Piece(props: { piece: RichInline }) {
  const { piece } = props;
  if (typeof piece === 'string') return <Lines text={piece} />;
  if ('strong' in piece) {
    return (
      <strong>
        <Lines text={piece.strong} />
      </strong>
    );
  }
  // Checked again here: what reaches the page is only ever a web, email or phone link.
  const href = safeLinkHref(piece.href);
  if (href === undefined) return <>{piece.text}</>;
  return (
    <a href={href} rel="noopener noreferrer">
      {piece.text}
    </a>
  );
}

function Pieces(props: { pieces: readonly RichInline[] }) {
  return (
    <>
      {props.pieces.map((piece, index) => (
        <Piece key={index} piece={piece} />
      ))}
    </>
  );
}

/**
 * A feed's text on a page: its paragraphs, lists, bold lead-ins and links as Preact elements, never as
 * markup; plain text keeps its paragraphs and line breaks.
 */
export function FeedText(props: { text: string; blocks?: RichText }) {
  const { text, blocks } = props;
  if (!blocks) {
    return (
      <>
        {plainParagraphs(text).map((lines, index) => (
          <p key={index}>
            <Lines text={lines.join('\n')} />
          </p>
        ))}
      </>
    );
  }
  return (
    <>
      {blocks.map((block, index) => {
        if ('p' in block) {
          return (
            <p key={index}>
              <Pieces pieces={block.p} />
            </p>
          );
        }
        const items = 'ul' in block ? block.ul : block.ol;
        const List = 'ul' in block ? 'ul' : 'ol';
        return (
          <List key={index} class="bullets">
            {items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Pieces pieces={item} />
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}
