// Inline post-editing: save a translation through the JSON API with the CSRF
// token. A 409 shows the server's current text; nothing is overwritten silently.
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var strings = document.getElementById("postedit-strings").dataset;

  function show(form, kind, text, current) {
    var box = form.querySelector(".message");
    box.className = "message " + kind;
    box.textContent = text;
    if (current) {
      var quote = document.createElement("blockquote");
      quote.className = "server-text";
      quote.textContent = current;  // textContent: server text is never parsed as HTML
      box.appendChild(quote);
    }
  }

  function update(form, t) {
    form.dataset.revision = String(t.revision);
    form.querySelector(".rev").textContent = String(t.revision);
    var status = form.querySelector(".status");
    status.textContent = t.status;
    status.className = "status status-" + t.status;
    var edit = t.edit || {};
    form.querySelector(".edit").textContent =
      edit.ratio === null || edit.ratio === undefined ? "–" : Math.round(edit.ratio * 100) + "% (" + edit.distance + ")";
  }

  async function save(form, status) {
    var url = "/api/translations/" + form.dataset.segment + "/" + form.dataset.lang;
    var body = { text: form.querySelector("textarea").value, base_revision: Number(form.dataset.revision), status: status };
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
      return;
    }
    if (response.ok) {
      update(form, data.translation);
      show(form, "saved", strings.saved + " " + data.translation.revision);
    } else if (response.status === 409) {
      var current = data.current;
      if (current) { form.dataset.revision = String(current.revision); form.querySelector(".rev").textContent = String(current.revision); }
      show(form, "conflict", strings.conflict, current ? current.text : "");
    } else {
      show(form, "conflict", strings.failed + ": " + data.error);
    }
  }

  document.querySelectorAll("form.postedit").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = event.submitter && event.submitter.value ? event.submitter.value : "draft";
      save(form, status);
    });
  });
})();
