/*!
 * IMT Mines Alès student-services assistant: embeddable chat widget.
 * Plain JavaScript; its only dependency is the socket.io client, vendored next to this file
 * (vendor/socket.io.min.js) and loaded when the chat is first opened. Talks to Rasa's socket.io
 * channel. Bot text is never parsed as HTML: messages are built as DOM nodes.
 *
 * <script src="https://ASSISTANT/widget.js" data-server="https://ASSISTANT-RASA" defer></script>
 * Optional attributes: data-lang (fr|en; default: the page's <html lang>), data-color (main colour),
 * data-text-color (text on the main colour; default: the more readable of white and near-black),
 * data-title, data-socket-path (default /socket.io/), data-site-url (shown when the server is
 * unreachable), data-storage-key (default imt-chat).
 */
(function () {
  "use strict";

  var script = document.currentScript || (function () {
    var all = document.querySelectorAll("script[src*='widget']");
    return all[all.length - 1];
  })();
  if (!script || window.__imtChatWidget) { return; }
  window.__imtChatWidget = true;

  // ---- Settings ----------------------------------------------------------------------------------

  var data = script.dataset || {};
  var base = new URL(".", script.src || location.href).href;

  function pickLanguage() {
    var wanted = (data.lang || document.documentElement.lang || "fr").toLowerCase();
    if (wanted.indexOf("fr") === 0) { return "fr"; }
    return wanted.indexOf("en") === 0 ? "en" : "fr";
  }

  var LANG = pickLanguage();
  var SERVER = (data.server || (location.protocol + "//" + location.hostname + ":5005")).replace(/\/+$/, "");
  var SOCKET_PATH = data.socketPath || "/socket.io/";
  var SITE_URL = data.siteUrl || "https://www.imt-mines-ales.fr";
  var KEY = data.storageKey || "imt-chat";
  var MAX_HISTORY = 200;
  var NO_ANSWER_MS = 45000;

  var STRINGS = {
    fr: {
      title: "Assistant IMT Mines Alès",
      launcher: "Une question ?",
      launcherMore: " – discuter avec l'assistant",
      close: "Fermer la discussion",
      newConversation: "Nouvelle conversation",
      messages: "Messages de la conversation",
      inputLabel: "Votre message",
      placeholder: "Écrivez votre question…",
      send: "Envoyer",
      typing: "L'assistant écrit…",
      you: "Vous : ",
      bot: "Assistant : ",
      suggestions: "Réponses suggérées",
      colon: " : ",
      newTab: " (nouvel onglet)",
      connecting: "Connexion à l'assistant…",
      lost: "Connexion à l'assistant perdue ; nouvelle tentative en cours. En attendant, consultez ",
      notSent: "Message non envoyé : l'assistant est injoignable pour le moment. Réessayez dans un instant, ou consultez ",
      noAnswer: "L'assistant ne répond pas pour le moment. Réessayez dans un instant, ou consultez ",
      privacy: "Vos messages sont conservés pour suivre la conversation, puis effacés. « Nouvelle conversation » efface l'historique de ce navigateur."
    },
    en: {
      title: "IMT Mines Alès assistant",
      launcher: "Questions?",
      launcherMore: " – chat with the assistant",
      close: "Close the chat",
      newConversation: "New conversation",
      messages: "Conversation messages",
      inputLabel: "Your message",
      placeholder: "Type your question…",
      send: "Send",
      typing: "The assistant is typing…",
      you: "You: ",
      bot: "Assistant: ",
      suggestions: "Suggested replies",
      colon: ": ",
      newTab: " (new tab)",
      connecting: "Connecting to the assistant…",
      lost: "Connection to the assistant lost; trying again. Meanwhile, see ",
      notSent: "Message not sent: the assistant cannot be reached right now. Try again in a moment, or see ",
      noAnswer: "The assistant is not answering right now. Try again in a moment, or see ",
      privacy: "Your messages are kept to follow the conversation, then deleted. \"New conversation\" clears this browser's history."
    }
  };
  var T = STRINGS[LANG];
  var TITLE = data.title || T.title;

  // ---- Colours: keep text readable (WCAG AA) whatever colour the site picks -----------------------

  function parseColour(value) {
    var probe = document.createElement("span");
    probe.style.color = value;
    if (!probe.style.color) { return null; }
    document.documentElement.appendChild(probe);
    var rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
    probe.remove();
    return rgb ? rgb.slice(0, 3).map(Number) : null;
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  function colours() {
    var primary = parseColour(data.color || "#00507f") || [0, 80, 127];
    var white = [255, 255, 255], ink = [27, 31, 36];
    var text = data.textColor && parseColour(data.textColor);
    if (!text || contrast(text, primary) < 4.5) {
      text = contrast(white, primary) >= contrast(ink, primary) ? white : ink;
    }
    var css = function (rgb) { return "rgb(" + rgb.join(",") + ")"; };
    return {
      primary: css(primary),
      onPrimary: css(text),
      // Quick replies and links are drawn on white: the main colour only if readable there.
      accent: css(contrast(primary, white) >= 4.5 ? primary : ink)
    };
  }

  // ---- Storage: the session id and the displayed history survive reloads and pages ----------------

  var memory = {};
  function store(kind) {
    try {
      var s = window[kind];
      s.setItem(KEY + ":probe", "1");
      s.removeItem(KEY + ":probe");
      return s;
    } catch (e) {
      return { getItem: function (k) { return memory[k] || null; },
               setItem: function (k, v) { memory[k] = String(v); },
               removeItem: function (k) { delete memory[k]; } };
    }
  }
  var local = store("localStorage");
  var perTab = store("sessionStorage");
  var SESSION_KEY = KEY + ":session", HISTORY_KEY = KEY + ":history",
      OPEN_KEY = KEY + ":open", AWAIT_KEY = KEY + ":awaiting";
  var TAB_ID = Math.random().toString(36).slice(2);

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ""); }
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function readJSON(s, key) {
    try { return JSON.parse(s.getItem(key) || "null"); } catch (e) { return null; }
  }

  var sessionId = local.getItem(SESSION_KEY);
  if (!sessionId) { sessionId = newId(); local.setItem(SESSION_KEY, sessionId); }

  function loadHistory() {
    var h = readJSON(local, HISTORY_KEY);
    return h && h.session === sessionId && Array.isArray(h.messages) ? h.messages : [];
  }
  var history = loadHistory();

  function saveHistory() {
    history = history.slice(-MAX_HISTORY);
    try {
      local.setItem(HISTORY_KEY, JSON.stringify({ session: sessionId, messages: history }));
    } catch (e) { /* storage full: the conversation still works, it just won't survive a reload */ }
  }

  // Several tabs share one conversation and all receive its answers: only the tab that asked
  // writes them to the history; the others re-render from the storage event.
  function claimAnswers() {
    local.setItem(AWAIT_KEY, JSON.stringify({ tab: TAB_ID, until: Date.now() + NO_ANSWER_MS }));
  }
  function ownsAnswers() {
    var a = readJSON(local, AWAIT_KEY);
    if (a && a.until > Date.now()) { return a.tab === TAB_ID; }
    return document.visibilityState !== "hidden";
  }

  // ---- DOM helpers --------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value == null) { return; }
      if (name === "text") { node.textContent = value; }
      else if (name === "className") { node.className = value; }
      else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(path) {
    var ns = "http://www.w3.org/2000/svg";
    var icon = document.createElementNS(ns, "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", path);
    icon.appendChild(p);
    return icon;
  }

  // Links: full URLs, e-mail addresses, French phone numbers ("04 67 41 50 00", "0 800 235 236")
  // and bare domains ("imt-mines-ales.fr", "caf.fr/aides").
  var LINK_RE = new RegExp(
    "(^|[^\\w@/.+-])(" +
      "https?://[^\\s<>\"«»]+" +
      "|[\\w.%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}" +
      "|(?:(?:\\+33[ .]?|0)[1-9](?:[ .-]?\\d{2}){4}|0 ?[89]\\d{2} ?\\d{3} ?\\d{3})(?![\\d.-]*\\d)" +
      "|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:fr|com|org|net|eu|info|io|edu|int)(?![\\w-])(?:/[^\\s<>\"«»]*)?" +
    ")", "gi");
  var TRAILING = /[.,;:!?'"»)\]]+$/;

  function safeHref(match) {
    if (/^[+\d][\d .-]+$/.test(match)) { return "tel:" + match.replace(/[ .-]/g, ""); }
    var href = /^https?:\/\//i.test(match) ? match
      : match.indexOf("@") > 0 ? "mailto:" + match : "https://" + match;
    try {
      var url = new URL(href);
      return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
    } catch (e) { return null; }
  }

  function link(href, label) {
    var a = el("a", { href: href, text: label });
    if (/^https?:/.test(href)) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(el("span", { className: "imtc-sr", text: T.newTab }));
    }
    return a;
  }

  function linkify(text) {
    var fragment = document.createDocumentFragment();
    var last = 0, m;
    LINK_RE.lastIndex = 0;
    while ((m = LINK_RE.exec(text)) !== null) {
      var start = m.index + m[1].length;
      var found = m[2];
      var trail = (found.match(TRAILING) || [""])[0];
      found = found.slice(0, found.length - trail.length);
      var href = found && safeHref(found);
      if (!href) { continue; }
      fragment.appendChild(document.createTextNode(text.slice(last, start)));
      fragment.appendChild(link(href, found));
      last = start + found.length;
      LINK_RE.lastIndex = last;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  // ---- The window ---------------------------------------------------------------------------------

  var host = el("div", { id: "imt-chat-widget" });
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var palette = colours();

  var launcher = el("button", {
    type: "button", className: "imtc-launcher", "aria-expanded": "false",
    "aria-controls": "imtc-dialog"
  }, [svg("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"),
      el("span", { className: "imtc-launcher-text", text: T.launcher }),
      el("span", { className: "imtc-sr", text: T.launcherMore })]);

  var newButton = el("button", { type: "button", className: "imtc-new" },
                     [svg("M12 5v14M5 12h14"), el("span", { text: T.newConversation })]);
  var closeButton = el("button", { type: "button", className: "imtc-close", "aria-label": T.close },
                       [svg("M6 6l12 12M18 6L6 18")]);
  var list = el("ol", { className: "imtc-messages", "aria-label": T.messages, tabindex: "0" });
  var typing = el("div", { className: "imtc-typing", hidden: true }, [
    el("span", { className: "imtc-dot", "aria-hidden": "true" }),
    el("span", { className: "imtc-dot", "aria-hidden": "true" }),
    el("span", { className: "imtc-dot", "aria-hidden": "true" }),
    el("span", { className: "imtc-sr", text: T.typing })
  ]);
  var status = el("p", { className: "imtc-status", role: "alert" });
  var input = el("textarea", {
    id: "imtc-input", className: "imtc-input", rows: "1", maxlength: "1000",
    placeholder: T.placeholder, autocomplete: "off"
  });
  var sendButton = el("button", { type: "submit", className: "imtc-send" },
                      [svg("M3 20l18-8L3 4v6l12 2-12 2z"), el("span", { text: T.send })]);
  var form = el("form", { className: "imtc-form" }, [
    el("label", { className: "imtc-sr", for: "imtc-input", text: T.inputLabel }), input, sendButton
  ]);
  var announcer = el("div", { className: "imtc-sr", "aria-live": "polite" });
  var dialog = el("section", {
    id: "imtc-dialog", className: "imtc-window", role: "dialog", "aria-label": TITLE, hidden: true
  }, [
    el("header", { className: "imtc-header" }, [
      el("h2", { className: "imtc-title", text: TITLE }), newButton, closeButton
    ]),
    list, typing, status, form,
    el("p", { className: "imtc-privacy", text: T.privacy }),
    announcer
  ]);
  var frame = el("div", { className: "imtc", lang: LANG }, [launcher, dialog]);
  frame.style.setProperty("--imtc-primary", palette.primary);
  frame.style.setProperty("--imtc-on-primary", palette.onPrimary);
  frame.style.setProperty("--imtc-accent", palette.accent);
  frame.style.visibility = "hidden";  // until the stylesheet has loaded
  var stylesheet = el("link", { rel: "stylesheet", href: base + "widget.css" });
  stylesheet.addEventListener("load", function () { frame.style.visibility = ""; });
  stylesheet.addEventListener("error", function () { frame.style.visibility = ""; });
  root.appendChild(stylesheet);
  root.appendChild(frame);

  // ---- Rendering ----------------------------------------------------------------------------------

  function messageNode(message, current) {
    var bubble = el("div", { className: "imtc-bubble" });
    if (message.text) { bubble.appendChild(message.from === "bot" ? linkify(message.text) : document.createTextNode(message.text)); }
    if (message.image && /^https?:\/\//i.test(message.image)) {
      bubble.appendChild(el("img", { src: message.image, alt: "", loading: "lazy" }));
    }
    var item = el("li", { className: "imtc-msg imtc-" + message.from }, [
      el("span", { className: "imtc-sr", text: message.from === "bot" ? T.bot : T.you }), bubble
    ]);
    if (current && message.from === "bot" && message.buttons && message.buttons.length) {
      var group = el("div", { className: "imtc-quick", role: "group", "aria-label": T.suggestions });
      message.buttons.forEach(function (b) {
        var button = el("button", { type: "button", className: "imtc-reply", text: b.title });
        button.addEventListener("click", function () {
          if (send(b.title, b.payload)) { input.focus(); }
        });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    return item;
  }

  function render() {
    var focusedReply = root.activeElement && root.activeElement.classList.contains("imtc-reply");
    list.textContent = "";
    // Quick replies stay usable until the student says something else.
    var lastUser = -1;
    history.forEach(function (message, i) { if (message.from === "user") { lastUser = i; } });
    history.forEach(function (message, i) {
      list.appendChild(messageNode(message, i > lastUser));
    });
    if (focusedReply) { input.focus(); }
    scrollDown();
  }

  function scrollDown() { list.scrollTop = list.scrollHeight; }

  function announce(text) {
    announcer.appendChild(el("p", { text: text }));
    while (announcer.childNodes.length > 4) { announcer.removeChild(announcer.firstChild); }
  }

  function showStatus(prefix, kind) {
    status.textContent = "";
    status.className = "imtc-status" + (kind ? " imtc-" + kind : "");
    status.setAttribute("role", kind === "error" ? "alert" : "status");
    if (!prefix) { return; }
    status.appendChild(document.createTextNode(prefix));
    if (kind === "error") {
      status.appendChild(link(SITE_URL, SITE_URL.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "")));
      status.appendChild(document.createTextNode("."));
    }
  }

  var noAnswerTimer = null;
  function setTyping(on) {
    typing.hidden = !on;
    clearTimeout(noAnswerTimer);
    if (on) {
      noAnswerTimer = setTimeout(function () {
        typing.hidden = true;
        showStatus(T.noAnswer, "error");
      }, NO_ANSWER_MS);
      scrollDown();
    }
  }

  // ---- Connection ---------------------------------------------------------------------------------

  var socket = null, ready = false, loading = null, pending = [], lost = false;

  function loadClient() {
    if (loading) { return loading; }
    loading = new Promise(function (resolve, reject) {
      var previous = window.io;
      var tag = el("script", { src: base + "vendor/socket.io.min.js", async: true });
      tag.onload = function () {
        var io = window.io;
        if (previous) { window.io = previous; }  // leave the page's own socket.io client alone
        resolve(io);
      };
      tag.onerror = function () { loading = null; reject(new Error("socket.io client not loaded")); };
      document.head.appendChild(tag);
    });
    return loading;
  }

  function connect() {
    if (socket) { return; }
    showStatus(T.connecting, "info");
    loadClient().then(function (io) {
      socket = io(SERVER, {
        path: SOCKET_PATH, reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000
      });
      socket.on("connect", function () {
        ready = false;
        socket.emit("session_request", { session_id: sessionId });
      });
      socket.on("session_confirm", function (remote) {
        var id = typeof remote === "string" ? remote : remote && remote.session_id;
        if (id && id !== sessionId) { return; }  // a confirmation for a conversation we left
        ready = true;
        lost = false;
        showStatus("");
        while (pending.length) { emit(pending.shift()); }
        if (!history.length && perTab.getItem(KEY + ":started") !== sessionId) {
          // A new conversation: ask the assistant for its welcome (not shown as a user message).
          perTab.setItem(KEY + ":started", sessionId);
          emit("/start");
        }
      });
      socket.on("bot_uttered", receive);
      socket.on("disconnect", function (reason) {
        ready = false;
        lost = reason !== "io client disconnect";
        setTyping(false);
        if (reason === "io client disconnect") { return; }
        showStatus(T.lost, "error");
        if (reason === "io server disconnect") { socket.connect(); }
      });
      socket.on("connect_error", function () {
        ready = false;
        lost = true;
        setTyping(false);
        showStatus(T.lost, "error");
      });
    }, function () { showStatus(T.lost, "error"); });
  }

  function emit(payload) {
    claimAnswers();
    socket.emit("user_uttered", {
      message: payload, session_id: sessionId, metadata: { language: LANG }
    });
    setTyping(true);
  }

  function send(text, payload) {
    text = (text || "").trim();
    if (!text) { return false; }
    if (!ready && (lost || !socket)) {
      // The server cannot be reached: say so, and keep the message in the box to send again.
      showStatus(T.notSent, "error");
      if (!socket) { connect(); }
      return false;
    }
    history.push({ from: "user", text: text });
    saveHistory();
    render();
    if (!ready) {
      // Still opening the session (a page just loaded): the message goes out as soon as the
      // session is confirmed, instead of being dropped.
      pending.push(payload || text);
      showStatus(T.connecting, "info");
      return true;
    }
    showStatus("");
    emit(payload || text);
    return true;
  }

  function receive(message) {
    if (!message || typeof message !== "object") { return; }
    setTyping(false);
    showStatus("");
    if (!ownsAnswers()) { return; }
    claimAnswers();  // more parts of the same answer may follow
    var buttons = (message.quick_replies || message.buttons || []).filter(function (b) {
      return b && b.title && (b.payload || b.title);
    }).map(function (b) { return { title: String(b.title), payload: String(b.payload || b.title) }; });
    var attachment = message.attachment || {};
    var image = attachment.type === "image" && attachment.payload ? attachment.payload.src : message.image;
    var entry = { from: "bot", text: typeof message.text === "string" ? message.text : "" };
    if (buttons.length) { entry.buttons = buttons; }
    if (image) { entry.image = String(image); }
    if (!entry.text && !entry.image && !buttons.length) { return; }
    history.push(entry);
    saveHistory();
    render();
    announce(T.bot + entry.text + (buttons.length ? " " + T.suggestions + T.colon +
      buttons.map(function (b) { return b.title; }).join(", ") : ""));
  }

  function newConversation() {
    sessionId = newId();
    local.setItem(SESSION_KEY, sessionId);
    history = [];
    saveHistory();
    render();
    setTyping(false);
    if (socket) {
      // A fresh socket leaves the old conversation's room; "connect" asks for the new session.
      ready = false;
      socket.disconnect();
      socket.connect();
    } else {
      connect();
    }
    input.focus();
  }

  // ---- Opening, closing, keyboard -----------------------------------------------------------------

  function isOpen() { return !dialog.hidden; }

  function open() {
    dialog.hidden = false;
    frame.classList.add("imtc-open");
    launcher.setAttribute("aria-expanded", "true");
    perTab.setItem(OPEN_KEY, "1");
    render();
    connect();
    input.focus();
  }

  function close() {
    dialog.hidden = true;
    frame.classList.remove("imtc-open");
    launcher.setAttribute("aria-expanded", "false");
    perTab.removeItem(OPEN_KEY);
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (isOpen()) { close(); } else { open(); } });
  closeButton.addEventListener("click", close);
  newButton.addEventListener("click", newConversation);
  frame.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) { event.preventDefault(); close(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (send(input.value)) { input.value = ""; autosize(); }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (send(input.value)) { input.value = ""; autosize(); }
    }
  });
  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 120) + "px";
  }
  input.addEventListener("input", autosize);

  // Another tab of the same site changed the conversation.
  window.addEventListener("storage", function (event) {
    if (event.key === SESSION_KEY && event.newValue && event.newValue !== sessionId) {
      sessionId = event.newValue;
      history = loadHistory();
      render();
      if (socket) { ready = false; socket.disconnect(); socket.connect(); }
    } else if (event.key === HISTORY_KEY) {
      history = loadHistory();
      render();
    }
  });

  function mount() {
    document.body.appendChild(host);
    if (perTab.getItem(OPEN_KEY)) {
      dialog.hidden = false;
      frame.classList.add("imtc-open");
      launcher.setAttribute("aria-expanded", "true");
      render();
      connect();
    }
  }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
