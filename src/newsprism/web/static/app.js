// The app page: send the form in the background, show the ingest's progress, reload when done.
(function () {
  "use strict";
  var form = document.getElementById("ingest"), box = document.getElementById("progress");
  function show(s) {
    box.hidden = false;
    box.querySelector(".state").textContent = s.state;
    box.querySelector(".phase").textContent = s.phase || "";
    box.querySelector(".count").textContent = s.total ? s.done + "/" + s.total : "";
    var bar = box.querySelector("progress");
    bar.max = s.total || 1; bar.value = s.done || 0;
    var list = box.querySelector(".errors");
    if (list) {
      list.textContent = "";
      (s.errors || []).forEach(function (e) { var li = document.createElement("li"); li.textContent = e; list.appendChild(li); });
    }
  }
  function poll(id) {
    fetch("/api/ingest/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        show(s);
        if (s.finished) { if (!(s.errors || []).length || s.added || s.merged) location.assign("/"); }
        else setTimeout(function () { poll(id); }, 500);
      })
      .catch(function () { setTimeout(function () { poll(id); }, 1500); });
  }
  if (form && box && window.fetch) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      show({ state: "uploading", done: 0, total: 0 });
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
        .then(function (r) {
          if (!r.ok) { show({ state: "refused", errors: [String(r.body.detail || "upload refused")] }); return; }
          form.reset();
          poll(r.body.id);
        })
        .catch(function (e) { show({ state: "failed", errors: [String(e)] }); });
    });
  }
  // The page says the analysis is still running: ask until it is ready, then show the stories.
  if (document.getElementById("analyzing")) {
    var wait = function () {
      fetch("/api/status").then(function (r) { return r.json(); }).then(function (s) {
        if (s.analysis_ready) location.reload(); else setTimeout(wait, 1000);
      }).catch(function () { setTimeout(wait, 2000); });
    };
    setTimeout(wait, 1000);
  }
})();
