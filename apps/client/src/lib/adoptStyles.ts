/*
 * Styles that live in a module (so component tests need no CSS loader) reach the document as a
 * constructed stylesheet (CSSOM), never as a <style> element: the page's Content-Security-Policy
 * allows styles only from the site's own files, and constructed sheets are not inline markup.
 */

const adopted = new Set<string>();

/** Adds `css` to the document once per `id`. */
export function adoptStyles(id: string, css: string): void {
  if (typeof document === 'undefined' || adopted.has(id)) return;
  adopted.add(id);
  const constructable =
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype &&
    'adoptedStyleSheets' in document;
  if (constructable) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return;
  }
  // Only jsdom (component tests) lacks constructed sheets; it has no CSP to satisfy.
  const style = document.createElement('style');
  style.dataset.styles = id;
  style.textContent = css;
  document.head.append(style);
}
