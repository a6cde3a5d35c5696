// The plan's components at a glance (as its strategy lists them): how many of each one's pods
// are ready, so "Redis has no pod" reads without scanning the pod table.
import type { StoreHealth } from '../../../../preload/contract';

export function ComponentsSummary({ components }: { components: StoreHealth['components'] }) {
  if (components.length === 0) return null;
  return (
    <ul className="component-summary" aria-label="Components">
      {components.map((c) => {
        const ok = c.pods > 0 && c.ready === c.pods;
        return (
          <li key={c.name} className="chip">
            {c.label}{' '}
            <span className={`state ${ok ? 'state-ok' : 'state-bad'}`}>
              {c.pods === 0 ? 'no pod' : `${c.ready}/${c.pods} ready`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
