// Drag and drop onto the drop zone (the file input's label) fills the file input; without JavaScript a click on the
// zone still opens the picker (it is the label); renaksi.js shows the chosen name in Indonesian.
(function () {
  function bind(root) {
    var zone = root.querySelector("[data-impor-drop]");
    var input = root.querySelector("input[type=file]");
    var label = root.querySelector("[data-impor-nama]");
    if (!zone || !input || zone.dataset.bound) { return; }
    zone.dataset.bound = "1";
    function show() { label.textContent = input.files.length ? input.files[0].name : label.dataset.kosong; }
    // The zone is the input's <label>: a click opens the picker natively; the input itself takes the keyboard focus.
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("dragover"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove("dragover"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
    });
  }
  bind(document);
  document.body.addEventListener("htmx:afterSwap", function (e) { bind(document); });
  document.body.addEventListener("htmx:xhr:progress", function (e) {
    var bar = document.getElementById("impor-progress");
    if (bar && e.detail.lengthComputable) {
      bar.classList.remove("d-none");
      bar.querySelector(".progress-bar").style.width = Math.round(e.detail.loaded / e.detail.total * 100) + "%";
    }
  });
})();
