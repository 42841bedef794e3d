// Inline post-editing on the version page. Without JavaScript every form still
// works (a POST with the CSRF token); with it, saves go through the JSON API:
// - a 409 shows the server's current text, revision and state and keeps yours in the editor;
// - edited-but-unsaved segments are marked and leaving the page asks first;
// - Ctrl+Enter saves a draft and moves to the next segment (Ctrl+Shift+Enter approves);
// - Alt+Down / Alt+Up go to the next / previous segment without saving (round 35: the
//   only way back was Shift+Tab through every button and link of the row above);
// - "Next untranslated" / "Next unapproved" jump from the current segment on;
// - the progress counts follow every save.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var strings = document.getElementById("postedit-strings").dataset;
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.postedit"));
  var current = null;  // the form last focused: where "next" starts from

  function show(form, kind, text, theirs) {
    var box = form.querySelector(".message");
    box.className = "message " + kind;
    box.textContent = text;
    if (theirs) {
      var quote = document.createElement("blockquote");
      quote.className = "server-text";
      quote.textContent = theirs;  // textContent: server text is never parsed as HTML
      box.appendChild(quote);
    }
  }

  function stateLabel(state) {
    return strings["state" + state.replace(/(^|_)(\w)/g, function (_m, _s, c) { return c.toUpperCase(); })] || state;
  }

  function setDirty(form, dirty) {
    form.classList.toggle("dirty", dirty);
    form.querySelector(".unsaved").hidden = !dirty;
  }

  function bump(id, delta) {
    var el = document.getElementById(id);
    if (el) { el.textContent = String(Number(el.textContent) + delta); }
    return el ? Number(el.textContent) : 0;
  }

  function recount(oldState, newState) {
    if (oldState === newState) { return; }
    bump("count-" + oldState, -1);
    bump("count-" + newState, 1);
    var translated = ["approved", "draft", "machine"].reduce(function (sum, s) {
      var el = document.getElementById("count-" + s);
      return sum + (el ? Number(el.textContent) : 0);
    }, 0);
    var approved = Number((document.getElementById("count-approved") || {}).textContent || 0);
    document.getElementById("count-translated").textContent = String(translated);
    document.getElementById("count-approved-bar").textContent = String(approved);
    document.getElementById("progress-translated").value = translated;
    document.getElementById("progress-approved").value = approved;
  }

  function update(form, t) {
    var row = form.closest("tr");
    recount(row.dataset.state, t.status);
    row.dataset.state = t.status;
    row.className = row.className.replace(/\bstate-\w+/, "state-" + t.status);
    form.dataset.revision = String(t.revision);
    form.querySelector("input[name=base_revision]").value = String(t.revision);
    form.querySelector(".rev").textContent = String(t.revision);
    var status = form.querySelector(".status");
    status.textContent = stateLabel(t.status);
    status.className = "status state-" + t.status;
    var edit = t.edit || {};
    form.querySelector(".edit").textContent =
      edit.ratio === null || edit.ratio === undefined ? "–" : Math.round(edit.ratio * 100) + "% (" + edit.distance + ")";
  }

  async function save(form, status) {
    var url = "/api/translations/" + form.dataset.segment + "/" + form.dataset.lang;
    var area = form.querySelector("textarea");
    var body = { text: area.value, base_revision: Number(form.dataset.revision), status: status };
    if (form.dataset.propagate === "0") { body.propagate = false; }
    var response;
    var data;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify(body),
        credentials: "same-origin"
      });
      data = await response.json();
    } catch (err) {
      show(form, "conflict", strings.failed + ": " + err);
      return false;
    }
    if (response.ok) {
      update(form, data.translation);
      form.dataset.saved = area.value;
      setDirty(form, false);
      show(form, "saved", strings.saved + " " + data.translation.revision);
      form.dispatchEvent(new CustomEvent("workbench:saved", { bubbles: true, detail: data }));
      return true;
    }
    if (response.status === 409) {
      var theirs = data.current;
      // the row shows the server's revision, state and counts (someone else's approval
      // must not still read "machine" here, or saving again downgrades it unseen);
      // the editor keeps your text, so the form stays dirty
      if (theirs) { update(form, theirs); }
      show(form, "conflict", strings.conflict, theirs ? theirs.text : "");
    } else {
      show(form, "conflict", strings.failed + ": " + data.error);
    }
    return false;
  }

  function focusForm(form) {
    var area = form.querySelector("textarea");
    form.closest("tr").scrollIntoView({ block: "center" });
    area.focus();
    current = form;
  }

  function nextForm(from, wanted) {
    var start = from ? forms.indexOf(from) + 1 : 0;
    for (var i = 0; i < forms.length; i++) {
      var form = forms[(start + i) % forms.length];
      if (!wanted || wanted.indexOf(form.closest("tr").dataset.state) >= 0) { return form; }
    }
    return null;
  }

  forms.forEach(function (form) {
    var area = form.querySelector("textarea");
    form.dataset.saved = area.value;
    area.addEventListener("input", function () { setDirty(form, area.value !== form.dataset.saved); });
    area.addEventListener("focus", function () { current = form; });
    area.addEventListener("keydown", function (event) {
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey &&
          (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        // move without saving: the edit stays in its editor, marked unsaved
        event.preventDefault();
        var other = forms[forms.indexOf(form) + (event.key === "ArrowDown" ? 1 : -1)];
        if (other) { focusForm(other); }
        return;
      }
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) { return; }
      event.preventDefault();
      save(form, event.shiftKey ? "approved" : "draft").then(function (saved) {
        var next = saved && nextForm(form, null);
        if (next && next !== form) { focusForm(next); }
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = event.submitter && event.submitter.value ? event.submitter.value : "draft";
      save(form, status);
    });
  });

  // A translation saved by another action (a propagation to a repeat on this page, or its
  // undo) shown in its row as a save would show it: text, revision, localised state and
  // the counts (round 35: the row read "approved" in English, its state and the counts
  // stayed as before).  An editor holding unsaved text keeps it: saving it meets a 409
  // with this text, so nothing is overwritten silently either way.
  document.addEventListener("workbench:refresh", function (event) {
    var form = event.target;
    var t = event.detail;
    if (forms.indexOf(form) < 0 || !t || form.classList.contains("dirty")) { return; }
    var shown = t.status === "none" ? { status: "untranslated", revision: 0, edit: null } : t;
    form.querySelector("textarea").value = t.text || "";
    form.dataset.saved = t.text || "";
    update(form, shown);
  });

  function jump(id, wanted) {
    var link = document.getElementById(id);
    if (!link) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var form = nextForm(current, wanted);
      if (form) { focusForm(form); }
    });
  }
  jump("next-untranslated", ["untranslated"]);
  jump("next-unapproved", ["untranslated", "machine", "draft"]);

  window.addEventListener("beforeunload", function (event) {
    if (forms.some(function (form) { return form.classList.contains("dirty"); })) {
      event.preventDefault();
      event.returnValue = strings.leave;  // browsers show their own wording
      return strings.leave;
    }
  });
})();
