// CAT additions to the version page: glossary terms marked in the source, TM
// matches copied into the editor, QA warnings refreshed after every save.
// All text goes in through textContent: nothing from the server is parsed as HTML.
(function () {
  "use strict";
  var stringsEl = document.getElementById("cat-strings");
  var strings = stringsEl ? stringsEl.dataset : {};

  function label(code) {
    var key = "check" + code.split("_").map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1); }).join("");
    return strings[key] || code;
  }

  // Where a check looked and the punctuation it compared, in the page's language.
  function word(code) {
    return strings["word" + code.charAt(0).toUpperCase() + code.slice(1)] || code;
  }

  function markTerms(box) {
    var row = document.getElementById("seg-" + box.dataset.segment);
    var cell = row && row.querySelector("td.source");
    var items = Array.prototype.slice.call(box.querySelectorAll(".cat-terms li"));
    if (!cell || !items.length) { return; }
    var text = cell.textContent;
    var spans = items.map(function (li) {
      return { start: Number(li.dataset.start), end: Number(li.dataset.end), target: li.dataset.target, forbidden: li.dataset.forbidden === "1" };
    }).sort(function (a, b) { return a.start - b.start; });
    var seen = {};
    cell.textContent = "";
    var pos = 0;
    spans.forEach(function (sp) {
      if (sp.start < pos || seen[sp.start]) { return; }
      seen[sp.start] = true;
      cell.appendChild(document.createTextNode(text.slice(pos, sp.start)));
      var mark = document.createElement("mark");
      mark.className = "term";
      mark.title = "→ " + spans.filter(function (o) { return o.start === sp.start; })
        .map(function (o) { return (o.forbidden ? "≠ " : "") + o.target; }).join(", ");
      mark.textContent = text.slice(sp.start, sp.end);
      cell.appendChild(mark);
      pos = sp.end;
    });
    cell.appendChild(document.createTextNode(text.slice(pos)));
  }

  function renderQa(list, warnings) {
    list.textContent = "";
    (warnings || []).forEach(function (w) {
      var li = document.createElement("li");
      li.className = "qa-warning";
      li.dataset.check = w.check;
      var strong = document.createElement("strong");
      strong.textContent = label(w.check);
      li.appendChild(strong);
      var d = w.detail || {};
      var parts = [];
      if (d.missing && d.missing.length) { parts.push(strings.missing + ": " + d.missing.join(", ")); }
      if (d.extra && d.extra.length) { parts.push(strings.extra + ": " + d.extra.join(", ")); }
      if (d.source_format && d.source_format.length) {
        parts.push(strings.sourceFormat + ": " + d.source_format.join(", "));
      }
      if (d.term) { parts.push((d.source || "*") + " → " + d.term); }
      if (d.words) { parts.push(d.words.join(", ")); }
      if (d.where && !d.term) {
        var compared = d.source !== undefined && d.target !== undefined;
        parts.push(word(d.where) + (compared ? " (" + word(d.source) + " / " + word(d.target) + ")" : ""));
      }
      if (parts.length) { li.appendChild(document.createTextNode(" · " + parts.join(" · "))); }
      list.appendChild(li);
    });
  }

  document.querySelectorAll(".cat-checks").forEach(markTerms);

  // A translator's role saves drafts only: the approve buttons say so instead of failing.
  if (strings.canApprove === "0") {
    document.querySelectorAll('form.postedit button[value="approved"]').forEach(function (b) {
      b.disabled = true;
      b.title = strings.approveDenied;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".tm-use") : null;
    if (!button) { return; }
    var match = button.closest(".tm-match");
    var cell = button.closest("td");
    var area = cell && cell.querySelector("form.postedit textarea");
    if (area && match) {
      area.value = match.dataset.target;
      // as typing would: the editor marks the row unsaved and the leave guard knows
      // (round 35: a used match looked saved, and leaving the page dropped it silently)
      area.dispatchEvent(new Event("input", { bubbles: true }));
      area.focus();
    }
  });

  function formOf(segmentId) {
    return document.querySelector('form.postedit[data-segment="' + segmentId + '"]');
  }

  // A propagated or restored translation shown in its row, if that row is on this page.
  function refresh(item) {
    var form = formOf(item.segment_id);
    if (!form || !item.translation) { return; }
    // postedit.js owns the row: labels in the page's language, state, counts
    form.dispatchEvent(new CustomEvent("workbench:refresh", { bubbles: true, detail: item.translation }));
  }

  function showPropagation(box, result) {
    var out = box.querySelector(".propagated");
    out.textContent = strings.applied + ": " + result.segments.length + " ";
    var undo = document.createElement("button");
    undo.type = "button";
    undo.className = "cat-undo";
    undo.dataset.batch = result.batch;
    undo.textContent = strings.undo;
    out.appendChild(undo);
  }

  async function undoBatch(button) {
    var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
    var response = await fetch("/api/propagations/" + encodeURIComponent(button.dataset.batch) + "/undo", {
      method: "POST", headers: { "X-CSRFToken": token }, credentials: "same-origin"
    });
    var data = await response.json();
    var out = button.parentNode;
    if (!response.ok) { out.textContent = data.error; return; }
    data.result.segments.forEach(refresh);
    out.textContent = strings.undone + ": " + data.result.segments.length;
  }

  document.addEventListener("change", function (event) {
    var box = event.target.closest ? event.target.closest(".cat-propagate") : null;
    if (!box) { return; }
    var form = formOf(box.closest(".cat-checks").dataset.segment);
    if (form) { form.dataset.propagate = event.target.checked ? "1" : "0"; }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".cat-undo") : null;
    if (button) { undoBatch(button); }
  });

  document.addEventListener("workbench:saved", function (event) {
    var form = event.target;
    var box = document.querySelector('.cat-checks[data-segment="' + form.dataset.segment + '"]');
    var data = event.detail;
    if (!box || !data) { return; }
    renderQa(box.querySelector(".cat-qa"), data.qa);
    if (data.propagated && data.propagated.batch) {
      data.propagated.segments.forEach(refresh);
      showPropagation(box, data.propagated);
    }
  });
})();
