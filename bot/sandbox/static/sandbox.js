// Sandbox web chat: acts as a Zalo user through the emulator and shows what the bot sent back.
// Plain ES2020, no build step. Bot messages come from GET /_emulator/messages (polled); what the
// person sent is kept in localStorage, since Zalo (and so the emulator) keeps only the OA's sends.
"use strict";

const STORE_KEY = "dxbot-sandbox-v1";
const POLL_MS = 1000;
const WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"];
const ENDPOINT_NAMES = { cs: "Tư vấn", promotion: "Truyền thông", template: "Mẫu ZBS", transaction: "Giao dịch",
  broadcast: "Bài viết gửi mọi người quan tâm" };
const QUOTA_TITLES = {
  reply: "miễn phí trong 48 giờ sau khi người dùng nhắn",
  sub_quota: "tính vào hạn mức tin tư vấn (48 giờ – 7 ngày)",
  promotion: "tính vào hạn mức tin truyền thông",
};
// Zalo's own error texts are English: the sandbox says in Vietnamese what the common ones mean.
const ZALO_ERRORS = {
  "-230": "người này chưa nhắn cho OA trong 7 ngày qua nên Zalo không cho gửi",
  "-201": "Zalo không nhận dạng tin nhắn này",
  "-210": "tin nhắn dài quá giới hạn của Zalo",
  "-213": "người này chưa quan tâm OA",
  "-32": "vượt giới hạn tốc độ gửi, sẽ gửi lại",
};
const CHIPS = {
  citizen: ["trợ giúp", "gửi câu chuyện", "đăng ký", "bản tin", "hủy đăng ký"],
  moderator: ["/hangdoi", "/thongke", "/bantin", "trợ giúp"],
};

const $ = (id) => document.getElementById(id);
let cfg = null;
let store = loadStore();
let botMessages = [];
let clockOffsetMs = 0; // emulator time minus browser time
let followState = null;
let sendChain = Promise.resolve();
let lastSignature = "";

// ---- storage ------------------------------------------------------------------------------------

function loadStore() {
  try {
    const raw = JSON.parse(localStorage.getItem(STORE_KEY) || "{}");
    return { personas: raw.personas || [], active: raw.active || null, sent: raw.sent || {}, seen: raw.seen || {} };
  } catch (_) {
    return { personas: [], active: null, sent: {}, seen: {} };
  }
}
function saveStore() { localStorage.setItem(STORE_KEY, JSON.stringify(store)); }
function active() { return store.personas.find((p) => p.id === store.active) || store.personas[0]; }
function randomUserId() {
  let id = String(1 + Math.floor(Math.random() * 8));
  while (id.length < 18) id += String(Math.floor(Math.random() * 10));
  return id;
}

// ---- HTTP ---------------------------------------------------------------------------------------

async function api(path, options = {}) {
  const init = { method: options.method || "GET", headers: {} };
  if (options.json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.json);
  } else if (options.form) {
    init.body = options.form;
  }
  const response = await fetch(path, init);
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  return { ok: response.ok, status: response.status, body };
}
const emu = (path, options) => api("/sandbox/api/emulator/" + path, options);

// ---- time ---------------------------------------------------------------------------------------

function emulatorNow() { return Date.now() + clockOffsetMs; }
function fmt(ms, opts) {
  return new Intl.DateTimeFormat("vi-VN", { timeZone: cfg ? cfg.timezone : undefined, ...opts }).format(new Date(ms));
}
const hhmm = (ms) => fmt(ms, { hour: "2-digit", minute: "2-digit", hour12: false });
const dayLabel = (ms) => fmt(ms, { weekday: "long", day: "2-digit", month: "2-digit", year: "numeric" });
async function refreshClock() {
  const r = await emu("clock");
  if (r.ok && r.body) clockOffsetMs = r.body.now_ms - Date.now();
  showClock();
}
function showClock() {
  $("clock").textContent = cfg ? fmt(emulatorNow(), {
    weekday: "long", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false,
  }) : "…";
}

