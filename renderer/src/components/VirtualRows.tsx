import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';

/**
 * The rows of a virtualised list: only the visible ones are in the DOM, each measured for its height.
 * The row after the last loaded item (while more are coming) shows `pending`.
 */
export function VirtualRows<T>({
  virtualizer,
  items,
  label,
  row,
  pending,
}: {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  items: readonly T[];
  label: string;
  row: (item: T, index: number) => ReactNode;
  pending: ReactNode;
}) {
  return (
    <div
      className="vlist-inner"
      role="list"
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((v) => {
        const item = items[v.index];
        return (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className="vrow"
            role="listitem"
            style={{ transform: `translateY(${v.start}px)` }}
          >
            {item !== undefined ? row(item, v.index) : pending}
          </div>
        );
      })}
    </div>
  );
}
