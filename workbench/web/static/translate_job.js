// Translate as a background job: start it through /api/jobs, poll its progress,
// keep the button disabled while it runs, reload when it is done (unless the
// translator has unsaved edits: then a link says the translations are ready).
(function () {
  "use strict";
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var strings = (document.getElementById("job-strings") || { dataset: {} }).dataset;

  function label(status) { return strings["status" + status.charAt(0).toUpperCase() + status.slice(1)] || status; }

  function dirty() { return document.querySelector("form.postedit.dirty") !== null; }

  function show(form, job) {
    var box = form.querySelector(".job-status");
    box.hidden = false;
    var bar = box.querySelector("progress");
    bar.max = job.segments.total || 1;
    bar.value = job.segments.done || 0;
    box.querySelector(".job-text").textContent =
      label(job.status) + ": " + (job.segments.done || 0) + " / " + (job.segments.total || 0) +
      (job.error ? " — " + job.error : "");
  }

  function finished(form, job) {
    form.querySelector("button[type=submit]").disabled = false;
    if (job.status !== "done") { return; }
    var target = form.querySelector("select[name=target]").value;
    var url = new URL(window.location.href);
    url.searchParams.set("target", target);
    url.searchParams.delete("job");
    if (dirty()) {
      var link = document.createElement("a");
      link.href = url.toString();
      link.textContent = strings.ready || "Reload";
      form.querySelector(".job-status").appendChild(link);
    } else {
      window.location.assign(url.toString());
    }
  }

  function poll(form, id) {
    form.querySelector("button[type=submit]").disabled = true;
    fetch("/api/jobs/" + id, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (!data.ok) { throw new Error(data.error); }
        show(form, data.job);
        if (data.job.status === "done" || data.job.status === "failed") { finished(form, data.job); }
        else { window.setTimeout(function () { poll(form, id); }, 1000); }
      })
      .catch(function (err) {
        form.querySelector(".job-status").hidden = false;
        form.querySelector(".job-text").textContent = (strings.failed || "Error") + ": " + err.message;
        form.querySelector("button[type=submit]").disabled = false;
      });
  }

  document.querySelectorAll("form.translate-job").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button.disabled) { return; }
      button.disabled = true;  // no double submission
      var body = {
        target: form.querySelector("select[name=target]").value,
        include_boilerplate: form.querySelector("input[name=include_boilerplate]").checked,
        retranslate: form.querySelector("input[name=retranslate]").checked
      };
      if (form.dataset.version) { body.version_ids = [Number(form.dataset.version)]; }
      if (form.dataset.story) { body.story = Number(form.dataset.story); }
      fetch("/api/jobs", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify(body),
        credentials: "same-origin"
      })
        .then(function (r) {
          if (r.status === 404 || r.status === 405) { return null; }  // no jobs API here
          return r.json();
        })
        .then(function (data) {
          if (data === null) { form.submit(); return; }  // the plain form: translated server-side
          if (!data.ok) { throw new Error(data.error); }
          show(form, data.job);
          poll(form, data.job.id);
        })
        .catch(function (err) {
          form.querySelector(".job-status").hidden = false;
          form.querySelector(".job-text").textContent = (strings.failed || "Error") + ": " + err.message;
          button.disabled = false;
        });
    });
    if (form.dataset.job) { poll(form, form.dataset.job); }
  });
})();
