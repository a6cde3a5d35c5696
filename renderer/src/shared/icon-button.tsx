// A button that shows only a glyph: its label is both the accessible name and the tooltip, so a
// mouse user and a screen reader read the same words.
export function IconButton({ label, glyph, onClick }: { label: string; glyph: string; onClick: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} onClick={onClick}>
      <span aria-hidden="true">{glyph}</span>
    </button>
  );
}
