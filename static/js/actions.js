/* The action form's small behaviours (everything else round-trips to the server):
 *   a query/header row shows its value when constant and its type when variable;
 *   a header marked secret hides its value as a password field does.
 */
(function () {
  "use strict";

  document.addEventListener("change", function (event) {
    const mode = event.target.closest("[data-row-mode]");
    if (mode) mode.closest("[data-row]").dataset.mode = mode.value;
    const secret = event.target.closest("[data-secret-toggle]");
    if (secret) {
      const value = secret.closest("[data-row]").querySelector("[data-secret-value]");
      if (value) value.type = secret.checked ? "password" : "text";
    }
  });
})();
