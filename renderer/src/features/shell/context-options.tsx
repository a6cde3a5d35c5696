// The kubeconfig's contexts as a select's options, after a disabled placeholder for "none
// chosen yet" (value ""): the header's picker and onboarding's "use an existing context".
export function ContextOptions({
  contexts,
  placeholder,
}: {
  contexts: ReadonlyArray<{ name: string }>;
  /** null: no placeholder (a context is already chosen). */
  placeholder: string | null;
}) {
  return (
    <>
      {placeholder !== null && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {contexts.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
        </option>
      ))}
    </>
  );
}
