import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { useAsAt, withAsAt } from '../lib/as-at.ts';
import { navigate } from '../lib/router.ts';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An in-app path; the current as-at date is added to it. */
  readonly to: string;
  readonly children: ReactNode;
}

/** An ordinary link that navigates without a page load; modified clicks (new tab…) still work. */
export function Link({ to, children, onClick, ...rest }: LinkProps) {
  const asAt = useAsAt();
  const href = withAsAt(to, asAt);
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
