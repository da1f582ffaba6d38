// Counts a reader's view of the story once it has been visible for a moment.
//
// The page is the same for every reader: the counter carries the story id and a
// token signed for the story and the day. The hit is a keepalive fetch, which,
// like navigator.sendBeacon, outlives the page, but whose answer (the story's
// fresh count) can be read and shown. Where fetch is missing, sendBeacon sends the
// same body. No cookie is sent or set.
//
// A 503 (the counter store is down) or a network error is tried again, with a
// growing pause, for as long as the server's dedupe window lasts: a retry inside
// the window cannot count a view twice, even if the first try was counted and
// only its answer was lost. The counter keeps the last known count meanwhile.

const counter = document.querySelector("[data-views-for][data-token]");

// The page groups the count's digits as its language does ("94 866", "94,866")
// and names the separator; a fresh count is shown the same way.
const separator = counter ? counter.dataset.separator || "" : "";

function grouped(views) {
  return String(views).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function shown() {
  const digits = separator
    ? counter.textContent.split(separator).join("")
    : counter.textContent;
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

function show(answer) {
  if (!answer) return;
  if (Number.isInteger(answer.views)) {
    counter.textContent = grouped(answer.views);
  } else if (answer.counted && shown() !== null) {
    counter.textContent = grouped(shown() + 1);
  }
}

function seconds(name, fallback) {
  const value = Number.parseFloat(counter.dataset[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const RETRY = "retry";

function post(url, body) {
  return fetch(url, { method: "POST", body, keepalive: true, credentials: "omit", cache: "no-store" })
    .then((response) => {
      if (response.status === 200) return response.json();
      if (response.status === 503) {
        const after = Number.parseFloat(response.headers.get("Retry-After"));
        return { [RETRY]: Number.isFinite(after) ? after : 0 };
      }
      return null; // refused for good (400) or not a reader (204)
    })
    .catch(() => ({ [RETRY]: 0 })); // the network: the view may or may not have counted
}

function send() {
  const body = new URLSearchParams({ a: counter.dataset.viewsFor, t: counter.dataset.token });
  // Browsers driven by automation say so; the server decides whether they count.
  if (navigator.webdriver) body.set("w", "1");
  const url = counter.dataset.hitUrl;
  if (typeof fetch !== "function") {
    navigator.sendBeacon(url, body);
    return;
  }
  const first = seconds("retry", 2);
  const deadline = performance.now() + seconds("window", 1800) * 1000 * 0.9;
  let pause = first;
  const attempt = () =>
    post(url, body).then((answer) => {
      if (!answer || !(RETRY in answer)) {
        show(answer);
        return;
      }
      // Full jitter, so that readers refused together do not come back together.
      const wait = Math.max(answer[RETRY], pause * (0.5 + Math.random() / 2));
      pause = Math.min(pause * 2, 300);
      if (performance.now() + wait * 1000 < deadline) setTimeout(attempt, wait * 1000);
    });
  attempt();
}

function visible() {
  return document.visibilityState === "visible" && !document.prerendering;
}

// Time only counts while the page is visible: a tab opened in the background, or
// a page prerendered by the browser, is not read yet.
function sendWhenVisibleFor(delay) {
  let remaining = delay;
  let started = 0;
  let timer = null;
  const fire = () => {
    document.removeEventListener("visibilitychange", update);
    document.removeEventListener("prerenderingchange", update);
    send();
  };
  function update() {
    if (visible() && timer === null) {
      started = performance.now();
      timer = setTimeout(fire, remaining);
    } else if (!visible() && timer !== null) {
      clearTimeout(timer);
      timer = null;
      remaining = Math.max(0, remaining - (performance.now() - started));
    }
  }
  document.addEventListener("visibilitychange", update);
  document.addEventListener("prerenderingchange", update);
  update();
}

if (counter) {
  const delay = Number.parseInt(counter.dataset.delay, 10);
  sendWhenVisibleFor(Number.isFinite(delay) && delay > 0 ? delay : 0);
}
