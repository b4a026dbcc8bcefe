import type { ReactNode } from 'react';
import { Button } from './Button';

/**
 * The end of a form that does one thing: its error (one banner, read out), the message once it is done,
 * and its buttons — Cancel (Close once done) and the submit button, which goes once it is done.
 */
export function FormFooter({
  error,
  done = null,
  onDone,
  busy,
  submit,
  variant = 'primary',
}: {
  error: string | null | undefined;
  /** What was done, shown as a success banner; the form then only closes. */
  done?: string | null;
  onDone: () => void;
  busy: boolean;
  /** The submit button's label. */
  submit: ReactNode;
  variant?: 'primary' | 'danger';
}) {
  return (
    <>
      {error && (
        <p className="banner error wide" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="banner ok wide" role="status">
          {done}
        </p>
      )}
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <Button type="submit" variant={variant} busy={busy}>
            {submit}
          </Button>
        )}
      </div>
    </>
  );
}