// ---- DOM helpers --------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
  }
  return node;
}
// Text with line breaks kept (CSS pre-wrap) and web links clickable, as Zalo shows them.
function richText(text) {
  const span = el("span");
  const parts = String(text).split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g);
  parts.forEach((part, i) => {
    if (i % 2 === 1) span.append(el("a", { href: part, target: "_blank", rel: "noopener noreferrer", text: part }));
    else if (part) span.append(document.createTextNode(part));
  });
  return span;
}
function toast(text) {
  const node = $("toast");
  node.textContent = text;
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { node.hidden = true; }, 3500);
}
function safeUrl(url) { return typeof url === "string" && /^https?:\/\//.test(url) ? url : null; }

// ---- personas -----------------------------------------------------------------------------------

function ensurePersonas() {
  const mods = new Set(cfg.moderators);
  cfg.moderators.forEach((id, i) => {
    if (!store.personas.some((p) => p.id === id)) {
      const name = cfg.moderators.length > 1 ? `Kiểm duyệt viên ${i + 1}` : "Kiểm duyệt viên";
      store.personas.push({ id, name, role: "moderator", fresh: true });
    }
  });
  if (!store.personas.some((p) => p.role === "citizen")) {
    store.personas.unshift({ id: randomUserId(), name: "Nguyễn Văn An", role: "citizen", fresh: true });
  }
  for (const p of store.personas) p.authorised = p.role !== "moderator" || mods.has(p.id);
  if (!store.personas.some((p) => p.id === store.active)) store.active = store.personas[0].id;
  saveStore();
  for (const p of store.personas.filter((x) => x.fresh)) {
    delete p.fresh;
    emu(`users/${p.id}`, { method: "PUT", json: { display_name: p.name } });
  }
  saveStore();
}

function renderPersonas() {
  // The poll re-renders this list whenever a message arrives. A button a finger is on is updated in place, never
  // replaced: a node swapped between touch-down and touch-up swallows the tap (seen as a lost persona switch).
  const list = $("personas");
  const kept = new Map([...list.querySelectorAll("button[data-persona]")].map((b) => [b.dataset.persona, b]));
  const items = [];
  for (const p of store.personas) {
    const count = botMessages.filter((m) => m.user_id === p.id).length;
    const unread = Math.max(0, count - (store.seen[p.id] || 0));
    const roleLabel = p.role === "moderator" ? (p.authorised ? "Kiểm duyệt" : "Kiểm duyệt ✗") : "Người dân";
    const fresh = el("button", {
      type: "button", class: p.id === store.active ? "active" : "", "data-persona": p.id,
      title: p.authorised ? "" : "Mã này không có trong MODERATOR_IDS: bot sẽ từ chối lệnh kiểm duyệt",
      onclick: () => switchPersona(p.id),
    },
    el("span", { class: "who" }, p.name, el("small", { text: p.id })),
    el("span", { class: "role" + (p.role === "moderator" ? " mod" : ""), text: roleLabel }),
    unread ? el("span", { class: "badge", text: String(unread), "aria-label": `${unread} tin mới` }) : null);
    const old = kept.get(p.id);
    if (old && old.parentElement) {
      old.className = fresh.className;
      old.title = fresh.title;
      old.replaceChildren(...fresh.childNodes);
      items.push(old.parentElement);
    } else {
      items.push(el("li", {}, fresh));
    }
  }
  const same = items.length === list.children.length && items.every((li, i) => li === list.children[i]);
  if (!same) list.replaceChildren(...items);
  const me = active();
  $("persona-line").textContent = `Bạn: ${me.name} · ${me.role === "moderator" ? "kiểm duyệt viên" : "người dân"}`;
  renderChips();
}

function switchPersona(id) {
  store.active = id;
  saveStore();
  followState = null;
  lastSignature = "";
  $("panel").classList.remove("open");
  renderPersonas();
  render();
  refreshFollow();
}

function renderChips() {
  const me = active();
  $("chips").replaceChildren(...CHIPS[me.role === "moderator" ? "moderator" : "citizen"].map((text) =>
    el("button", { type: "button", text, onclick: () => sendText(text) })));
}

$("persona-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("persona-name").value.trim();
  const role = $("persona-role").value;
  const id = $("persona-id").value.trim() || randomUserId();
  const error = $("persona-error");
  if (!/^[0-9]{1,25}$/.test(id)) { error.textContent = "Mã người dùng chỉ gồm chữ số."; error.hidden = false; return; }
  if (store.personas.some((p) => p.id === id)) { error.textContent = "Mã này đã có trong danh sách."; error.hidden = false; return; }
  error.hidden = true;
  store.personas.push({ id, name, role, fresh: true });
  ensurePersonas();
  $("persona-form").reset();
  switchPersona(id);
  if (role === "moderator" && !cfg.moderators.includes(id)) {
    toast("Mã này không có trong MODERATOR_IDS: bot sẽ từ chối lệnh kiểm duyệt.");
  }
});

