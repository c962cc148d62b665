// Tiny DOM builder. Text always goes through textContent, never innerHTML: athlete data is user data.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

const renderedKeys = new WeakMap<HTMLElement, string>();

/**
 * Re-renders a container only when the data it shows changed, so a state push that does not touch
 * a section keeps its focus, open <details> and typed input.
 */
export function renderKeyed(container: HTMLElement, key: unknown, build: () => Child[]): void {
  const serialized = JSON.stringify(key) ?? 'undefined';
  if (renderedKeys.get(container) === serialized) return;
  renderedKeys.set(container, serialized);
  container.replaceChildren(...build().filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
