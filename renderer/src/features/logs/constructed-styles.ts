// xterm 6 writes its theme and cell-size CSS into <style> elements, which the strict CSP
// (style-src 'self', no 'unsafe-inline') refuses, leaving the terminal unstyled and the console
// full of violations. Constructed stylesheets are CSSOM, which CSP does not govern, so a
// <style> that a document creates becomes an inert placeholder whose text feeds one of those
// (what xterm's own PR #4611 once did). Nothing else in this renderer creates <style> elements.
// Style attributes written with setAttribute go through CSSOM for the same reason.

type Placeholder = { element: HTMLElement; sheet: CSSStyleSheet };

const routed = new WeakMap<Document, Placeholder[]>();

function placeholderFor(doc: Document, create: Document['createElement']): HTMLElement {
  const element = create.call(doc, 'storedeck-style');
  element.hidden = true;
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  let text = '';
  // Own accessor: the text goes to the sheet, never into the DOM.
  Object.defineProperty(element, 'textContent', {
    configurable: true,
    get: () => text,
    set: (value: unknown) => {
      text = value === null || value === undefined ? '' : String(value);
      sheet.replaceSync(text);
    },
  });
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  routed.get(doc)?.push({ element, sheet });
  return element;
}

const attributesRouted = new WeakSet<object>();

/**
 * xterm's DOM renderer also writes style *attributes* (the selection and search-match colours
 * of cells, via setAttribute('style')), which the CSP refuses too: the selection would not
 * show. Setting the same declarations through CSSOM (style.cssText) is allowed, and reads back
 * the same through getAttribute('style').
 */
function routeStyleAttributes(win: Window & typeof globalThis): void {
  const proto = win.Element.prototype;
  if (attributesRouted.has(proto)) return;
  attributesRouted.add(proto);
  const set = proto.setAttribute;
  proto.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && this instanceof win.HTMLElement) {
      this.style.cssText = String(value);
      return;
    }
    set.call(this, name, value);
  };
}

/** Installs the routing on a document once; later calls do nothing. */
export function routeStyleElements(doc: Document): void {
  if (routed.has(doc)) return;
  routed.set(doc, []);
  if (doc.defaultView) routeStyleAttributes(doc.defaultView);
  const create = doc.createElement;
  const patched = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    if (tagName.toLowerCase() === 'style') return placeholderFor(doc, create);
    return create.call(this, tagName, options);
  };
  doc.createElement = patched as Document['createElement'];
}

/** Drops the sheets of placeholders no longer in the document (call after a terminal is disposed). */
export function releaseDetachedStyles(doc: Document): void {
  const placeholders = routed.get(doc);
  if (!placeholders) return;
  const kept = placeholders.filter((p) => p.element.isConnected);
  const dropped = new Set(placeholders.filter((p) => !p.element.isConnected).map((p) => p.sheet));
  if (dropped.size === 0) return;
  routed.set(doc, kept);
  doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => !dropped.has(sheet));
}
