/** The message beside a field, named for screen readers by "Error:" in the page's language. */
export function ErrorMessage(props: { id: string; prefix: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{props.prefix}</span> {props.message}
    </p>
  );
}
