// Keyboard navigation of the compare view: j = next change, k = previous change.
// Only visible rows that are changes (not "unchanged") are visited; the row gets
// focus (visible ring) and is scrolled into view.
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("#compare tr.pair.change"));
  var position = document.getElementById("position");
  var current = -1;

  // The rows come in windows (pages): j past the last change opens the next window
  // at its first change, k before the first opens the previous one at its last.
  var table = document.getElementById("compare");
  var nextUrl = table ? table.getAttribute("data-next") : "";
  var prevUrl = table ? table.getAttribute("data-prev") : "";

  function go(index) {
    if (index >= rows.length && nextUrl) { location.href = nextUrl; return; }
    if (index < 0 && prevUrl) { location.href = prevUrl; return; }
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
    // a change reached by a link (the story desk's "row N", a moved row) says where it is
    if (position && rows[current] === row) { position.textContent = (current + 1) + " / " + rows.length; }
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

  // A "moved to / here from row N" link whose row is in another window opens that window.
  Array.prototype.slice.call(document.querySelectorAll("#compare a.move")).forEach(function (link) {
    link.addEventListener("click", function (event) {
      var id = (link.getAttribute("href") || "").slice(1);
      if (!id || document.getElementById(id)) { return; }
      event.preventDefault();
      var url = new URL(location.href);
      url.searchParams.delete("offset");
      url.searchParams.set("at", id.replace("pair-", ""));
      url.hash = id;
      location.href = url.toString();
    });
  });
  if (location.hash === "#first-change") { go(0); }
  else if (location.hash === "#last-change") { go(rows.length - 1); }
  else { followHash(); }  // opened at #pair-N: j/k and the counter start from that row

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
