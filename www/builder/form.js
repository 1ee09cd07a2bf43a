// The form's fields (inputs and selects with data-path, one per spec key): filled from the
// draft, read back as they are edited, and an error shown next to the field its path names.

/** Every field under `root`, by its spec path. */
export function fieldsIn(root) {
  return new Map([...root.querySelectorAll("[data-path]")].map((el) => [el.dataset.path, el]));
}

/** Puts the draft's values into the fields. */
export function fillFields(fields, values) {
  for (const [path, el] of fields) {
    const v = values[path];
    if (el.type === "checkbox") el.checked = Boolean(v);
    else el.value = v ?? "";
  }
}

/** Calls `onChange(path, value)` as a field is edited (text as typed, checkboxes as booleans). */
export function watchFields(fields, onChange) {
  for (const [path, el] of fields) {
    const type = el.type === "checkbox" || el.tagName === "SELECT" ? "change" : "input";
    el.addEventListener(type, () => onChange(path, el.type === "checkbox" ? el.checked : el.value));
  }
}

/** Removes every field error. */
export function clearFieldErrors(fields) {
  for (const el of fields.values()) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
    el.closest(".field")?.querySelector(".field-error")?.remove();
  }
}

/** Shows `message` next to the field at `path` and returns the field. */
export function showFieldError(fields, path, message) {
  const el = fields.get(path);
  if (!el) return null;
  const p = document.createElement("p");
  p.className = "field-error";
  p.id = `${el.id}-error`;
  p.textContent = message;
  el.closest(".field").append(p);
  el.setAttribute("aria-invalid", "true");
  el.setAttribute("aria-describedby", p.id);
  return el;
}
