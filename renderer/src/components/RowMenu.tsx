import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** A destructive action (shown in the danger colour). */
  danger?: boolean;
  hidden?: boolean;
}

/**
 * A row's actions behind one button (issue 15 "usable at 1024×700"): the table keeps its figures and
 * every action stays one click away at any width. The menu is fixed to the viewport (a table scrolling
 * sideways does not clip it); arrow keys move, Escape or a click outside closes it, focus returns to the
 * button.
 */
export function RowMenu({
  label,
  items,
  small = true,
}: {
  label: string;
  items: MenuItem[];
  /** Table rows use the small button; a page header, the normal one. */
  small?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const shown = items.filter((i) => !i.hidden);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  /** Below the button, or above it when the viewport's bottom is near; null once the button is out of view. */
  const place = (): { top: number; right: number } | null => {
    const rect = button.current?.getBoundingClientRect();
    if (!rect || rect.bottom < 0 || rect.top > window.innerHeight) return null;
    const height = shown.length * 34 + 12;
    const top = rect.bottom + height + 8 > window.innerHeight ? rect.top - height - 4 : rect.bottom + 4;
    return { top: Math.max(8, top), right: Math.max(8, window.innerWidth - rect.right) };
  };

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node))
        setOpen(false);
    };
    // The page scrolls or resizes under an open menu: it follows its button, and closes when it leaves.
    const follow = () => {
      const next = place();
      if (next === null) setOpen(false);
      else setAt(next);
    };
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, true);
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, true);
    };
    // place() reads the button and the items' count when called.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const toggle = () => {
    setAt(place());
    setOpen(!open);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      entries[(index + step + entries.length) % entries.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? entries[0] : entries.at(-1))?.focus();
    }
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`btn menu-button${small ? ' sm' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        onClick={toggle}
      >
        Actions <span aria-hidden="true">▾</span>
      </button>
      {open && at && (
        <ul
          ref={menu}
          role="menu"
          aria-label={label}
          className="menu"
          style={{ top: at.top, right: at.right }}
          onKeyDown={onKeyDown}
        >
          {shown.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                className={item.danger ? 'danger' : undefined}
                onClick={() => {
                  close(true);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
