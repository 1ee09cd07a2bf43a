// The tooltips of a pre-rendered chart that fits every column (renderHTML with no width),
// with no wasm: the core wrote, for each layout, where each point is, what its tooltip says
// and where the box goes (src/fragment/fit.rs); this only shows it, scaled from the layout's
// width to the width it is shown at. Mouse (hover), touch (a tap), and the keyboard on the
// frame, the chart's one tab stop: arrows, Home/End, Escape, with the live region.

const EXPORTS = 1; // a breakdown bar's parts, as indexed in the data
const IMPORTS = 2;

/**
 * Starts answering the reader in `box` (the fragment's `.box.ttc-fit`); returns stop(). The box
 * says `data-tips` while its tooltips answer (what tests wait for).
 */
export function answer(box) {
  const frame = box.querySelector(":scope > .ttc");
  const ring = frame?.querySelector(":scope > .ttc-ring");
  const tip = frame?.querySelector(":scope > .ttc-tip");
  const live = box.querySelector(":scope > .ttc-live");
  if (!tip || !ring) return () => {};
  let words = null;
  const parsed = new WeakMap(); // layout div -> its data
  let active = null; // "index/part" of the tooltip shown

  // The layout on screen (the style shows one; without it, the one not hidden), its data,
  // and the scale it is drawn at.
  function layout() {
    for (const l of frame.children) {
      if (!l.classList.contains("ttc-l") || l.offsetWidth === 0) continue;
      if (!parsed.has(l)) {
        const data = JSON.parse(l.dataset.tips);
        data.split = new Map(data.s.map(([i, ...rest]) => [i, rest])); // i -> [split, exports tip, imports tip]
        parsed.set(l, data);
      }
      const svg = l.firstElementChild;
      const r = svg.getBoundingClientRect();
      const vb = svg.viewBox.baseVal;
      // With the style, the picture fills the box (height from the viewBox); without it, it
      // keeps its height and is drawn at most at its size ("meet"): the smaller ratio.
      return { l, data: parsed.get(l), r, scale: Math.min(r.width / vb.width, r.height / vb.height) };
    }
    return null;
  }

  function show(at, i, part, announce) {
    const col = at.data.c[i];
    const t = part ? at.data.split.get(i)?.[part] : col?.slice(1); // [left, top, point y, lines?]
    if (!t) return;
    words ??= JSON.parse(frame.dataset.words);
    const lines = t[3] ? (typeof t[3][0] === "number" ? unwrap(words[i][part], t[3]) : t[3]) : words[i][part];
    active = `${i}/${part}`;
    tip.replaceChildren(
      ...lines.map((text, j) => {
        const div = document.createElement("div");
        if (j === 0) div.append(document.createElement("b"));
        (div.firstChild ?? div).textContent = text; // text, never markup
        return div;
      }),
    );
    const s = at.scale;
    const top = at.r.top - frame.getBoundingClientRect().top; // the picture's offset in the frame
    place(tip, t[0] * s, t[1] * s + top);
    place(ring, col[0] * s - 7, t[2] * s - 7 + top);
    if (announce && live) live.textContent = words[i][0].join(". ");
  }

  function hide() {
    active = null;
    tip.style.display = ring.style.display = "";
  }

  function onPointer(e) {
    if (e.type === "pointermove" && e.pointerType === "touch") return; // a tap, not a drag
    const at = layout();
    if (!at) return;
    const x = (e.clientX - at.r.left) / at.scale;
    const y = (e.clientY - at.r.top) / at.scale;
    const { r, h, c } = at.data;
    if (!r || x < r[0] || x > r[1] || y < 0 || y > h) return hide();
    let i = 0;
    for (let k = 1; k < c.length; k++) if (Math.abs(c[k][0] - x) < Math.abs(c[i][0] - x)) i = k;
    const split = at.data.split.get(i)?.[0];
    const part = split == null ? 0 : y >= split ? EXPORTS : IMPORTS;
    if (active !== `${i}/${part}`) show(at, i, part, false);
  }

  function onKey(e) {
    const at = layout();
    if (!at) return;
    const last = at.data.c.length - 1;
    const current = active == null ? null : Number(active.split("/")[0]);
    let next = null;
    switch (e.key) {
      case "ArrowRight":
      case "ArrowUp":
        next = current == null ? 0 : Math.min(current + 1, last);
        break;
      case "ArrowLeft":
      case "ArrowDown":
        next = current == null ? last : Math.max(current - 1, 0);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Escape":
        hide();
        if (live) live.textContent = "";
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    show(at, next, 0, true);
  }

  const onLeave = (e) => e.pointerType === "mouse" && hide();
  const on = [
    ["pointermove", onPointer],
    ["pointerdown", onPointer],
    ["pointerleave", onLeave],
    ["keydown", onKey],
    ["blur", hide],
  ];
  for (const [type, f] of on) frame.addEventListener(type, f);
  box.setAttribute("data-tips", "");
  return () => {
    for (const [type, f] of on) frame.removeEventListener(type, f);
    hide();
    box.removeAttribute("data-tips");
  };
}

/**
 * A layout's wrapped lines from the spoken ones and the core's slice lengths
 * (src/fragment/fit.rs `cuts`): each length takes that many characters of what is left, then
 * one separator (" · " or " ") goes, and an emptied line gives way to the next.
 */
function unwrap(spoken, lengths) {
  const out = [];
  let k = 0;
  let rest = spoken[0];
  for (const n of lengths) {
    out.push(rest.slice(0, n));
    rest = rest.slice(n).replace(/^( · | )/, "");
    if (!rest && k + 1 < spoken.length) rest = spoken[++k];
  }
  return out;
}

function place(el, left, top) {
  el.style.left = `${Math.round(left)}px`;
  el.style.top = `${Math.round(top)}px`;
  el.style.display = "block";
}
