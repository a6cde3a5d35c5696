// Every persisted timestamp: ISO-8601, UTC, millisecond precision (sorts as text).
export type Clock = () => string;

export const isoNow: Clock = () => new Date().toISOString();
