// @ts-check
// The only way the dashboard makes DOM: elements from tag names, text as text nodes. Everything
// it shows was published by someone else (a party to a war, a channel, a feed), so no string is
// ever parsed as markup — no innerHTML, no insertAdjacentHTML — and attributes that could run
// code or load from elsewhere (on*, style, srcdoc, javascript: URLs) are refused here, once.

const SVG_NS = 'http://www.w3.org/2000/svg';
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'cite', 'poster']);

/**
 * @typedef {string | number | Node | null | undefined | false} Leaf
 * @typedef {Leaf | readonly (Leaf | readonly (Leaf | readonly Leaf[])[])[]} Child nested lists (up to three deep) are flattened
 * @typedef {{ [name: string]: unknown }} Attributes
 */

/**
 * An attribute value for a link: same-page (#…), same-site (/…, not //…) or an http(s) URL.
 * Anything else (javascript:, data:, vbscript:, a relative path) gives null and no link.
 * @param {string} value
 * @returns {string | null}
 */
export function safeUrl(value) {
  if (value.startsWith('#') || (value.startsWith('/') && !value.startsWith('//'))) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * @param {Element} element
 * @param {Attributes} attributes
 */
function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
      throw new Error(`dom: refusing to set the ${name} attribute`);
    }
    let text = value === true ? '' : String(value);
    if (URL_ATTRIBUTES.has(lower)) {
      const url = safeUrl(text);
      if (url === null) continue;
      text = url;
    }
    element.setAttribute(name, text);
  }
}

/**
 * @param {Node} parent
 * @param {readonly Child[]} children
 */
export function append(parent, children) {
  for (const child of children) {
    if (Array.isArray(child)) {
      append(parent, /** @type {readonly Child[]} */ (child));
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else if (child !== null && child !== undefined && child !== false) {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }
}

/**
 * An HTML element. Strings among the children become text nodes, never markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes] with `on: {click: fn, …}` for listeners
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  const { on, ...rest } = attributes;
  setAttributes(element, rest);
  listen(element, on);
  append(element, children);
  return element;
}

/**
 * @param {Element} element
 * @param {unknown} listeners
 */
function listen(element, listeners) {
  if (listeners === null || typeof listeners !== 'object') return;
  for (const [type, listener] of Object.entries(listeners)) {
    if (typeof listener === 'function')
      element.addEventListener(type, /** @type {EventListener} */ (listener));
  }
}

/**
 * An SVG element (charts). Text children become text nodes.
 * @param {string} tag
 * @param {Attributes} [attributes] with `on: {click: fn, …}` for listeners
 * @param {...Child} children
 * @returns {SVGElement}
 */
export function svg(tag, attributes = {}, ...children) {
  const element = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  const { on, ...rest } = attributes;
  setAttributes(element, rest);
  listen(element, on);
  append(element, children);
  return element;
}

/**
 * Replaces an element's children.
 * @param {Element} element
 * @param {...Child} children
 */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`dom: no element #${id}`);
  return element;
}
