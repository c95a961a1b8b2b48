// Zoom of the pohon kinerja drawing: the SVG's width and height attributes change, its viewBox stays, the container
// scrolls. No inline handlers (the Content Security Policy forbids them).
(function () {
  "use strict";
  var wadah = document.querySelector("[data-pohon]");
  var svg = wadah && wadah.querySelector("svg");
  if (!svg) { return; }
  var lebar = parseFloat(svg.getAttribute("width"));
  var tinggi = parseFloat(svg.getAttribute("height"));
  var skala = 1;

  function terapkan(baru) {
    skala = Math.min(4, Math.max(0.05, baru));
    svg.setAttribute("width", String(Math.round(lebar * skala)));
    svg.setAttribute("height", String(Math.round(tinggi * skala)));
  }

  // A wide tree opens with its first root in view (a tidy tree puts it above the middle of its children).
  var akar = svg.querySelector(".simpul rect");
  if (akar && lebar > wadah.clientWidth) {
    var tengah = parseFloat(akar.getAttribute("x")) + parseFloat(akar.getAttribute("width")) / 2;
    wadah.scrollLeft = Math.max(0, tengah - wadah.clientWidth / 2);
  }

  document.addEventListener("click", function (event) {
    var tombol = event.target.closest("[data-pohon-zoom]");
    if (!tombol) { return; }
    var arah = tombol.getAttribute("data-pohon-zoom");
    if (arah === "in") { terapkan(skala * 1.25); }
    else if (arah === "out") { terapkan(skala / 1.25); }
    else if (arah === "fit") { terapkan((wadah.clientWidth - 4) / lebar); }
    else { terapkan(1); }
  });
})();
