// Runs an action on window.pacebar and shows a failure inline, as one line in a role=alert slot.
import type { ActionResult } from '../../preload/contract';
import { el } from './dom';

/** An empty live region that later shows a failed action's message. */
export function alertSlot(): HTMLParagraphElement {
  return el('p', { class: 'action-error', role: 'alert' });
}

/** Keeps only the first line, so a message never breaks the layout. */
export function oneLine(message: string): string {
  const line = message.split(/\r?\n/).find((part) => part.trim() !== '') ?? '';
  return line.trim() || 'Something went wrong.';
}

export async function runAction(
  slot: HTMLElement,
  call: () => Promise<ActionResult>,
  button?: HTMLButtonElement,
): Promise<boolean> {
  slot.textContent = '';
  if (button) button.disabled = true;
  try {
    const result = await call();
    if (!result.ok) slot.textContent = oneLine(result.message);
    return result.ok;
  } catch (error) {
    slot.textContent = oneLine(error instanceof Error ? error.message : String(error));
    return false;
  } finally {
    if (button) button.disabled = false;
  }
}

/** A <button type=button> wired to an action whose failure shows in `slot`. */
export function actionButton(
  label: string,
  className: string,
  slot: HTMLElement,
  call: () => Promise<ActionResult>,
): HTMLButtonElement {
  const button = el('button', { type: 'button', class: className }, label);
  button.addEventListener('click', () => void runAction(slot, call, button));
  return button;
}
