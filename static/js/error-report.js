// Readers' error reports. Select text in the story and press Ctrl+Enter (Cmd+Enter
// on a Mac), or tap the "Report an error" button that appears next to a selection
// on touch screens; a native <dialog> takes an optional correction and comment
// and sends the quote to the desk as a W3C TextQuoteSelector.
//
// The quote's text and offsets come from the part's *reading text*, built by the
// same rules as reports/quotes.py on the server: Unicode NFC per text node, no
// control characters, every run of white space and every block boundary one
// space, trimmed. Nothing the reader or the server wrote is ever put into the page
// as HTML: only textContent and form values.

const CONTEXT = 32;
const EXACT_MAX = 300;
const WHITESPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/g;
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT",
  "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER",
  "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH",
  "TR", "UL",
]);

const dialog = document.getElementById("error-report");
const story = document.querySelector(".story[data-article-id]");

function kept(text) {
  return text.normalize("NFC").replace(CONTROL, "");
}

// The reading text of a part, with a way to turn a DOM boundary point into an
// offset in it.
function readingText(root) {
  const raw = [];
  const textStarts = new Map();
  const enter = new Map();
  const leave = new Map();

  function walk(node) {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        enter.set(child, raw.length);
        textStarts.set(child, raw.length);
        for (const char of kept(child.data)) raw.push(char);
        leave.set(child, raw.length);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const block = BLOCK_TAGS.has(child.tagName);
        if (block) raw.push(" ");
        enter.set(child, raw.length);
        walk(child);
        leave.set(child, raw.length);
        if (block) raw.push(" ");
      }
    }
  }
  walk(root);

  const out = [];
  const map = new Array(raw.length + 1);
  raw.forEach((char, index) => {
    map[index] = out.length;
    if (WHITESPACE.test(char)) {
      if (out.length === 0 || out[out.length - 1] === " ") return;
      out.push(" ");
    } else {
      out.push(char);
    }
  });
  map[raw.length] = out.length;
  if (out.length && out[out.length - 1] === " ") out.pop();
  const text = out.join("");

  function rawIndex(container, offset) {
    if (container === root) {
      const child = root.childNodes[offset];
      return child ? enter.get(child) : raw.length;
    }
    if (container.nodeType === Node.TEXT_NODE) {
      // Characters are arrays of code points here, as in Python's str.
      return textStarts.get(container) + [...kept(container.data.slice(0, offset))].length;
    }
    const child = container.childNodes[offset];
    return child ? enter.get(child) : leave.get(container);
  }

  return {
    text,
    offset(container, offset) {
      return Math.min(map[rawIndex(container, offset)], text.length);
    },
  };
}

function partOf(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const part = element && element.closest("[data-part]");
  return part && story && story.contains(part) ? part : null;
}

// A range inside the story as {part, exact, prefix, suffix}, or {problem} saying
// what is wrong. `clip` shortens a long range to its first EXACT_MAX characters,
// ending at a word's end, instead of refusing it (a paragraph chosen whole).
function quoteOf(range, { clip = false } = {}) {
  const part = partOf(range.startContainer);
  if (!part) return { problem: "outside" };
  const reading = readingText(part);
  // Chromium's code points, not UTF-16 units: index by an array of characters.
  const chars = [...reading.text];
  let start = reading.offset(range.startContainer, range.startOffset);
  let end = part.contains(range.endContainer)
    ? reading.offset(range.endContainer, range.endOffset)
    : chars.length;
  while (start < end && chars[start] === " ") start += 1;
  while (end > start && chars[end - 1] === " ") end -= 1;
  if (start >= end) return { problem: "no-selection" };
  if (end - start > EXACT_MAX) {
    if (!clip) return { problem: "too-long" };
    end = start + EXACT_MAX;
    const space = chars.slice(start, end).lastIndexOf(" ");
    if (space > 0) end = start + space;
  }
  return {
    part: part.dataset.part,
    exact: chars.slice(start, end).join(""),
    prefix: chars.slice(Math.max(0, start - CONTEXT), start).join(""),
    suffix: chars.slice(end, end + CONTEXT).join(""),
  };
}

