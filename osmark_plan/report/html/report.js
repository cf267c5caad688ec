/* osmark-plan HTML report: zoom and pan, findings <-> markers, filters, language switch.
   No network access, no libraries. */
(function () {
  "use strict";
  var root = document.documentElement;
  var svg = document.getElementById("plan-svg");
  var box = document.getElementById("plan");
  var list = document.getElementById("findings");

  /* -- language ---------------------------------------------------------------------- */
  function setLang(lang) {
    root.classList.toggle("en", lang === "en");
    root.setAttribute("lang", lang);
    document.querySelectorAll("[data-set-lang]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-set-lang") === lang));
    });
    document.querySelectorAll("option[data-" + lang + "]").forEach(function (o) {
      o.textContent = o.getAttribute("data-" + lang);
    });
    var t = document.querySelector("title");
    if (t && t.getAttribute("data-" + lang)) { t.textContent = t.getAttribute("data-" + lang); }
    try { localStorage.setItem("osmark-lang", lang); } catch (e) { /* file: pages may refuse */ }
  }
  document.querySelectorAll("[data-set-lang]").forEach(function (b) {
    b.addEventListener("click", function () { setLang(b.getAttribute("data-set-lang")); });
  });
  setLang(root.getAttribute("lang") || "ja");

  if (!svg || !box) { return; }

  /* -- zoom and pan (the SVG viewBox) -------------------------------------------------- */
  var home = svg.getAttribute("viewBox").split(/\s+/).map(Number);
  var view = home.slice();
  var MIN = home[2] / 400, MAX = home[2] * 4;

  function unitsPerPixel() {
    var r = svg.getBoundingClientRect();
    if (!r.width || !r.height) { return home[2] / 800; }
    return Math.max(view[2] / r.width, view[3] / r.height);
  }
  function apply() {
    svg.setAttribute("viewBox", view.join(" "));
    svg.style.setProperty("--mk", String(unitsPerPixel()));
    svg.setAttribute("data-scale", (home[2] / view[2]).toFixed(4));
  }
  function toUser(clientX, clientY) {
    var m = svg.getScreenCTM();
    if (!m) { return [view[0] + view[2] / 2, view[1] + view[3] / 2]; }
    var p = svg.createSVGPoint();
    p.x = clientX; p.y = clientY;
    p = p.matrixTransform(m.inverse());
    return [p.x, p.y];
  }
  function zoom(factor, cx, cy) {
    var w = Math.min(Math.max(view[2] / factor, MIN), MAX);
    var f = view[2] / w;
    if (cx === undefined) { cx = view[0] + view[2] / 2; cy = view[1] + view[3] / 2; }
    view = [cx - (cx - view[0]) / f, cy - (cy - view[1]) / f, view[2] / f, view[3] / f];
    apply();
  }
  function pan(dx, dy) { view[0] += dx; view[1] += dy; apply(); }
  function fit() { view = home.slice(); apply(); }
  function centreOn(x, y, minZoom) {
    var z = home[2] / view[2];
    if (minZoom && z < minZoom) { view[2] = home[2] / minZoom; view[3] = home[3] / minZoom; }
    view[0] = x - view[2] / 2; view[1] = y - view[3] / 2;
    apply();
  }

  box.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toUser(ev.clientX, ev.clientY);
    zoom(Math.pow(1.0015, -ev.deltaY), p[0], p[1]);
  }, { passive: false });

  var drag = null;
  box.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) { return; }
    drag = { x: ev.clientX, y: ev.clientY, moved: false, id: ev.pointerId };
  });
  box.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) { return; }
    if (!drag.moved) { box.setPointerCapture(drag.id); box.classList.add("dragging"); }
    drag.moved = true;
    var k = unitsPerPixel();
    pan(-dx * k, -dy * k);
    drag.x = ev.clientX; drag.y = ev.clientY;
  });
  function endDrag(ev) {
    if (!drag) { return; }
    var moved = drag.moved;
    drag = null;
    box.classList.remove("dragging");
    if (moved) { ev.preventDefault(); box.dataset.justDragged = "1"; setTimeout(function () { delete box.dataset.justDragged; }, 0); }
  }
  box.addEventListener("pointerup", endDrag);
  box.addEventListener("pointercancel", endDrag);

  box.addEventListener("keydown", function (ev) {
    var k = unitsPerPixel() * 60, used = true;
    switch (ev.key) {
      case "+": case "=": zoom(1.25); break;
      case "-": case "_": zoom(0.8); break;
      case "0": fit(); break;
      case "ArrowLeft": pan(-k, 0); break;
      case "ArrowRight": pan(k, 0); break;
      case "ArrowUp": pan(0, -k); break;
      case "ArrowDown": pan(0, k); break;
      default: used = false;
    }
    if (used) { ev.preventDefault(); }
  });
  document.querySelectorAll("button[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () {
      var z = b.getAttribute("data-zoom");
      if (z === "in") { zoom(1.4); } else if (z === "out") { zoom(1 / 1.4); } else { fit(); }
    });
  });
  window.addEventListener("resize", apply);
  window.addEventListener("beforeprint", fit);
  apply();

  /* -- findings and markers ------------------------------------------------------------ */
  function items(n) {
    return {
      li: document.getElementById("f-" + n),
      markers: svg.querySelectorAll('.marker[data-n="' + n + '"]'),
      box: svg.querySelector('.fbox[data-n="' + n + '"]')
    };
  }
  function clear() {
    document.querySelectorAll(".sel").forEach(function (e) { e.classList.remove("sel"); });
  }
  function select(n, from) {
    clear();
    var it = items(n);
    if (it.li) {
      it.li.classList.add("sel");
      it.li.setAttribute("aria-current", "true");
      if (from === "plan") { it.li.scrollIntoView({ block: "nearest" }); }
    }
    if (it.box) { it.box.classList.add("sel"); }
    it.markers.forEach(function (m) {
      m.classList.add("sel");
      m.parentNode.appendChild(m); /* on top of its neighbours */
    });
    if (from === "list" && it.markers.length) {
      var m = it.markers[0];
      var x = Number(m.getAttribute("data-x")), y = Number(m.getAttribute("data-y"));
      var z = home[2] / view[2];
      var inView = x > view[0] && x < view[0] + view[2] && y > view[1] && y < view[1] + view[3];
      if (!inView || z < 1.01) { centreOn(x, y, 2); }
    }
    root.setAttribute("data-selected", String(n));
  }
  if (list) {
    list.addEventListener("click", function (ev) {
      var li = ev.target.closest("li.finding");
      if (li) { select(li.getAttribute("data-n"), "list"); }
    });
    list.addEventListener("keydown", function (ev) {
      var li = ev.target.closest("li.finding");
      if (li && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); select(li.getAttribute("data-n"), "list"); }
    });
  }
  svg.addEventListener("click", function (ev) {
    if (box.dataset.justDragged) { return; }
    var m = ev.target.closest(".marker");
    if (m) { select(m.getAttribute("data-n"), "plan"); }
  });

  /* -- filters ------------------------------------------------------------------------- */
  var sevBoxes = document.querySelectorAll("input[data-filter-sev]");
  var ruleSelect = document.getElementById("filter-rule");
  var shownCount = document.getElementById("shown-count");
  function filter() {
    var sev = {};
    sevBoxes.forEach(function (b) { sev[b.getAttribute("data-filter-sev")] = b.checked; });
    var rule = ruleSelect ? ruleSelect.value : "";
    var shown = 0;
    document.querySelectorAll("[data-n][data-sev]").forEach(function (e) {
      var ok = sev[e.getAttribute("data-sev")] !== false && (!rule || e.getAttribute("data-rule") === rule);
      e.classList.toggle("off", !ok);
      if (ok && e.tagName.toLowerCase() === "li") { shown += 1; }
    });
    if (shownCount) { shownCount.textContent = String(shown); }
  }
  sevBoxes.forEach(function (b) { b.addEventListener("change", filter); });
  if (ruleSelect) { ruleSelect.addEventListener("change", filter); }
  filter();

  window.osmark = { select: select, zoom: zoom, fit: fit, pan: pan, setLang: setLang, filter: filter,
                    view: function () { return view.slice(); } };
})();