// ---- follow -------------------------------------------------------------------------------------

async function refreshFollow() {
  const me = active();
  const r = await emu(`users/${me.id}`);
  if (me.id !== active().id) return;
  followState = r.ok && r.body ? Boolean(r.body.follower) : false;
  $("follow-state").textContent = followState ? "Đang quan tâm OA" : "Chưa quan tâm OA";
  $("follow-toggle").textContent = followState ? "Bỏ quan tâm" : "Quan tâm";
  $("follow-banner").hidden = followState;
}
function toggleFollow(follow) {
  const name = follow ? "follow" : "unfollow";
  const entry = addMine({ kind: "event", event: name });
  return enqueue(() => postEvent(entry, { event_name: name }).then(refreshFollow));
}
$("follow-toggle").addEventListener("click", () => toggleFollow(!followState));
$("banner-follow").addEventListener("click", () => toggleFollow(true));

// ---- sending ------------------------------------------------------------------------------------

function enqueue(task) {
  sendChain = sendChain.then(task, task);
  return sendChain;
}
function addMine(fields) {
  const me = active();
  const entry = { local_id: Math.random().toString(36).slice(2), at_ms: emulatorNow(), status: "sending", ...fields };
  (store.sent[me.id] = store.sent[me.id] || []).push(entry);
  entry.user_id = me.id;
  saveStore();
  render();
  return entry;
}
async function postEvent(entry, body) {
  let r;
  try {
    r = await emu(`users/${entry.user_id}/events`, { method: "POST", json: body });
  } catch (_) {
    r = { ok: false, status: 0, body: null };
  }
  if (r.body && r.body.event && r.body.event.timestamp) entry.at_ms = Number(r.body.event.timestamp);
  entry.status = r.ok ? "sent" : "failed";
  if (!r.ok) entry.error = r.status ? `webhook trả về ${r.status}` : "không kết nối được";
  saveStore();
  lastSignature = "";
  render();
  poll();
}
function sendText(text, extra = {}) {
  const clean = text.trim();
  if (!clean) return Promise.resolve();
  const entry = addMine({ kind: "text", text: clean, ...extra });
  return enqueue(() => postEvent(entry, { event_name: "user_send_text", text: clean }));
}
function sendPhoto(url, localUrl) {
  const entry = addMine({ kind: "image", url: localUrl || url });
  return enqueue(() => postEvent(entry, { event_name: "user_send_image", url }));
}
function sendLink(url) {
  const entry = addMine({ kind: "link", url });
  return enqueue(() => postEvent(entry, { event_name: "user_send_link", url, title: url.replace(/^https?:\/\//, "").split("/")[0] }));
}

$("composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("text").value;
  $("text").value = "";
  autoGrow();
  sendText(text);
});
$("text").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("composer").requestSubmit();
  }
});
function autoGrow() {
  const box = $("text");
  box.style.height = "auto";
  box.style.height = Math.min(box.scrollHeight, 120) + "px";
}
$("text").addEventListener("input", autoGrow);
$("attach").addEventListener("click", () => { $("attach-sheet").hidden = !$("attach-sheet").hidden; });
$("photo-file").addEventListener("change", async () => {
  const file = $("photo-file").files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  const r = await api("/sandbox/api/media", { method: "POST", form });
  $("photo-file").value = "";
  if (!r.ok) { toast((r.body && r.body.message) || "Không tải được ảnh lên."); return; }
  $("attach-sheet").hidden = true;
  sendPhoto(r.body.url);
});
$("photo-url-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const url = safeUrl($("photo-url").value.trim());
  if (!url) { toast("Đường dẫn ảnh phải bắt đầu bằng http:// hoặc https://"); return; }
  $("photo-url").value = "";
  $("attach-sheet").hidden = true;
  sendPhoto(url);
});
$("sample-photo").addEventListener("click", () => {
  $("attach-sheet").hidden = true;
  sendPhoto(`${cfg.emulator}/_emulator/media/anh-mau-${Date.now()}.png`);
});
$("link-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const url = safeUrl($("link-url").value.trim());
  if (!url) { toast("Liên kết phải bắt đầu bằng http:// hoặc https://"); return; }
  $("link-url").value = "";
  $("attach-sheet").hidden = true;
  sendLink(url);
});

