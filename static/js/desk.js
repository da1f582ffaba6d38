// The desk (Django admin): what our pages add to Django's scripts.
//
// The rich text editor makes its editable area a role="textbox" without a name,
// so a screen reader announces an anonymous box. Each one gets the text of its
// field's <label>, also when an inline form adds an editor later.

function nameEditors() {
  for (const box of document.querySelectorAll('.ProseMirror[role="textbox"]:not([aria-label])')) {
    const row = box.closest(".form-row, td, .fieldBox");
    const label = row && row.querySelector("label");
    if (label) box.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
  }
}

nameEditors();
new MutationObserver(nameEditors).observe(document.documentElement, { childList: true, subtree: true });
