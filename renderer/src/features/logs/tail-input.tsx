// The line count: any whole number from 1 to MAX_TAIL_LINES, typed or picked from the quick
// picks; applied on Enter or when the field is left, refused in words when it is not a count.
import { useEffect, useId, useState } from 'react';
import { MAX_TAIL_LINES, TAIL_LINES } from '../../../../preload/contract';

export function tailError(text: string): string | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return `Lines: a whole number from 1 to ${MAX_TAIL_LINES}`;
  const n = Number(value);
  if (n < 1 || n > MAX_TAIL_LINES) return `Lines: from 1 to ${MAX_TAIL_LINES}`;
  return null;
}

export function TailInput({ value, onApply }: { value: number; onApply: (n: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  const listId = useId();
  const errorId = useId();
  useEffect(() => setDraft(String(value)), [value]);
  const error = tailError(draft);
  const apply = () => {
    if (error === null && Number(draft) !== value) onApply(Number(draft));
  };
  return (
    <div className="tail-input">
      <label>
        <span>Lines</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_TAIL_LINES}
          step={1}
          list={listId}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') setDraft(String(value));
          }}
        />
        <datalist id={listId}>
          {TAIL_LINES.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </label>
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
