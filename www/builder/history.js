// The draft kept across reloads (localStorage), shared as a URL (#draft=<base64url JSON>), and
// its undo and redo: snapshots of the whole draft, typing within a moment coalesced into one step.

const KEY = "trade-target-chart:builder-draft";
const COALESCE_MS = 800;
const LIMIT = 200;

export function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(s) {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

const isDraft = (d) => d && typeof d === "object" && Array.isArray(d.rows) && d.fields && typeof d.fields === "object" && Array.isArray(d.milestones);

/** The draft a shared URL carries, or null. */
export function draftFromHash(hash) {
  const m = /^#draft=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  try {
    const d = JSON.parse(fromBase64Url(m[1]));
    return isDraft(d) ? d : null;
  } catch {
    return null;
  }
}

/** The URL that opens this page with `draft`. */
export function shareURL(draft) {
  return `${location.origin}${location.pathname}#draft=${toBase64Url(JSON.stringify(draft))}`;
}

export function loadSaved() {
  try {
    const d = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return isDraft(d) ? d : null;
  } catch {
    return null; // storage blocked or a broken entry: start fresh
  }
}

export function save(draft) {
  try {
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or blocked (private mode): the draft lives as long as the page.
  }
}

export function forget() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing saved
  }
}

/** Undo/redo over snapshots (JSON text) of the draft. */
export class History {
  #steps = [];
  #at = -1;
  #lastKey = null;
  #lastTime = 0;

  /** Records `draft`; a change to the same thing (`key`) within a moment replaces the last step. */
  record(draft, key = null) {
    const text = JSON.stringify(draft);
    if (text === this.#steps[this.#at]) return;
    const now = Date.now();
    const merge = key !== null && key === this.#lastKey && now - this.#lastTime < COALESCE_MS && this.#at > 0;
    this.#steps.length = this.#at + 1;
    if (merge) this.#steps[this.#at] = text;
    else {
      this.#steps.push(text);
      if (this.#steps.length > LIMIT) this.#steps.shift();
      this.#at = this.#steps.length - 1;
    }
    this.#lastKey = key;
    this.#lastTime = now;
  }

  get canUndo() {
    return this.#at > 0;
  }

  get canRedo() {
    return this.#at < this.#steps.length - 1;
  }

  undo() {
    if (!this.canUndo) return null;
    this.#lastKey = null;
    return JSON.parse(this.#steps[--this.#at]);
  }

  redo() {
    if (!this.canRedo) return null;
    this.#lastKey = null;
    return JSON.parse(this.#steps[++this.#at]);
  }
}
