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

  // Month buttons: one handler for all of them. A button carries only its month (data-b); its row the aksi id
  // (data-aksi); the URL pattern is on .editor-main. The POST sends the state wanted ("1" on, "0" off), so two
  // people clicking the same month at once do not cancel each other. The answer is the aksi's row.
  var focusAfterToggle = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.bulan-toggle[data-b]");
    if (!button || button.disabled) return;
    var row = button.closest("tr[data-aksi]");
    var main = button.closest("[data-url-jadwal]");
    if (!row || !main) return;
    var url = main.getAttribute("data-url-jadwal")
      .replace(/\/0\/bulan\/1\/$/, "/" + row.getAttribute("data-aksi") + "/bulan/" + button.getAttribute("data-b") + "/");
    var on = button.getAttribute("aria-pressed") === "true";
    button.disabled = true;
    focusAfterToggle = { row: row.id, month: button.getAttribute("data-b") };
    htmx.ajax("POST", url, { source: button, target: row, swap: "outerHTML", values: { jadwal: on ? "0" : "1" } })
      .finally(function () { button.disabled = false; });
  });

  // Links of the outline and of the search results open their section (loaded on first open), then scroll to
  // the row they name.
  function scrollTo(id) {
    var row = document.getElementById(id);
    if (!row) return;
    row.scrollIntoView({ block: "start" });
    row.classList.add("baris-dituju");
    setTimeout(function () { row.classList.remove("baris-dituju"); }, 2000);
    history.replaceState(null, "", "#" + id);
  }
  // A kegiatan's section is inside its program's (`parentId`): that one is opened first.
  function openAndScroll(sectionId, rowId, parentId, then) {
    var section = document.getElementById(sectionId);
    if (!section) {
      return !!parentId && openAndScroll(parentId, null, null, function () { openAndScroll(sectionId, rowId); });
    }
    var after = then || function () { scrollTo(rowId); };
    var opener = section.querySelector(".bagian-buka");
    if (!opener) { after(); return true; }
    var done = function (e) {
      // (a program's section settles its kegiatan heads too: a head still closed is not the kegiatan loaded)
      if (!e.detail.elt || e.detail.elt.id !== section.id || e.detail.elt.querySelector(".bagian-buka")) return;
      document.body.removeEventListener("htmx:afterSettle", done);
      after();
    };
    document.body.addEventListener("htmx:afterSettle", done);
    opener.click();
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-bagian]");
    if (link && openAndScroll(link.getAttribute("data-bagian"), link.getAttribute("href").slice(1),
                              link.getAttribute("data-program"))) {
      event.preventDefault();
    }
  });

  // A link to a row of this page whose section is closed (the findings panel's, or the address on arrival): ask
  // the server which section the row is in, open it, scroll to the row.
  function openRow(rowId) {
    var search = document.getElementById("cari-baris");
    if (!search || !/^[a-z]+-\d+$/.test(rowId) || document.getElementById(rowId)) return false;
    fetch(search.getAttribute("hx-get") + "?baris=" + rowId, { headers: { "HX-Request": "true" } })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var found = /data-bagian="([a-z]+-[a-z]+-\d+)"(?: data-program="([a-z]+-[a-z]+-\d+)")?/.exec(html);
        if (found) openAndScroll(found[1], rowId, found[2]);
      });
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-anchor]");
    if (!link || link.pathname !== location.pathname) return;
    if (openRow(link.getAttribute("data-anchor"))) event.preventDefault();
  });
  if (location.hash) openRow(location.hash.slice(1));

  // A program's section is its own <tbody> followed by those of its kegiatan (`data-program`): when the program's
  // is replaced (a kegiatan added, moved or deleted), the old kegiatan sections go with it.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var program = target && /^bagian-program-(\d+)$/.exec(target.id);
    if (!program || !event.detail.shouldSwap || event.detail.xhr.getResponseHeader("HX-Reswap") === "none") return;
    target.parentNode.querySelectorAll('tbody[data-program="' + program[1] + '"]').forEach(function (tbody) {
      tbody.remove();
    });
  });

  // The bidang filter applies as soon as one is picked (the button stays for keyboards without scripts).
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches && select.matches("select[data-kirim-saat-ubah]")) select.form.submit();
  });

  // After a swap, put the keyboard focus back where the user was: on the same month button, or on the row's
  // edit button after a form was saved or cancelled.
  document.body.addEventListener("htmx:afterSettle", function (event) {
    var config = event.detail.requestConfig;
    var source = config && config.elt;
    if (!source) return;
    if (source.classList.contains("bulan-toggle") && focusAfterToggle) {
      var row = document.getElementById(focusAfterToggle.row);
      var toggle = row && row.querySelector('[data-b="' + focusAfterToggle.month + '"]');
      focusAfterToggle = null;
      if (toggle) toggle.focus();
    } else if (source.hasAttribute("data-save") || source.hasAttribute("data-cancel")) {
      var target = event.detail.target;
      var edited = target && target.id ? document.getElementById(target.id) : null;
      var edit = edited && edited.querySelector("[data-edit], .target-btn");
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
