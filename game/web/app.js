// The phone page of Off the Rails' party mode. Plain JavaScript, no libraries.
// Everything that comes from the game or from other players is shown with
// textContent, never as HTML. The per-player secret stays in this browser
// (localStorage), so a refresh, a locked screen or a lost Wi-Fi gets back in.
"use strict";
(function () {
  const KEY = "mi-trivia-party";
  const LETTERS = "ABCDEF";
  const SHAPES = ["triangle", "diamond", "circle", "square", "hexagon", "star"];
  const ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth " +
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split(" ");
  const MONTHS = ("January February March April May June July August September October November " +
    "December").split(" ");
  const $ = (id) => document.getElementById(id);
  // The limits come from the game (the server writes them into the page): never copied here.
  const LIMITS = readLimits();
  let ws = null, saved = load(), question = null, retry = 0, retryTimer = null, finished = false;
  let picked = [];
  let outbox = null;   // a join or rejoin to send as soon as the connection is open
  let asking = null;   // the join or rejoin sent and not answered yet

  function readLimits() {
    try { return JSON.parse($("limits").textContent) || {}; } catch (e) { return {}; }
  }
  if (LIMITS.pin) $("pin").maxLength = LIMITS.pin;
  if (LIMITS.name) $("name").maxLength = LIMITS.name;
  if (LIMITS.typed) $("type-text").maxLength = LIMITS.typed;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function store(value) {
    saved = value;
    try { value ? localStorage.setItem(KEY, JSON.stringify(value)) : localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
  }

  function show(id) {
    for (const s of document.querySelectorAll(".screen")) s.hidden = s.id !== id;
  }
  function text(id, value) { $(id).textContent = value == null ? "" : String(value); }

  // -- the connection ------------------------------------------------------------------
  // A phone connects when it has something to say: a player (with its secret) at once and again
  // after any drop; a new phone when its Join is pressed. The game closes a connection that has not
  // joined within a few seconds, so the join form needs none while a nickname is typed.
  function connect() {
    clearTimeout(retryTimer);
    if (ws) return;
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    try { ws = new WebSocket(scheme + location.host + "/ws"); } catch (e) { ws = null; return later(); }
    ws.onopen = () => {
      retry = 0;
      text("connect-note", "");
      if (saved && saved.secret) outbox = { type: "rejoin", secret: saved.secret };
      if (outbox) { const m = outbox; outbox = null; if (send(m)) asking = m; }
    };
    ws.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message && typeof message.type === "string") handle(message);
    };
    ws.onclose = () => {
      ws = null;
      if (finished) return;
      if (saved && saved.secret) return later();  // a player: back in by itself
      if (asking || outbox) { outbox = outbox || asking; asking = null; later(true); }  // a join on its way
      // Otherwise the join form stays as it is; Join connects again.
    };
    ws.onerror = () => { /* onclose follows */ };
  }
  function later(joining) {
    if (finished) return;
    if (joining) text("join-error", "Connecting…");
    else {
      show("s-connecting");
      text("connect-note", "Lost the connection; trying again…");
    }
    retry = Math.min(retry + 1, 6);
    retryTimer = setTimeout(connect, 300 * retry);
  }
  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify(message)); return true; }
    return false;
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && !ws && !finished && saved && saved.secret) connect();
  });
  setInterval(() => send({ type: "ping" }), 1000 * (LIMITS.ping_seconds || 15));

  // -- joining -----------------------------------------------------------------------
  function showJoin(error) {
    show("s-join");
    const pin = new URLSearchParams(location.search).get("pin");
    if (pin && !$("pin").value) $("pin").value = pin.replace(/\D/g, "").slice(0, LIMITS.pin || pin.length);
    text("join-error", error || "");
    ($("pin").value ? $("name") : $("pin")).focus();
  }
  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const pin = $("pin").value.trim(), name = $("name").value.trim();
    const digits = LIMITS.pin ? "{" + LIMITS.pin + "}" : "+";
    if (!new RegExp("^\\d" + digits + "$").test(pin)) {
      return text("join-error", "The PIN is the " + (LIMITS.pin ? LIMITS.pin + " " : "") + "digits on the big screen.");
    }
    if (!name) return text("join-error", "Type a nickname.");
    if (asking) return;  // one try at a time: the game answers this one first
    const message = { type: "join", pin: pin, name: name };
    text("join-error", "");
    if (send(message)) asking = message;
    else { outbox = message; connect(); }
  });

  function setPlayer(message) {
    const who = $("who");
    who.textContent = message.name;
    who.style.background = /^#[0-9a-fA-F]{6}$/.test(message.colour || "") ? message.colour : "#ffb703";
    who.hidden = false;
  }
  function setScore(total, place) {
    if (typeof total !== "number") return;
    $("score").hidden = false;
    text("score", total.toLocaleString() + (place ? " · #" + place : ""));
  }

  // -- what the game says ------------------------------------------------------------
  function handle(m) {
    if (m.type === "joined" || m.type === "error") asking = null;
    switch (m.type) {
      case "joined":
        // The welcome (also after a reload) says where the game is: show that at once.
        const kept = saved && saved.secret === m.secret && typeof saved.q === "number" ? { q: saved.q, what: saved.what } : {};
        store(Object.assign({ secret: m.secret, name: m.name }, kept));
        setPlayer(m);
        if (typeof m.total === "number") setScore(m.total, m.place);
        if (typeof m.players === "number") lobbyCount(m.players);
        question = null;
        text("locked-what", "");
        const state = m.state && typeof m.state.type === "string" ? m.state.type : "lobby";
        if (state === "lobby" || state === "joined") show("s-lobby");
        else handle(m.state);
        if (!finished) $("paused").hidden = !m.paused;
        break;
      case "lobby":  // someone joined or left: the count changes, the screen does not
        lobbyCount(m.players);
        break;
      case "question": showQuestion(m); break;
      case "locked":
        // After a reload: the answer this phone gave to this question, as it was kept before it.
        if (saved && saved.q === m.q && typeof saved.what === "string") text("locked-what", saved.what ? "Your answer: " + saved.what : "");
        show("s-locked");
        break;
      case "result": showResult(m); break;
      case "paused": $("paused").hidden = false; break;
      case "resumed": $("paused").hidden = true; break;
      case "ended":
        finished = true;
        $("paused").hidden = true;
        show("s-ended");
        text("e-place", m.place ? "#" + m.place + " of " + m.of : "Thanks for playing");
        text("e-score", (m.score || 0).toLocaleString() + " points");
        store(null);
        break;
      case "closed":
        finished = true;
        $("paused").hidden = true;
        message(m.reason || "The host ended the party.", false);
        store(null);
        break;
      case "kicked":
        finished = true;
        store(null);
        message("The host removed you from this game.", false);
        break;
      case "error":
        // The code says what kind of refusal it is; the reason is the game's words for the player.
        if (m.code === "unknown") { store(null); showJoin(); }
        else if (!$("s-join").hidden) text("join-error", m.reason || "That did not work.");
        break;
    }
  }
  function lobbyCount(players) {
    if (typeof players !== "number") return;
    text("lobby-count", players === 1 ? "1 player has joined." : players + " players have joined.");
  }
  function message(words, again) {
    show("s-message");
    text("m-text", words);
    $("m-again").hidden = !again;
  }
  $("m-again").addEventListener("click", () => { finished = false; showJoin(); });

  // -- a question ---------------------------------------------------------------------
  function showQuestion(m) {
    question = m;
    $("paused").hidden = true;
    show("s-question");
    text("q-count", "Question " + m.q + (m.of ? " of " + m.of : ""));
    $("q-prompt").hidden = !m.prompt;
    text("q-prompt", m.prompt || "");
    // The input the question's payload names (its kind's phone_payload), not the kind: a kind that
    // reuses an input needs nothing new here.
    const input = m.input || "choices";
    const tiles = input === "choices" || input === "truefalse";
    $("q-answers").hidden = !tiles;
    $("q-estimate").hidden = input !== "slider";
    $("q-order").hidden = input !== "order";
    $("q-type").hidden = input !== "text";
    if (tiles) buildChoices(m, input === "truefalse");
    else if (input === "slider") buildEstimate(m.scale || {});
    else if (input === "order") { picked = []; buildOrder(); }
    else if (input === "text") {
      $("type-text").value = "";
      text("type-note", typeof m.forgiven === "string" ? m.forgiven : "");  // the game's own words
      $("type-text").focus();
    }
  }

  function answer(response, what) {
    if (!question || !saved) return;
    if (send({ type: "answer", secret: saved.secret, q: question.q, response: response })) {
      store({ secret: saved.secret, name: saved.name, q: question.q, what: what ? String(what) : "" });
      text("locked-what", what ? "Your answer: " + what : "");
      show("s-locked");
    }
  }

  function svgShape(name, colour) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "-10 -10 20 20");
    svg.setAttribute("class", "shape");
    svg.setAttribute("aria-hidden", "true");
    let el;
    const poly = (pts) => { el = document.createElementNS(ns, "polygon"); el.setAttribute("points", pts); };
    if (name === "circle" || name === "ring") {
      el = document.createElementNS(ns, "circle"); el.setAttribute("r", name === "ring" ? "6.5" : "8");
      if (name === "ring") { el.setAttribute("fill", "none"); el.setAttribute("stroke", colour); el.setAttribute("stroke-width", "3"); }
    } else if (name === "square") { el = document.createElementNS(ns, "rect"); for (const [k, v] of [["x", -7], ["y", -7], ["width", 14], ["height", 14]]) el.setAttribute(k, v); }
    else if (name === "triangle") poly("0,-9 9,7 -9,7");
    else if (name === "diamond") poly("0,-9 9,0 0,9 -9,0");
    else if (name === "hexagon") poly("9,0 4.5,7.8 -4.5,7.8 -9,0 -4.5,-7.8 4.5,-7.8");
    else if (name === "cross") { el = document.createElementNS(ns, "path"); el.setAttribute("d", "M-7,-7 L7,7 M-7,7 L7,-7"); el.setAttribute("stroke", colour); el.setAttribute("stroke-width", "3.5"); el.setAttribute("fill", "none"); }
    else { const p = []; for (let k = 0; k < 10; k++) { const a = -Math.PI / 2 + k * Math.PI / 5, r = k % 2 ? 4 : 9.5; p.push((r * Math.cos(a)).toFixed(2) + "," + (r * Math.sin(a)).toFixed(2)); } poly(p.join(" ")); }
    if (!el.getAttribute("fill")) el.setAttribute("fill", colour);
    svg.appendChild(el);
    return svg;
  }

  function buildChoices(m, tf) {
    const box = $("q-answers");
    box.textContent = "";
    const choices = Array.isArray(m.choices) ? m.choices : [];
    box.classList.toggle("one-column", choices.length === 2 || choices.some((c) => String(c).length > 28));
    choices.forEach((choice, i) => {
      const button = document.createElement("button");
      const colourClass = tf ? (i === 0 ? "c0" : "c3") : "c" + (i % 6);
      button.className = "answer " + colourClass;
      button.type = "button";
      const ink = getComputedStyle(document.documentElement).getPropertyValue(
        colourClass === "c1" || colourClass === "c4" || colourClass === "c5" ? "--bg" : "--text").trim() || "#fff";
      const badge = document.createElement("span");
      badge.className = "badge";
      const letter = document.createElement("span");
      letter.textContent = tf ? "" : LETTERS[i];
      badge.appendChild(letter);
      badge.appendChild(svgShape(tf ? (i === 0 ? "ring" : "cross") : SHAPES[i % 6], ink));
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = String(choice);
      button.appendChild(badge);
      button.appendChild(label);
      button.setAttribute("aria-label", (tf ? "" : LETTERS[i] + ": ") + String(choice));
      button.addEventListener("click", () => answer(i, (tf ? "" : LETTERS[i] + " · ") + String(choice)));
      box.appendChild(button);
    });
  }

  // Slider values are shown the way the big screen shows them.
  function formatValue(scale, v) {
    const kind = scale.value_kind || "number";
    if (kind === "date") {
      const d = new Date((Math.round(v) - 719163) * 86400000);
      return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    }
    if (kind === "ordinal") { const n = Math.round(v); return ORDINALS[n - 1] || (n + "th"); }
    const places = Math.max(0, Math.min(6, scale.places | 0));
    let t = Math.abs(v) >= 10000 ? v.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places })
                                 : v.toFixed(places);
    if (kind === "money") t = (scale.currency || "") + t;
    return scale.unit ? t + " " + scale.unit : t;
  }
  function buildEstimate(scale) {
    const range = $("est-range");
    const low = Number(scale.low), high = Number(scale.high), step = Number(scale.step) || 1;
    range.min = String(low); range.max = String(high); range.step = String(step);
    const start = low + Math.round((high - low) / 2 / step) * step;
    range.value = String(start);
    const update = () => text("est-value", formatValue(scale, Number(range.value)));
    range.oninput = update;
    update();
    text("est-low", formatValue(scale, low));
    text("est-high", formatValue(scale, high));
    $("est-send").onclick = () => answer(Number(range.value), formatValue(scale, Number(range.value)));
  }

  function buildOrder() {
    const items = Array.isArray(question.choices) ? question.choices : [];
    const box = $("order-items"), list = $("order-picked");
    box.textContent = ""; list.textContent = "";
    for (const i of picked) { const li = document.createElement("li"); li.textContent = String(items[i]); list.appendChild(li); }
    items.forEach((item, i) => {
      if (picked.includes(i)) return;
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = String(item);
      b.addEventListener("click", () => { picked.push(i); buildOrder(); });
      box.appendChild(b);
    });
    $("order-send").disabled = picked.length !== items.length;
  }
  $("order-reset").addEventListener("click", () => { picked = []; buildOrder(); });
  $("order-send").addEventListener("click", () => {
    const items = question.choices || [];
    answer(picked.slice(), picked.map((i) => String(items[i])).join(" → "));
  });
  $("q-type").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("type-text").value.trim();
    if (value) answer(value, value);
  });

  // -- after the reveal -------------------------------------------------------------------
  // What closed a question this phone had not answered.
  function unanswered(ended) {
    if (ended === "host") return "The host closed the question";
    if (ended === "everyone") return "Everyone else had answered";
    return "Time's up";
  }
  function showResult(m) {
    question = null;
    show("s-result");
    const head = $("r-head");
    head.className = "verdict " + (m.correct ? "good" : m.close ? "close" : "bad");
    head.textContent = m.correct ? "✓ Right!" : m.close ? "≈ Close!" : m.answered === false ? unanswered(m.ended)
      : "✗ Not this time";
    text("r-points", "+" + (m.points || 0).toLocaleString() + " points");
    text("r-answer", m.answer ? "The answer: " + m.answer : "");
    text("r-total", "Total " + (m.total || 0).toLocaleString() + (m.place ? " · you are #" + m.place + (m.of ? " of " + m.of : "") : ""));
    setScore(m.total, m.place);
  }

  if (saved && saved.secret) connect();
  else showJoin();
})();