// The reader's selection as a quote.
function currentQuote() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return { problem: "no-selection" };
  }
  return quoteOf(selection.getRangeAt(0));
}

const isMac = /Mac|iPhone|iPad/.test(
  (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || ""
);
const isTouch =
  window.matchMedia("(pointer: coarse)").matches || navigator.maxTouchPoints > 0;

if (dialog && story) {
  const form = dialog.querySelector("form");
  const quoteBox = dialog.querySelector(".report-dialog__quote");
  const fields = dialog.querySelector(".report-dialog__fields");
  const suggestion = dialog.querySelector("[name=suggestion]");
  const comment = dialog.querySelector("[name=comment]");
  const website = dialog.querySelector("[name=website]");
  const status = dialog.querySelector(".report-dialog__status");
  const send = dialog.querySelector(".report-dialog__send");
  const cancel = dialog.querySelector(".report-dialog__cancel");
  const cancelLabel = cancel.textContent;
  const fab = document.querySelector(".report-fab");
  const hint = document.querySelector(".report-hint");
  const messages = dialog.dataset;
  let quote = null;
  let returnFocus = null;
  let csrfToken = null;
  let sending = false;
  let hintTimer = 0;

  const invitationKeys = story.querySelector(".story__report-keys");
  const invitationTouch = story.querySelector(".story__report-touch");
  if (isTouch && invitationKeys && invitationTouch) {
    invitationKeys.hidden = true;
    invitationTouch.hidden = false;
  } else if (isMac && invitationKeys && invitationKeys.dataset.mac) {
    invitationKeys.textContent = invitationKeys.dataset.mac;
  }

  function showHint(message) {
    hint.textContent = message;
    hint.hidden = false;
    window.clearTimeout(hintTimer);
    hintTimer = window.setTimeout(() => {
      hint.hidden = true;
    }, 5000);
  }

  function explain(problem) {
    if (problem === "too-long") showHint(messages.msgTooLong);
    else if (problem === "outside") showHint(messages.msgOutside);
    else showHint(isMac ? messages.msgNoSelectionMac : messages.msgNoSelection);
  }

  function open(selected) {
    quote = selected;
    returnFocus = document.activeElement;
    quoteBox.textContent = selected.exact;
    suggestion.value = selected.exact;
    comment.value = "";
    website.value = "";
    status.textContent = "";
    fields.hidden = false;
    send.hidden = false;
    send.disabled = false;
    cancel.textContent = cancelLabel;
    fab.hidden = true;
    hint.hidden = true;
    dialog.showModal();
    suggestion.focus();
  }

  dialog.addEventListener("close", () => {
    const target = returnFocus;
    returnFocus = null;
    if (target && target.isConnected && typeof target.focus === "function") {
      target.focus();
    }
  });

  cancel.addEventListener("click", () => dialog.close());

  async function token() {
    if (csrfToken) return csrfToken;
    const response = await fetch(messages.tokenUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error("token");
    csrfToken = (await response.json()).csrfToken;
    return csrfToken;
  }

  function finish(message, ok) {
    status.textContent = message;
    status.classList.toggle("report-dialog__status--error", !ok);
    send.disabled = false;
    if (ok) {
      fields.hidden = true;
      send.hidden = true;
      cancel.textContent = cancel.dataset.closeLabel;
      cancel.focus();
    }
  }

  async function submit() {
    if (sending || !quote) return;
    sending = true;
    send.disabled = true;
    status.classList.remove("report-dialog__status--error");
    status.textContent = messages.msgSending;
    try {
      const response = await fetch(messages.endpoint, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": await token(),
        },
        body: JSON.stringify({
          article: Number(messages.article),
          part: quote.part,
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          suggestion: suggestion.value,
          comment: comment.value,
          website: website.value,
        }),
      });
      let payload = {};
      try {
        payload = await response.json();
      } catch {
        payload = {};
      }
      if (response.status === 403) csrfToken = null;
      if (response.ok) finish(payload.message || "", true);
      else finish(payload.error || messages.msgFailed, false);
    } catch {
      finish(messages.msgOffline, false);
    } finally {
      sending = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    if (dialog.open) {
      // Ctrl+Enter in the dialog sends, as it does in many mail programs.
      if (!send.hidden) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    const selected = currentQuote();
    event.preventDefault();
    if (selected.problem) explain(selected.problem);
    else open(selected);
  });

  // Without a mouse: the "Report an error" button reports the selection, or, when
  // nothing is selected, lets the reader choose a paragraph (or the headline, the
  // lead, a caption) with Tab and Enter; Escape leaves the choice.
  const reportButton = story.querySelector(".story__report-button");
  const CHOICES = ".story__body > *, [data-part]:not(.story__body)";
  let choosing = false;

  function choices() {
    return [...story.querySelectorAll(CHOICES)].filter((element) => partOf(element));
  }

  function stopChoosing() {
    if (!choosing) return;
    choosing = false;
    for (const element of choices()) {
      element.classList.remove("report-choice");
      element.removeAttribute("tabindex");
    }
    hint.hidden = true;
  }

  function startChoosing() {
    const found = choices();
    if (!found.length) return;
    choosing = true;
    for (const element of found) {
      element.classList.add("report-choice");
      element.tabIndex = 0;
    }
    // The text first: that is where most mistakes are.
    const first = story.querySelector(".story__body > .report-choice") || found[0];
    first.focus();
    showHint(messages.msgChoose);
  }

  if (reportButton) {
    reportButton.hidden = false;
    // A click must not lose the selection it reports.
    reportButton.addEventListener("pointerdown", (event) => event.preventDefault());
    reportButton.addEventListener("click", () => {
      const selected = currentQuote();
      if (!selected.problem) open(selected);
      else if (selected.problem === "no-selection") startChoosing();
      else explain(selected.problem);
    });
  }

  story.addEventListener("keydown", (event) => {
    if (!choosing) return;
    if (event.key === "Escape") {
      stopChoosing();
      reportButton.focus();
      return;
    }
    const chosen = event.target.closest && event.target.closest(".report-choice");
    if (!chosen || (event.key !== "Enter" && event.key !== " ")) return;
    if (event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const range = document.createRange();
    range.selectNodeContents(chosen);
    const selected = quoteOf(range, { clip: true });
    stopChoosing();
    if (selected.problem) explain(selected.problem);
    else {
      open(selected);
      returnFocus = reportButton;
    }
  });
  story.addEventListener("focusout", (event) => {
    if (choosing && !(event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest(".report-choice"))) {
      stopChoosing();
    }
  });

  // Touch screens have no Ctrl+Enter: offer a button next to the selection.
  let fabQuote = null;
  let fabTimer = 0;
  function placeButton() {
    const selected = currentQuote();
    const selection = window.getSelection();
    if (selected.problem || !selection.rangeCount) {
      fab.hidden = true;
      fabQuote = null;
      return;
    }
    fabQuote = selected;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    fab.hidden = false;
    const width = fab.offsetWidth;
    const left = Math.min(
      Math.max(8, rect.left + rect.width / 2 - width / 2),
      document.documentElement.clientWidth - width - 8
    );
    fab.style.left = `${left + window.scrollX}px`;
    // Below the selection, clear of the phone's own selection handles and menu.
    fab.style.top = `${rect.bottom + window.scrollY + 12}px`;
  }
  if (isTouch) {
    document.addEventListener("selectionchange", () => {
      window.clearTimeout(fabTimer);
      fabTimer = window.setTimeout(placeButton, 150);
    });
    // Keep the selection when the button is pressed.
    fab.addEventListener("pointerdown", (event) => event.preventDefault());
    fab.addEventListener("click", () => {
      const selected = fabQuote || currentQuote();
      if (selected && !selected.problem) open(selected);
    });
  }
}
