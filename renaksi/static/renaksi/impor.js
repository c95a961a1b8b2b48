// Drag and drop onto the drop zone fills the ordinary file input; without JavaScript the input works by itself.
(function () {
  function bind(root) {
    var zone = root.querySelector("[data-impor-drop]");
    var input = root.querySelector("input[type=file]");
    var label = root.querySelector("[data-impor-nama]");
    if (!zone || !input || zone.dataset.bound) { return; }
    zone.dataset.bound = "1";
    function show() { label.textContent = input.files.length ? input.files[0].name : label.dataset.kosong; }
    zone.addEventListener("click", function () { input.click(); });
    zone.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("dragover"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.remove("dragover"); });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
    });
    input.addEventListener("change", show);
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
