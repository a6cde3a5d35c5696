import type { Preflight } from '../../../../preload/contract';

const MARK = { ok: '✓', warn: '!', fail: '✕' } as const;
const WORD = { ok: 'OK', warn: 'Warning', fail: 'Failed' } as const;

export function PreflightList({ preflight }: { preflight: Preflight }) {
  return (
    <ul className="checks" aria-label={`Preflight checks for ${preflight.context}`}>
      {preflight.checks.map((check) => (
        <li key={check.id} className={`check check-${check.status}`}>
          <span className="check-mark" aria-hidden="true">
            {MARK[check.status]}
          </span>
          <div>
            <p className="check-title">
              {check.title}{' '}
              <span className={`check-word check-word-${check.status}`}>{WORD[check.status]}</span>
            </p>
            <p className="check-detail">{check.detail}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
