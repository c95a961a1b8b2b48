// Renaksi: small behaviours shared by every page. htmx does the rest.
document.body.addEventListener("htmx:responseError", function (event) {
  var box = document.getElementById("htmx-error");
  if (box) {
    box.textContent = event.detail.xhr.status === 503
      ? "Server sedang sibuk; tidak ada yang tersimpan. Coba lagi sebentar lagi."
      : "Permintaan gagal (" + event.detail.xhr.status + "). Muat ulang halaman dan coba lagi.";
    box.classList.remove("d-none");
  }
});

// A button marked data-cetak prints the page (no inline handlers: the Content Security Policy forbids them).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-cetak]")) {
    window.print();
  }
});

// A hidden file input (class berkas-tersembunyi) shows the chosen file's name in the element named by its
// data-nama-berkas attribute, in Indonesian, instead of the browser's own "No file chosen".
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[type=file][data-nama-berkas]")) { return; }
  var label = document.getElementById(input.dataset.namaBerkas);
  if (label) {
    label.textContent = input.files.length ? input.files[0].name : label.dataset.kosong;
  }
});

// A form marked data-konfirmasi asks before it is sent ("Buat perubahan").
document.addEventListener("submit", function (event) {
  var form = event.target.closest("form[data-konfirmasi]");
  if (form && !window.confirm(form.getAttribute("data-konfirmasi"))) {
    event.preventDefault();
  }
});
