'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';

export type MenuItem =
  | { label: string; onSelect: () => void; disabled?: boolean; tone?: 'danger' }
  | { label: string; href: string };

/**
 * A button that opens a list of actions (Radix DropdownMenu: arrow keys move, Enter
 * picks, Escape closes and returns focus to the button). `label` names the button;
 * `triggerText` is what it shows when that differs (an icon-like "⋯").
 */
export function Menu({
  label,
  triggerText,
  items,
}: {
  label: string;
  triggerText?: string;
  items: readonly MenuItem[];
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          className="button-small menu-trigger"
          aria-label={triggerText ? label : undefined}
        >
          {triggerText ?? label}
          <span aria-hidden="true"> ▾</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          {items.map((item) =>
            'href' in item ? (
              <DropdownMenu.Item key={item.label} className="menu-item" asChild>
                <a href={item.href}>{item.label}</a>
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item
                key={item.label}
                className={item.tone === 'danger' ? 'menu-item menu-item-danger' : 'menu-item'}
                disabled={item.disabled}
                onSelect={item.onSelect}
              >
                {item.label}
              </DropdownMenu.Item>
            ),
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
