import { ServerText } from './InLanguage';

/** One problem the server found with a request: the field's dotted path and why (English). */
export interface ValidationDetail {
  path: string;
  message: string;
}

/**
 * Names for the fields of a form, by the dotted path the server's validation problems give them
 * (`timeLimitMinutes`, `details.place`); a path under a named one (`teams.2`) takes the longest
 * named prefix. A function gets the rest of the path after it (`['2']` for `teams.2`).
 */
export type FieldLabels = Readonly<Record<string, string | ((rest: string[]) => string)>>;

/** The form's name for a problem's path, or null when the form has none (a field it never sends). */
export function fieldLabel(fields: FieldLabels, path: string): string | null {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n -= 1) {
    const label = fields[segments.slice(0, n).join('.')];
    if (label !== undefined) return typeof label === 'function' ? label(segments.slice(n)) : label;
  }
  return null;
}

/**
 * The problems the server found with a form's request, one per line: each under the name the form
 * gives the field (in the page's language), or its path as the server wrote it when the form has no
 * name for it, then the server's reason, marked as English.
 */
export function ValidationDetails({
  details,
  fields,
  className,
}: {
  details: readonly ValidationDetail[];
  fields: FieldLabels;
  className?: string;
}) {
  return (
    <ul className={className} data-error-details="">
      {details.map((detail, index) => {
        const label = fieldLabel(fields, detail.path);
        return (
          <li key={index}>
            {label === null ? (
              <ServerText>
                <code>{detail.path}</code>
              </ServerText>
            ) : (
              label
            )}
            {': '}
            <ServerText>{detail.message}</ServerText>
          </li>
        );
      })}
    </ul>
  );
}
