// When a dialog closes, focus goes back to what opened it (WCAG 2.4.3, focus order). Mantine's
// Modal only does so when its `opened` turns false, but our dialogs are mounted open and unmounted
// on close, and many open from a row menu whose item is gone by then. So the shell watches: the
// element focused last outside any dialog is the opener (a menu item stands for its menu's
// button), and when the last dialog leaves the page with focus nowhere, the opener gets it back.

const dialogSelector = '[role="dialog"], [role="alertdialog"]';

/** The element to give focus back to for a focused element: a menu item's menu button. */
function openerOf(element: HTMLElement): HTMLElement {
  const menu = element.closest<HTMLElement>('[role="menu"]');
  if (!menu?.id) return element;
  return element.ownerDocument.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`) ?? element;
}

/** Starts watching the document; returns the function that stops it. */
export function watchDialogFocus(doc: Document = document): () => void {
  let lastOutside: HTMLElement | null = null;
  let opener: HTMLElement | null = null;

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (!target.closest(dialogSelector)) lastOutside = openerOf(target);
    else opener ??= lastOutside;
  };
  const observer = new MutationObserver(() => {
    if (!opener || doc.querySelector(dialogSelector)) return;
    const active = doc.activeElement;
    if ((active === null || active === doc.body) && opener.isConnected) opener.focus({ preventScroll: true });
    opener = null;
  });
  doc.addEventListener('focusin', onFocusIn);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}
