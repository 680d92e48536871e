/** Registers a custom element once: a page may load the script (or both bundles) more than once. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
