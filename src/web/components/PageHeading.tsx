import type { ReactNode } from 'react';
import './components.css';

/** A page's title, one line on what it is for, and its main actions (they wrap under on a phone). */
export function PageHeading({
  title,
  description,
  extra,
}: {
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="page-heading">
      <div>
        <h1>{title}</h1>
        {description && <p className="page-heading-description">{description}</p>}
      </div>
      {extra && <div className="page-heading-extra">{extra}</div>}
    </div>
  );
}
