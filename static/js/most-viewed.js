// Turns the "Most viewed" lists (one per window, each under its own heading) into
// tabs. Without this script every list shows, one under the other.

let uid = 0;

function tabs(block) {
  const panels = [...block.querySelectorAll(".most-viewed__panel")];
  if (panels.length < 2) return;
  const list = document.createElement("div");
  list.className = "most-viewed__tabs";
  list.setAttribute("role", "tablist");
  const buttons = panels.map((panel, index) => {
    const heading = panel.querySelector(".most-viewed__window");
    const button = document.createElement("button");
    uid += 1;
    button.type = "button";
    button.id = `most-viewed-tab-${uid}`;
    button.textContent = heading.textContent;
    button.setAttribute("role", "tab");
    button.setAttribute("aria-controls", panel.id);
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", button.id);
    heading.hidden = true;
    button.addEventListener("click", () => select(index));
    button.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) select((index + step + panels.length) % panels.length, true);
    });
    list.append(button);
    return button;
  });
  function select(chosen, focus = false) {
    buttons.forEach((button, index) => {
      const on = index === chosen;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      panels[index].hidden = !on;
      if (on && focus) button.focus();
    });
  }
  panels[0].before(list);
  select(0);
}

document.querySelectorAll("[data-most-viewed]").forEach(tabs);
