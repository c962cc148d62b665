// Waiting on the page itself, not on a clock: each helper resolves from an event in the page (a DOM
// change, a frame, an image's load) once the condition holds. No polling from the test.
import type { Locator } from 'playwright-core';

/** Resolves once `locator`'s innerText is exactly `text` (or, with `contains`, includes it): checked now and after every DOM change. */
export async function waitForText(locator: Locator, text: string, options: { contains?: boolean } = {}): Promise<void> {
  await locator.evaluate(
    (element, [want, contains]) =>
      new Promise<void>((resolve) => {
        const observer = new MutationObserver(check);
        function check() {
          const shown = (element as HTMLElement).innerText;
          if (contains ? !shown.includes(want) : shown !== want) return;
          observer.disconnect();
          resolve();
        }
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        check();
      }),
    [text, options.contains ?? false] as const,
  );
}

/** Resolves once an input's value is `value`. Setting .value is no DOM change, so this looks each frame. */
export async function waitForValue(locator: Locator, value: string): Promise<void> {
  await locator.evaluate(
    (element, want) =>
      new Promise<void>((resolve) => {
        const check = () => ((element as HTMLInputElement).value === want ? resolve() : requestAnimationFrame(check));
        check();
      }),
    value,
  );
}

/** Whether an <img> ends up showing a picture: answers once it has loaded or failed. */
export function imageLoads(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        const img = element as HTMLImageElement;
        const answer = () => resolve(img.complete && img.naturalWidth > 0);
        if (img.complete) return answer();
        img.addEventListener('load', answer, { once: true });
        img.addEventListener('error', answer, { once: true });
      }),
  );
}
