import { useEffect } from 'react';

/** Sets the document title: "Page – Commissioner". */
export function useTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} – Commissioner` : 'Commissioner';
  }, [title]);
}
