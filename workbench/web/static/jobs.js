// Follow a background comparison: poll its JSON twin, show progress, open the result.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var url = box.getAttribute("data-status-url");

  function show(job, next) {
    box.querySelector(".job-done").textContent = job.done;
    box.querySelector(".job-total").textContent = job.total || "?";
    var bar = box.querySelector(".job-progress");
    bar.max = job.total || 1;
    bar.value = job.done;
    if (job.status === "done" && next) { location.href = next; return true; }
    if (job.status === "failed") { location.reload(); return true; }
    return false;
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (body) { if (!body.ok || !show(body.job, body.next_url)) { setTimeout(poll, 700); } })
      .catch(function () { setTimeout(poll, 2000); });
  }
  if (box.getAttribute("data-status") === "done" && box.getAttribute("data-next")) {
    location.href = box.getAttribute("data-next");
  } else if (box.getAttribute("data-status") !== "failed") {
    poll();
  }
})();
