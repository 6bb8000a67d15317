// Live alerts on /dashboard: when the server announces a new or changed alert, reload the alert list
// (server-rendered, so every text stays escaped). No other script runs on the page.
(function () {
  "use strict";
  var panel = document.getElementById("alerts");
  if (!panel || !window.EventSource) return;
  var pending = false;
  function refresh() {
    if (pending) return;
    pending = true;
    fetch("/dashboard/alerts", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        pending = false;
        if (html === null) return;
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.body;
        panel.replaceChildren.apply(panel, Array.prototype.slice.call(fresh.childNodes));
        panel.classList.add("fresh");
      })
      .catch(function () { pending = false; });
  }
  var source = new EventSource("/dashboard/events");
  source.addEventListener("alert", refresh);
})();
