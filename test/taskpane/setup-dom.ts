/**
 * Minimal layout for jsdom, which lays nothing out: every offsetParent is null (a browser's sign of
 * display: none) and the body measures 0 x 0 (a hidden frame's). Tabster, Fluent's focus manager,
 * then takes the whole page for hidden: Tab stops on its guard elements and a dialog cannot focus
 * its first button. With these two answers focus moves as in a browser.
 */
Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement) {
    if (this === this.ownerDocument.body) return null;
    // Only markup-level hiding: computing styles in jsdom is slow, and Fluent hides with markup.
    const hidden = (node: HTMLElement | null): boolean =>
      node !== null && (node.hidden || node.style.display === "none" || hidden(node.parentElement));
    if (hidden(this)) return null;
    return this.parentElement;
  },
});

/** A task pane's size. */
const PANE = { x: 0, y: 0, top: 0, left: 0, width: 320, height: 640, right: 320, bottom: 640 };
HTMLBodyElement.prototype.getBoundingClientRect = function () {
  return { ...PANE, toJSON: () => PANE } as DOMRect;
};

/**
 * jsdom has no ResizeObserver. A MessageBar without layout="multiline" watches its size with one to
 * decide whether to wrap; since jsdom lays nothing out, one that never reports is enough. (Fluent's
 * popup positioning installs the same stub in tests, but only once a popup opens.)
 */
if (typeof window !== "undefined" && typeof window.ResizeObserver !== "function") {
  class NoResizeObserver implements ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  window.ResizeObserver = NoResizeObserver;
}

export {};
