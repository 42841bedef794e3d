// Keyboard navigation of the compare view: j = next change, k = previous change.
// Only visible rows that are changes (not "unchanged") are visited; the row gets
// focus (visible ring) and is scrolled into view.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#compare tr.pair.change"));
  var position = document.getElementById("position");
  var current = -1;

  function go(index) {
    if (!rows.length) { return; }
    current = Math.max(0, Math.min(rows.length - 1, index));
    var row = rows[current];
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
    if (position) { position.textContent = (current + 1) + " / " + rows.length; }
  }

  // Clicking a row, or following a "moved" link (#pair-N), makes j/k continue from there.
  var all = Array.prototype.slice.call(document.querySelectorAll("#compare tr.pair"));
  var seenHash = "";  // an anchor in the opening URL counts as followed too
  function follow(row) {
    var at = all.indexOf(row);
    if (at < 0) { return; }
    var next = rows.findIndex(function (r) { return all.indexOf(r) >= at; });
    current = next < 0 ? rows.length - 1 : (rows[next] === row ? next : next - 1);
  }
  function followHash() {
    if (location.hash === seenHash) { return; }
    seenHash = location.hash;
    var target = document.getElementById(seenHash.slice(1));
    if (target) { follow(target); }
  }
  all.forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (!event.target.closest("a")) { seenHash = location.hash; follow(row); }
    });
  });
  window.addEventListener("hashchange", followHash);

  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || event.ctrlKey || event.metaKey || event.altKey) { return; }
    followHash();  // a followed link counts even if its hashchange event has not run yet
    if (event.key === "j") { event.preventDefault(); go(current + 1); }
    else if (event.key === "k") { event.preventDefault(); go(current < 0 ? 0 : current - 1); }
  });

  // Re-apply the filters as soon as a box is ticked (the button stays for no-JS use).
  var filters = document.getElementById("filters");
  if (filters) {
    filters.addEventListener("change", function () { filters.submit(); });
  }
})();
