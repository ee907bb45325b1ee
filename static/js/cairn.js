/* Cairn's keyboard shortcuts and small page behaviours; no framework, no build step.
 *   c  opens the "Create…" menu on list pages (body.list-page); inside it, its letters pick an item
 *   /  focuses the page's search box ([data-search])
 *   ?  shows every shortcut
 */
(function () {
  "use strict";

  function isTyping(target) {
    return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
  }

  function openDialog(id) {
    const dialog = document.getElementById(id);
    if (dialog && !dialog.open) dialog.showModal();
    return dialog;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const openMenu = document.querySelector("dialog#create-menu[open]");
    if (openMenu) {
      const link = openMenu.querySelector(`[data-create-key="${event.key}"]`);
      if (link) { event.preventDefault(); window.location.href = link.href; }
      return;
    }
    if (document.querySelector("dialog[open]")) return;
    if (event.key === "c" && document.body.classList.contains("list-page")) {
      event.preventDefault();
      const dialog = openDialog("create-menu");
      const first = dialog && dialog.querySelector("a");
      if (first) first.focus();
    } else if (event.key === "/") {
      const search = document.querySelector("[data-search]");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    } else if (event.key === "?") {
      event.preventDefault();
      openDialog("shortcut-help");
    }
  });

  document.addEventListener("click", function (event) {
    const closer = event.target.closest("[data-close-dialog]");
    if (closer) closer.closest("dialog").close();
    if (event.target.closest("[data-shortcut-help]")) openDialog("shortcut-help");
    const copy = event.target.closest("[data-copy]");
    if (copy && navigator.clipboard) navigator.clipboard.writeText(copy.textContent.trim());
  });
})();