// ---- the clock ----------------------------------------------------------------------------------

async function moveClock(body) {
  const r = await api("/sandbox/api/clock", { method: "POST", json: body });
  if (!r.ok) { toast((r.body && r.body.message) || "Không dời được đồng hồ."); return; }
  clockOffsetMs = r.body.now_ms - Date.now();
  showClock();
  toast("Đồng hồ giờ là " + fmt(r.body.now_ms, { weekday: "long", hour: "2-digit", minute: "2-digit", hour12: false }));
}
document.querySelectorAll("[data-advance]").forEach((button) => {
  button.addEventListener("click", () => moveClock({ advance: Number(button.dataset.advance) }));
});
$("jump-digest").addEventListener("click", () => moveClock({ to: "digest" }));

// ---- panel --------------------------------------------------------------------------------------

$("open-panel").addEventListener("click", () => $("panel").classList.add("open"));
$("open-panel-2").addEventListener("click", () => $("panel").classList.toggle("open"));
$("close-panel").addEventListener("click", () => $("panel").classList.remove("open"));
$("clear-local").addEventListener("click", () => {
  store.sent = {};
  store.seen = {};
  saveStore();
  lastSignature = "";
  render();
});

// ---- rendering ----------------------------------------------------------------------------------

function tapButton(button) {
  const payload = button.payload;
  if (button.type === "oa.open.url" && payload && safeUrl(payload.url)) {
    window.open(payload.url, "_blank", "noopener");
  } else if (button.type === "oa.open.phone" && payload && payload.phone_code) {
    window.location.href = "tel:" + payload.phone_code;
  } else if (button.type === "oa.query.hide") {
    sendText(String(payload), { hidden: true, title: button.title });
  } else {
    sendText(String(payload)); // oa.query.show: Zalo sends the payload as the user's own message
  }
}

function buttonsOf(message) {
  if (Array.isArray(message.buttons) && message.buttons.length) return message.buttons;
  const payload = message.attachment && message.attachment.payload;
  return payload && Array.isArray(payload.buttons) ? payload.buttons : [];
}

