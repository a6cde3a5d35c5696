// A request that failed for a whole view (not one control): an alert banner above its content.
export function ErrorBanner({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="banner" role="alert">
      {error}
    </p>
  );
}
