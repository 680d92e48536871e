// The three-dot "More actions" menu: the WAI-ARIA menu-button pattern (Enter/Space/ArrowDown open it
// on the first item, arrows move, Escape and Tab close it, focus returns to the button).

export function setUpMenu(button: HTMLButtonElement, menu: HTMLElement, onSelect: (action: string) => void) {
  const items = () => [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];

  const open = (focusIndex: number) => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const all = items();
    all.at(focusIndex)?.focus();
  };
  const close = (restoreFocus: boolean) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (restoreFocus) button.focus();
  };

  button.addEventListener('click', () => (menu.hidden ? open(0) : close(false)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowDown' ? 0 : -1);
    }
  });

  menu.addEventListener('keydown', (event) => {
    const all = items();
    const current = all.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowDown: (current + 1) % all.length,
      ArrowUp: (current - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      all[moves[event.key] as number]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  });

  menu.addEventListener('click', (event) => {
    const item = (event.target as Element).closest<HTMLButtonElement>('[role="menuitem"]');
    if (!item) return;
    close(true);
    onSelect(item.dataset.action ?? '');
  });

  // A click anywhere else closes the menu, as native menus do.
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !button.contains(event.target as Node) && !menu.contains(event.target as Node)) {
      close(false);
    }
  });
}
