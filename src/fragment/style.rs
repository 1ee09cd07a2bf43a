//! The one `<style>` of a fragment that fits every column (`fit`): the same text in every
//! fragment, so a strict CSP allows it by one published hash (README, "Static first").
//! It picks the layout drawn for the column's width band with container queries, lets
//! each picture take the column's width and its own height (text at its designed size
//! or up to 1.25× larger, never smaller), gives the tooltip, its ring and the live
//! region their look, and recolours the light palette to the dark one for a reader in
//! dark mode when the spec's theme is "auto". Colours go through the `--ttc-*` custom
//! properties a page sets (as the wasm reads them, src/web/host.rs), so they apply at
//! first paint too. SVG presentation attributes lose to any CSS rule, so the picture's
//! own `fill="#…"` values are the selectors.
//!
//! Without this style (a CSP that lacks the hash) the layouts stay `hidden` but one,
//! which shows as a one-width fragment does: at its size, shrunk in a narrower column.

/// The bands' lower edges in CSS pixels: each layout is drawn at its band's lower edge
/// and scaled up to the column, at most 1.25× (text 12 px → 15 px) below 1250 px.
pub const BANDS: [u32; 7] = [280, 340, 420, 520, 640, 800, 1000];

/// The layout shown when the style is missing: the width a one-width fragment has.
pub const UNSTYLED: u32 = 640;

