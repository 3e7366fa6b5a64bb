import { useEffect, useState } from 'react';

/** The time now (ms since the epoch), updated every `intervalMs`: for "in 20 minutes"-style text. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
