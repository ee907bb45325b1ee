/* The instance list's filter form pushes its URL into the history: leave the empty fields out,
 * so the address reads like the links the server builds (?status=failed, not ?status=failed&profile=&…). */
(function () {
  "use strict";
  document.addEventListener("htmx:configRequest", function (event) {
    if (!event.detail.elt.closest("[data-omit-empty]")) return;
    const parameters = event.detail.parameters;
    for (const [name, value] of [...parameters.entries()]) {
      if (value === "") delete parameters[name];
    }
  });
})();