/// The style text, identical in every fragment (tests/fragment.rs checks the README's
/// hash against it, and below that it maps each light colour to the dark palette's).
pub const STYLE: &str = concat!(
    ":host{display:block}",
    ".box.ttc-fit{display:block;container-type:inline-size}",
    ".ttc-fit .ttc{display:block;position:relative}",
    ".ttc-fit .ttc-l{display:none}",
    ".ttc-fit .ttc-l svg{height:auto}",
    "@container (width<340px){.ttc-fit [data-w=\"280\"]{display:block}}",
    "@container (340px<=width<420px){.ttc-fit [data-w=\"340\"]{display:block}}",
    "@container (420px<=width<520px){.ttc-fit [data-w=\"420\"]{display:block}}",
    "@container (520px<=width<640px){.ttc-fit [data-w=\"520\"]{display:block}}",
    "@container (640px<=width<800px){.ttc-fit [data-w=\"640\"]{display:block}}",
    "@container (800px<=width<1000px){.ttc-fit [data-w=\"800\"]{display:block}}",
    "@container (width>=1000px){.ttc-fit [data-w=\"1000\"]{display:block}}",
    ".ttc-fit .ttc-tip,.ttc-fit .ttc-ring{position:absolute;pointer-events:none;display:none;box-sizing:border-box}",
    ".ttc-fit .ttc-tip{padding:7px;border-radius:3px;border:1px solid #5E5E5E;white-space:nowrap;",
    "font:12px/15px Helvetica, Arial, sans-serif;z-index:1;background:var(--ttc-background,#FFFFFF);color:var(--ttc-text,#333333)}",
    ".ttc-fit .ttc-ring{width:14px;height:14px;border-radius:50%;border:2px solid var(--ttc-text,#1A1A1A)}",
    ".ttc-fit .ttc-row{position:relative}",
    ".ttc-fit .ttc-acts{position:absolute;right:0;top:6px;display:flex;gap:16px}",
    ".ttc-fit .ttc-acts[hidden]{display:none}",
    ".ttc-fit .ttc-acts button{background:none;border:0;padding:2px 0;font:12px/16px Helvetica, Arial, sans-serif;",
    "text-decoration:underline;cursor:pointer;color:var(--ttc-text,#333333)}",
    ".ttc-fit .ttc-live{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    // Custom properties, light palette.
    "[fill=\"#FFFFFF\"]{fill:var(--ttc-background,#FFFFFF)}",
    "[stroke=\"#FFFFFF\"]{stroke:var(--ttc-background,#FFFFFF)}",
    "[fill=\"#1A1A1A\"]{fill:var(--ttc-text,#1A1A1A)}",
    "[stroke=\"#1A1A1A\"]{stroke:var(--ttc-text,#1A1A1A)}",
    "[fill=\"#333333\"]{fill:var(--ttc-text,#333333)}",
    "[stroke=\"#E3E3E3\"]{stroke:var(--ttc-grid,#E3E3E3)}",
    "[fill=\"#1F5FA6\"]{fill:var(--ttc-accent,#1F5FA6)}",
    "[stroke=\"#1F5FA6\"]{stroke:var(--ttc-accent,#1F5FA6)}",
    "[fill=\"#B83D0B\"]{fill:var(--ttc-target,#B83D0B)}",
    "[stroke=\"#B83D0B\"]{stroke:var(--ttc-target,#B83D0B)}",
    // Custom properties, dark palette (theme "dark").
    "[fill=\"#161618\"]{fill:var(--ttc-background,#161618)}",
    "[stroke=\"#161618\"]{stroke:var(--ttc-background,#161618)}",
    "[fill=\"#F2F2F2\"]{fill:var(--ttc-text,#F2F2F2)}",
    "[stroke=\"#F2F2F2\"]{stroke:var(--ttc-text,#F2F2F2)}",
    "[fill=\"#DDDDDD\"]{fill:var(--ttc-text,#DDDDDD)}",
    "[stroke=\"#333336\"]{stroke:var(--ttc-grid,#333336)}",
    "[fill=\"#6FA8EE\"]{fill:var(--ttc-accent,#6FA8EE)}",
    "[stroke=\"#6FA8EE\"]{stroke:var(--ttc-accent,#6FA8EE)}",
    "[fill=\"#FF8F5A\"]{fill:var(--ttc-target,#FF8F5A)}",
    "[stroke=\"#FF8F5A\"]{stroke:var(--ttc-target,#FF8F5A)}",
    ".ttc-dark .ttc-tip{border-color:#ADADAD;background:var(--ttc-background,#161618);color:var(--ttc-text,#DDDDDD)}",
    ".ttc-dark .ttc-ring{border-color:var(--ttc-text,#F2F2F2)}",
    ".ttc-dark .ttc-acts button{color:var(--ttc-text,#DDDDDD)}",
    // Theme "auto" for a reader in dark mode: the light palette becomes the dark one.
    "@media (prefers-color-scheme:dark){",
    ".ttc-auto [fill=\"#FFFFFF\"]{fill:var(--ttc-background,#161618)}",
    ".ttc-auto [stroke=\"#FFFFFF\"]{stroke:var(--ttc-background,#161618)}",
    ".ttc-auto [fill=\"#1A1A1A\"]{fill:var(--ttc-text,#F2F2F2)}",
    ".ttc-auto [stroke=\"#1A1A1A\"]{stroke:var(--ttc-text,#F2F2F2)}",
    ".ttc-auto [fill=\"#333333\"]{fill:var(--ttc-text,#DDDDDD)}",
    ".ttc-auto [fill=\"#5E5E5E\"]{fill:#ADADAD}",
    ".ttc-auto [stroke=\"#E3E3E3\"]{stroke:var(--ttc-grid,#333336)}",
    ".ttc-auto [stroke=\"#8A8A8A\"]{stroke:#808084}",
    ".ttc-auto [fill=\"#8A8A8A\"]{fill:#86868A}",
    ".ttc-auto [fill=\"#1F5FA6\"]{fill:var(--ttc-accent,#6FA8EE)}",
    ".ttc-auto [stroke=\"#1F5FA6\"]{stroke:var(--ttc-accent,#6FA8EE)}",
    ".ttc-auto [fill=\"#B83D0B\"]{fill:var(--ttc-target,#FF8F5A)}",
    ".ttc-auto [stroke=\"#B83D0B\"]{stroke:var(--ttc-target,#FF8F5A)}",
    ".ttc-auto [fill=\"#007A78\"]{fill:#3FC4BF}",
    ".ttc-auto [stroke=\"#007A78\"]{stroke:#3FC4BF}",
    ".ttc-auto [fill=\"#A9C0DC\"]{fill:#3E5572}",
    ".ttc-auto [stroke=\"#A9C0DC\"]{stroke:#3E5572}",
    ".ttc-auto [fill=\"#5A7898\"]{fill:#6F8AAB}",
    ".ttc-auto .ttc-tip{border-color:#ADADAD;background:var(--ttc-background,#161618);color:var(--ttc-text,#DDDDDD)}",
    ".ttc-auto .ttc-ring{border-color:var(--ttc-text,#F2F2F2)}",
    ".ttc-auto .ttc-acts button{color:var(--ttc-text,#DDDDDD)}",
    "}"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::{DARK, LIGHT};

    fn hex(c: crate::scene::Rgb) -> String {
        let mut s = String::from("#");
        for v in [c.0, c.1, c.2] {
            crate::num::push_hex2(&mut s, v);
        }
        s.to_uppercase()
    }

    #[test]
    fn dark_mode_maps_each_light_colour_to_the_dark_palettes() {
        let dark_rules = STYLE
            .split_once("@media (prefers-color-scheme:dark){")
            .expect("media")
            .1;
        let pairs = |t: &crate::theme::Theme| {
            [
                t.background,
                t.title,
                t.text,
                t.muted,
                t.grid,
                t.series,
                t.target,
                t.imports,
                t.faint,
                t.faint_text,
            ]
        };
        for (l, d) in pairs(&LIGHT).into_iter().zip(pairs(&DARK)) {
            let fill = format!("[fill=\"{}\"]{{fill:", hex(l));
            let stroke = format!("[stroke=\"{}\"]{{stroke:", hex(l));
            let (at, rule) = [fill, stroke]
                .into_iter()
                .find_map(|r| dark_rules.find(&r).map(|at| (at, r)))
                .unwrap_or_else(|| panic!("no rule for {}", hex(l)));
            let decl = dark_rules[at + rule.len()..]
                .split('}')
                .next()
                .expect("decl");
            assert!(
                decl.ends_with(&hex(d)) || decl.ends_with(&format!("{})", hex(d))),
                "{} -> {decl}",
                hex(l)
            );
        }
        // Every band has its rule.
        for w in BANDS {
            assert!(
                STYLE.contains(&format!("[data-w=\"{w}\"]{{display:block}}")),
                "{w}"
            );
        }
    }
}
