// Rapport desk: live queue updates (SSE), keyboard shortcuts, canned replies. No framework.
(function () {
  "use strict";
  var rowsTable = document.querySelector("table.conversations[data-live]");
  var pendingRefresh = null;

  // Re-reads the current page and swaps in its rows and queue counts: the server renders them once.
  function refreshRows(highlight) {
    if (!rowsTable) return;
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var before = {};
        document.querySelectorAll("#rows tr[data-id]").forEach(function (tr) { before[tr.getAttribute("data-id")] = true; });
        var rowsNow = fresh.getElementById("rows"), queuesNow = fresh.querySelector(".queues ul");
        if (rowsNow) document.getElementById("rows").innerHTML = rowsNow.innerHTML;
        if (queuesNow) document.querySelector(".queues ul").innerHTML = queuesNow.innerHTML;
        document.querySelectorAll("#rows tr[data-id]").forEach(function (tr) {
          var id = tr.getAttribute("data-id");
          if (!before[id] || highlight[id]) tr.classList.add("fresh");
        });
        bindRows();
      });
  }

  // One stream per page for queue changes and the bell.
  var sources = {};
  function stream(url) {
    if (!window.EventSource) return null;
    if (!sources[url]) sources[url] = new EventSource(url);
    return sources[url];
  }

  function live(url, onChange) {
    var source = stream(url);
    if (!source) return;
    source.addEventListener("change", function (e) {
      var data = {};
      try { data = JSON.parse(e.data); } catch (err) { return; }
      onChange(data);
    });
  }

  // The bell: a colleague mentioned me or handed me a conversation.
  var unread = document.getElementById("unread");
  var bellSource = unread && stream("/inbox/events");
  if (bellSource) {
    bellSource.addEventListener("notification", function () {
      unread.textContent = String((parseInt(unread.textContent, 10) || 0) + 1);
      unread.classList.remove("none");
      unread.classList.add("fresh");
    });
  }

  // Announcements: the banner re-reads what is addressed to this user when one is posted or acknowledged.
  var banner = document.getElementById("announcements");
  var bannerSource = banner && stream("/inbox/events");
  if (bannerSource) {
    bannerSource.addEventListener("announcement", function () {
      fetch(banner.getAttribute("data-banner"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) banner.innerHTML = html; });
    });
  }

  if (rowsTable) {
    var touched = {};
    live(rowsTable.getAttribute("data-live"), function (data) {
      touched[String(data.conversationId)] = true;
      // Coalesce bursts into one refresh.
      if (pendingRefresh) return;
      pendingRefresh = setTimeout(function () { pendingRefresh = null; refreshRows(touched); touched = {}; }, 300);
    });
  }

  // The alert queue: re-read the server-rendered cards when an alert is raised or changes (any instance).
  var alertsDesk = document.querySelector("[data-alerts-live]");
  if (alertsDesk && window.EventSource) {
    var alertSource = stream(alertsDesk.getAttribute("data-alerts-live"));
    var alertTimer = null, alertTouched = {};
    var refreshAlerts = function () {
      var touched = alertTouched;
      alertTimer = null; alertTouched = {};
      fetch(window.location.href, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null) return;
          var fresh = new DOMParser().parseFromString(html, "text/html");
          var list = fresh.getElementById("alert-list"), count = fresh.getElementById("alert-count");
          if (list) document.getElementById("alert-list").innerHTML = list.innerHTML;
          if (count) document.getElementById("alert-count").textContent = count.textContent;
          document.querySelectorAll("#alert-list [data-alert]").forEach(function (card) {
            if (touched[card.getAttribute("data-alert")]) card.classList.add("fresh");
          });
        });
    };
    alertSource.addEventListener("alert", function (e) {
      try { alertTouched[String(JSON.parse(e.data).alertId)] = true; } catch (err) { return; }
      if (alertTimer) return;
      alertTimer = setTimeout(refreshAlerts, 200);
    });
    // Alerts raised while the stream was not yet (or no longer) connected sent no event: re-read the list on
    // every (re)connection.
    alertSource.addEventListener("open", function () {
      if (!alertTimer) alertTimer = setTimeout(refreshAlerts, 200);
    });
  }

  var conversation = document.querySelector(".conversation[data-conversation]");
  if (conversation) {
    var id = conversation.getAttribute("data-conversation");
    live(conversation.getAttribute("data-live"), function (data) {
      var typing = document.activeElement && document.activeElement.tagName === "TEXTAREA" && document.activeElement.value;
      if (String(data.conversationId) === id && !typing) window.location.reload();
    });
  }

  // Collision detection: who else has this conversation open, and who is typing.
  if (conversation && window.EventSource) {
    var convID = conversation.getAttribute("data-conversation");
    var presence = new EventSource("/conversations/" + convID + "/presence");
    presence.addEventListener("viewers", function (e) {
      var box = document.getElementById("presence");
      var viewers = [];
      try { viewers = JSON.parse(e.data); } catch (err) { return; }
      box.textContent = viewers.length === 0 ? "" : viewers.map(function (v) {
        return v.name + (v.typing ? " is typing a reply" : " is viewing");
      }).join(" · ");
    });
    var lastTyping = 0;
    var reply = document.getElementById("reply");
    if (reply) {
      reply.addEventListener("input", function () {
        var now = Date.now();
        if (now - lastTyping < 3000) return;
        lastTyping = now;
        var form = new URLSearchParams();
        form.set("_csrf", document.body.getAttribute("data-csrf") || "");
        fetch("/conversations/" + convID + "/typing", { method: "POST", credentials: "same-origin", body: form });
      });
    }
  }

  // A known incident's suggested reply, offered first.
  document.querySelectorAll("button.use-reply").forEach(function (button) {
    button.addEventListener("click", function () {
      var box = document.getElementById("reply");
      if (box) { box.value = button.getAttribute("data-reply"); box.focus(); }
    });
  });

  var canned = document.querySelector("select.canned");
  if (canned) {
    canned.addEventListener("change", function () {
      var box = document.getElementById("reply");
      if (box && canned.value) { box.value = canned.value; box.focus(); }
      canned.value = "";
    });
  }

  // Knowledge-base suggestions: "Insert" puts the article's text (or public link) into the reply box and records
  // the use, so the ranking learns which articles resolve which questions.
  // "Who has answered this before" arrives after the page: the reply box does not wait for its full-text match.
  var experts = document.querySelector(".kb-experts[data-experts]");
  if (experts) {
    fetch(experts.getAttribute("data-experts"), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body || !body.items.length) return;
        var list = experts.querySelector("ul");
        body.items.forEach(function (e) {
          var li = document.createElement("li");
          li.textContent = e.name + " ";
          var n = document.createElement("span"); n.className = "muted"; n.textContent = e.resolved + " similar resolved";
          li.appendChild(n); list.appendChild(li);
        });
        experts.hidden = false;
      }).catch(function () {});
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.kb-insert"), function (button) {
    button.addEventListener("click", function () {
      var box = document.getElementById("reply");
      var item = button.closest("[data-kb-article]");
      if (!box || !item) return;
      var text = button.getAttribute("data-text") || "";
      box.value = box.value ? box.value.replace(/\s*$/, "") + "\n\n" + text : text;
      box.focus();
      var body = new URLSearchParams();
      body.set("_csrf", document.body.getAttribute("data-csrf") || "");
      body.set("conversation", item.getAttribute("data-kb-conversation"));
      body.set("mode", button.getAttribute("data-mode") || "text");
      fetch("/kb/" + item.getAttribute("data-kb-article") + "/uses", {
        method: "POST", credentials: "same-origin", body: body
      });
    });
  });

  var cursor = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("#rows tr[data-href]")); }
  function bindRows() {
    rows().forEach(function (tr) {
      tr.addEventListener("click", function (e) {
        if (e.target.tagName !== "A") window.location = tr.getAttribute("data-href");
      });
    });
  }
  bindRows();
  function move(step) {
    var all = rows();
    if (!all.length) return;
    if (cursor >= 0 && all[cursor]) all[cursor].classList.remove("cursor");
    cursor = Math.max(0, Math.min(all.length - 1, cursor + step));
    all[cursor].classList.add("cursor");
    all[cursor].scrollIntoView({ block: "nearest" });
  }

  // The visitor's web chat (/chat): send without leaving the page and show replies as they arrive. Text is
  // set with textContent, never as HTML.
  var chatLog = document.getElementById("chat-log");
  var chatForm = document.getElementById("chat-form");
  if (chatLog && chatForm) {
    var shown = "";
    var renderChat = function (items) {
      var ids = items.map(function (m) { return m.id; }).join(",");
      if (ids === shown) return;
      shown = ids;
      chatLog.textContent = "";
      items.forEach(function (m) {
        var li = document.createElement("li");
        li.className = "chat-" + m.from;
        li.setAttribute("data-id", m.id);
        var who = document.createElement("span"); who.className = "who"; who.textContent = m.name;
        var at = document.createElement("time"); at.setAttribute("datetime", m.at); at.textContent = m.at;
        var p = document.createElement("p"); p.textContent = m.text;
        li.appendChild(who); li.appendChild(document.createTextNode(" ")); li.appendChild(at); li.appendChild(p);
        chatLog.appendChild(li);
      });
      var empty = document.getElementById("chat-empty");
      if (empty && items.length) empty.hidden = true;
    };
    var pollChat = function () {
      fetch(chatLog.getAttribute("data-source"), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) { if (body) renderChat(body.items); })
        .catch(function () {});
    };
    shown = Array.prototype.map.call(chatLog.querySelectorAll("li[data-id]"), function (li) {
      return li.getAttribute("data-id");
    }).join(",");
    setInterval(pollChat, 3000);
    chatForm.addEventListener("submit", function (e) {
      e.preventDefault();
      var error = document.getElementById("chat-error");
      fetch(chatForm.action, {
        method: "POST", credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(new FormData(chatForm)).toString()
      }).then(function (r) {
        if (r.ok) {
          error.hidden = true;
          document.getElementById("chat-text").value = "";
          setTimeout(pollChat, 300);
          return;
        }
        return r.json().then(function (b) { error.textContent = (b && b.error && b.error.message) || "Not sent"; error.hidden = false; });
      }).catch(function () { error.textContent = "Not sent: check your connection"; error.hidden = false; });
    });
  }

  var lastKey = "";
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    var k = e.key;
    if (lastKey === "g" && k === "i") { window.location = "/inbox"; return; }
    lastKey = k;
    if (k === "j") move(1);
    else if (k === "k") move(-1);
    else if (k === "Enter" && cursor >= 0) { var r = rows()[cursor]; if (r) window.location = r.getAttribute("data-href"); }
    else if (k === "/") { var s = document.querySelector("input[type=search]"); if (s) { e.preventDefault(); s.focus(); } }
    else if (k === "r") { var t = document.getElementById("reply"); if (t) { e.preventDefault(); t.focus(); } }
    else if (k === "n") { var n = document.getElementById("note"); if (n) { e.preventDefault(); n.focus(); } }
    else if (k === "e") { var b = document.querySelector("button[data-key=e]"); if (b) b.click(); }
  });
})();
