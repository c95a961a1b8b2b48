// Plan editor: keyboard in inline forms, which responses htmx swaps, focus after a swap.
(function () {
  "use strict";

  // 422 = the form comes back with its messages next to the fields; 403 = a refusal and 503 = "busy, try again",
  // both shown in #editor-alert (the server retargets them). Other errors keep htmx's default: no swap, and
  // renaksi.js shows a notice.
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true },
    { code: "403", swap: true },
    { code: "503", swap: true },
    { code: "[45]..", swap: false, error: true },
  ];

  // Enter saves the row's form (Ctrl+Enter in a textarea), Escape cancels it.
  document.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest("[data-edit-row]");
    if (!row || event.isComposing) return;
    if (event.key === "Escape") {
      var cancel = row.querySelector("[data-cancel]");
      if (cancel) { event.preventDefault(); cancel.click(); }
    } else if (event.key === "Enter") {
      var tag = event.target.tagName;
      if (tag === "BUTTON") return;
      if (tag === "TEXTAREA" && !(event.ctrlKey || event.metaKey)) return;
      if (tag === "INPUT" && choosingFromList(event.target)) return;  // Enter picks the suggestion first
      var save = row.querySelector("[data-save]");
      if (save) { event.preventDefault(); save.click(); }
    }
  });

  // The code picker shows suggestions while the typed code is not one of them: Enter picks, it does not save.
  function choosingFromList(input) {
    var list = input.hasAttribute("data-nomenklatur") && input.list;
    if (!list || !input.value) return false;
    var typed = input.value.toLowerCase(), suggested = false;
    for (var i = 0; i < list.options.length; i++) {
      var option = list.options[i].value.toLowerCase();
      if (option === typed) return false;
      if (option.indexOf(typed) === 0) suggested = true;
    }
    return suggested;
  }

  // After a swap, put the keyboard focus back where the user was: on the same month toggle, or on the row's
  // edit button after a form was saved or cancelled.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var config = event.detail.requestConfig;
    var source = config && config.elt;
    if (!source) return;
    if (source.id && source.classList.contains("bulan-toggle")) {
      var toggle = document.getElementById(source.id);
      if (toggle) toggle.focus();
    } else if (source.hasAttribute("data-save") || source.hasAttribute("data-cancel")) {
      var target = event.detail.target;
      var row = target && target.id ? document.getElementById(target.id) : null;
      var edit = row && row.querySelector("[data-edit], .target-btn");
      if (edit) edit.focus();
    }
  });

  // A successful change clears an old refusal message.
  document.body.addEventListener("plan-changed", function () {
    var alert = document.getElementById("editor-alert");
    if (alert) alert.innerHTML = "";
  });

  // Picking a code from the nomenclature fills an empty name with the official one.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-nomenklatur]")) return;
    var list = document.getElementById(input.getAttribute("list"));
    var row = input.closest("[data-edit-row]");
    var nama = row && row.querySelector("[name=nama]");
    if (!list || !nama || nama.value.trim()) return;
    for (var i = 0; i < list.options.length; i++) {
      if (list.options[i].value === input.value) { nama.value = list.options[i].textContent.trim(); break; }
    }
  });
})();
