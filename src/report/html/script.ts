/**
 * The only script: expand/collapse all, and open every <details> for printing (older browsers ignore
 * the CSS for closed details). It reads nothing from the report and fetches nothing.
 */
export const script = `(() => {
  const all = () => Array.from(document.querySelectorAll("details"));
  document.querySelectorAll("[data-toggle]").forEach((b) => b.addEventListener("click", () => {
    const open = b.getAttribute("data-toggle") === "open";
    all().forEach((d) => { d.open = open; });
  }));
  // A link to a folded finding or check opens it, so "#finding-…" never lands on a closed box.
  const openTarget = () => {
    const el = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (el instanceof HTMLDetailsElement) el.open = true;
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
  let closed = [];
  window.addEventListener("beforeprint", () => { closed = all().filter((d) => !d.open); closed.forEach((d) => { d.open = true; }); });
  window.addEventListener("afterprint", () => { closed.forEach((d) => { d.open = false; }); closed = []; });
})();`;