const ARTICLE_LINK = /https?:\/\/[^\s<>"]+\/_emulator\/articles\/[0-9a-f]+/;

function botBody(message) {
  const attachment = message.attachment || null;
  const payload = (attachment && attachment.payload) || {};
  const parts = [];
  if (attachment && attachment.type === "template" && payload.template_type === "media") {
    for (const element of payload.elements || []) {
      if (element.media_type === "article") {  // a broadcast article: its card opens the public page
        parts.push(articleCard(safeUrl(element.link), element.title || "Bài viết"));
        continue;
      }
      const url = safeUrl(element.url);
      parts.push(el("div", { class: "photo" }, url
        ? el("img", { src: url, alt: "Ảnh từ kênh", loading: "lazy" })
        : el("div", { class: "bubble", text: "[Ảnh đã tải lên Zalo]" })));
    }
    if (message.text && message.endpoint !== "broadcast") parts.push(el("div", { class: "bubble" }, richText(message.text)));
    return parts;
  }
  if (attachment && attachment.type === "template" && payload.template_type && payload.template_type !== "media") {
    const card = el("div", { class: "bubble card" });
    for (const element of payload.elements || []) {
      if (element.type === "banner" && safeUrl(element.image_url)) card.append(el("img", { src: element.image_url, alt: "" }));
      else if (element.type === "header") card.append(el("div", { class: "card-title", text: element.content }));
      else if (element.type === "text") card.append(el("div", {}, richText(element.content)));
      else if (element.type === "table") {
        card.append(el("table", {}, (element.content || []).map((row) =>
          el("tr", {}, el("td", { text: row.key }), el("td", { text: row.value })))));
      } else if (element.title) {
        card.append(el("div", { class: "card-title", text: element.title }), el("div", { text: element.subtitle || "" }));
      }
    }
    if (!card.childNodes.length && message.text) card.append(richText(message.text));
    return [card];
  }
  if (attachment && attachment.type === "zbs_template") {
    const rows = Object.entries(attachment.template_data || {});
    return [el("div", { class: "bubble card" }, el("div", { class: "card-title", text: `Mẫu ZBS ${attachment.template_id}` }),
      el("table", {}, rows.map(([k, v]) => el("tr", {}, el("td", { text: k }), el("td", { text: String(v) })))))];
  }
  if (attachment && attachment.type === "file") {
    return [el("div", { class: "bubble", text: "[Tệp đính kèm]" + (message.text ? "\n" + message.text : "") })];
  }
  const bubble = el("div", { class: "bubble" }, richText(message.text || ""));
  // a link to one of the OA's articles gets Zalo's link preview: a card that opens the article
  const article = ARTICLE_LINK.exec(message.text || "");
  return article ? [bubble, articleCard(article[0], "Bài viết của kênh")] : [bubble];
}

function articleCard(link, title) {
  return el("a", { class: "bubble card link-card article-card", href: link || "#", target: "_blank",
    rel: "noopener noreferrer" }, el("div", { class: "card-title", text: title }),
    el("div", { class: "url", text: "Đọc bài viết trên Zalo" }));
}

function botMeta(message, atMs) {
  const meta = el("div", { class: "meta" });
  if (message.status === "refused") {
    meta.append(el("span", { class: "bad", text: `✕ Không gửi được · lỗi ${message.error}: ${ZALO_ERRORS[String(message.error)] || message.message || ""}` }));
  } else {
    meta.append(el("span", { class: "ok", text: "✓ Đã gửi" }));
  }
  const endpoint = message.endpoint || "";
  const label = [ENDPOINT_NAMES[endpoint] || endpoint, endpoint, message.quota_type].filter(Boolean).join(" · ");
  meta.append(el("span", { class: "type", title: QUOTA_TITLES[message.quota_type] || "", text: label }));
  meta.append(el("span", { text: hhmm(atMs) }));
  return meta;
}

function renderBot(message, atMs) {
  const body = botBody(message);
  const buttons = buttonsOf(message);
  if (message.status === "refused") body.forEach((node) => node.classList && node.classList.add("refused"));
  const stack = el("div", { class: "stack" }, body);
  if (buttons.length) {
    body[body.length - 1].classList.add("has-buttons");
    stack.append(el("div", { class: "qr-buttons" }, buttons.map((button) =>
      el("button", { type: "button", text: button.title, onclick: () => tapButton(button) }))));
  }
  stack.append(botMeta(message, atMs));
  return el("div", {
    class: "msg bot", "data-status": message.status || "sent", "data-endpoint": message.endpoint || "",
    "data-quota": message.quota_type || "",
  }, el("div", { class: "avatar", text: "CĐS" }), stack);
}

function renderMine(entry) {
  if (entry.kind === "event") {
    const text = entry.event === "follow" ? "Bạn đã quan tâm OA" : "Bạn đã bỏ quan tâm OA";
    return el("div", { class: "note", text: entry.status === "failed" ? `${text} (lỗi: ${entry.error})` : text });
  }
  if (entry.hidden) return el("div", { class: "note", text: `Bạn đã chọn “${entry.title}”` });
  let body;
  if (entry.kind === "image") body = el("div", { class: "photo" }, el("img", { src: entry.url, alt: "Ảnh bạn gửi" }));
  else if (entry.kind === "link") {
    body = el("div", { class: "bubble" }, el("a", { class: "link-card", href: entry.url, target: "_blank", rel: "noopener noreferrer" },
      el("div", { text: "Liên kết" }), el("div", { class: "url", text: entry.url })));
  } else body = el("div", { class: "bubble" }, richText(entry.text));
  const status = { sending: "Đang gửi…", sent: "✓ Đã gửi", failed: `✕ Lỗi: ${entry.error || ""}` }[entry.status];
  const meta = el("div", { class: "meta" }, el("span", { class: entry.status === "failed" ? "bad" : "", text: status }),
    el("span", { text: hhmm(entry.at_ms) }));
  return el("div", { class: "msg me", "data-status": entry.status }, el("div", { class: "stack" }, body, meta));
}

function render() {
  if (!cfg) return;
  const me = active();
  const mine = (store.sent[me.id] || []).map((entry) => ({ at: entry.at_ms, me: true, entry }));
  const theirs = botMessages.filter((m) => m.user_id === me.id).map((m) => ({ at: Date.parse(m.at), me: false, m }));
  const items = [...mine, ...theirs].sort((a, b) => a.at - b.at || (a.me === b.me ? 0 : a.me ? -1 : 1));
  const signature = me.id + "|" + items.map((i) => (i.me ? i.entry.local_id + i.entry.status : i.m.message_id || i.m.at + i.m.status)).join(",");
  store.seen[me.id] = theirs.length;
  saveStore();
  if (signature === lastSignature) return;
  lastSignature = signature;
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const nodes = [];
  let lastDay = "";
  for (const item of items) {
    const day = dayLabel(item.at);
    if (day !== lastDay) { nodes.push(el("div", { class: "day", text: day })); lastDay = day; }
    nodes.push(item.me ? renderMine(item.entry) : renderBot(item.m, item.at));
  }
  $("empty-hint").hidden = items.length > 0;
  box.replaceChildren($("empty-hint"), ...nodes);
  if (atBottom || items.length && items[items.length - 1].me) box.scrollTop = box.scrollHeight;
}

async function poll() {
  try {
    const r = await emu("messages?include_refused=1");
    if (r.ok && r.body) botMessages = r.body.messages || [];
  } catch (_) { /* the emulator restarts with dxbot dev: keep polling */ }
  render();
  renderPersonas();
}

async function start() {
  const r = await api("/sandbox/api/config");
  cfg = r.body;
  $("digest-slot").textContent = `${WEEKDAYS[cfg.digest.weekday]} ${cfg.digest.time}`;
  ensurePersonas();
  await refreshClock();
  renderPersonas();
  await poll();
  refreshFollow();
  setInterval(poll, POLL_MS);
  setInterval(showClock, 15000);
  setInterval(refreshClock, 30000);
  document.body.dataset.ready = "1";
}
start();
