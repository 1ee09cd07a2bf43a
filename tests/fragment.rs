//! The pre-rendered HTML fragment (`fragment::html`, `renderHTML`, `render --html`): the
//! reviewed files in tests/golden (the cases are tests/golden/fragments.json, which the
//! e2e test tests/e2e/static-first.test.mjs renders in Node and in the browser against the
//! same files), escaping, and nothing a strict CSP would block. Regenerate on purpose with
//! `UPDATE_GOLDEN=1 cargo test --test fragment`. The specs in the cases file keep their keys
//! sorted: the fragment writes keys in the order given, and serde_json::Value (read here)
//! sorts them while JSON.parse (the e2e test) does not.

use trade_target_chart::{fragment, json::Json};

struct Case {
    name: String,
    width: f64,
    spec: serde_json::Value,
    json: Json,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string("tests/golden/fragments.json").expect("cases");
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("cases JSON");
    all.into_iter()
        .map(|c| Case {
            name: c["name"].as_str().expect("name").to_owned(),
            width: c["width"].as_f64().expect("width"),
            json: serde_json::from_value(c["spec"].clone()).expect("spec"),
            spec: c["spec"].clone(),
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn fragments_match_the_reviewed_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for case in cases() {
        let html = fragment::html(&case.json, case.width, None).expect("renders");
        let path = format!("tests/golden/{}.html", case.name);
        if update {
            std::fs::write(&path, &html).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1)");
        assert!(
            want == html,
            "{path} differs; regenerate on purpose and review"
        );
    }
}

#[test]
fn a_fragment_holds_the_chart_the_table_and_the_spec_and_nothing_a_csp_blocks() {
    for case in cases() {
        let html = fragment::html(&case.json, case.width, None).expect("renders");
        let lower = html.to_lowercase();
        let handler = lower.match_indices(" on").any(|(at, _)| {
            let rest = &lower[at + 3..];
            let name = rest.trim_start_matches(|c: char| c.is_ascii_lowercase());
            name.len() < rest.len() && name.starts_with('=')
        });
        assert!(!handler, "{}: an event handler attribute", case.name);
        for banned in ["style=", "<style", "<script", "javascript:"] {
            assert!(
                !html.to_lowercase().contains(banned),
                "{}: {banned:?} in the fragment",
                case.name
            );
        }
        assert!(html.starts_with("<trade-target-chart spec=\""));
        assert!(html.ends_with("</template></trade-target-chart>\n"));
        assert_eq!(
            html.matches("<svg").count(),
            1 + usize::from(html.contains("ttc-links"))
        );
        assert!(html.contains("<template shadowrootmode=\"open\"><div class=\"box\"><div class=\"ttc\" tabindex=\"0\""));
        assert!(html.contains("<details lang=\""), "{}", case.name);
        assert!(html.contains("<table><caption>"), "{}", case.name);
        // The spec attribute reads back as the spec.
        let attr = html
            .strip_prefix("<trade-target-chart spec=\"")
            .and_then(|r| r.split('"').next())
            .expect("spec attribute");
        let back: serde_json::Value = serde_json::from_str(&unescape(attr)).expect("spec JSON");
        assert_eq!(back, case.spec, "{}", case.name);
        // The rendered size is the SVG's.
        let svg = trade_target_chart::render_svg(&case.json, case.width, None).expect("svg");
        let height = svg
            .split("height=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("height");
        let width = case.width.to_string();
        assert!(
            html.contains(&format!("rendered=\"{width}x{height}\"")),
            "{}",
            case.name
        );
        // Everything after the SVG's root tag is the SVG document's, byte for byte.
        let body = svg.split_once('\n').expect("root").1.trim_end();
        assert!(
            html.contains(body),
            "{}: the picture differs from render_svg",
            case.name
        );
    }
    // A title with markup is text, in the frame's name, the picture and the table.
    let hostile = cases()
        .into_iter()
        .find(|c| c.name.contains("hostile"))
        .expect("case");
    let html = fragment::html(&hostile.json, hostile.width, None).expect("renders");
    assert!(!html.contains("<script>") && !html.contains("</template><style>"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert_eq!(html.matches("</template>").count(), 1);
}

#[test]
fn the_element_lays_out_the_same_picture_the_fragment_holds() {
    // Chart.hydrate starts its patch plan from fragment::scene_for(model, W, H): it must be
    // the document the fragment wrote, or the first draw would rewrite the picture.
    for case in cases() {
        let model = trade_target_chart::model(&case.json).expect("model");
        let svg = trade_target_chart::render_svg(&case.json, case.width, None).expect("svg");
        let scene = fragment::scene_for(
            &model,
            case.width,
            f64::from(trade_target_chart::scene(&model, case.width, None).height),
        );
        assert_eq!(
            trade_target_chart::svg::document(&scene),
            svg,
            "{}",
            case.name
        );
    }
}

/// The fragment that fits every column (no width): the reviewed golden file for the
/// default chart (`UPDATE_GOLDEN=1` regenerates it; look at it with
/// tests/e2e/fragment-shots.mjs), and for every case one fixed style, a layout per band
/// with the 640 px one shown without it, and nothing else a CSP would block.
#[test]
fn the_fitting_fragment_is_reviewed_and_holds_only_the_fixed_style() {
    let html = fragment::html_fit(&Json::Null).expect("renders");
    let path = "tests/golden/fragment-default-fit.html";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &html).expect("write golden");
    }
    let want = std::fs::read_to_string(path).expect("golden file (UPDATE_GOLDEN=1)");
    assert!(
        want == html,
        "{path} differs; regenerate on purpose and review"
    );
    for case in cases() {
        let html = fragment::html_fit(&case.json).expect("renders");
        let style = format!("<style>{}</style>", fragment::style::STYLE);
        assert_eq!(html.matches("<style").count(), 1, "{}", case.name);
        assert!(html.contains(&style), "{}", case.name);
        let rest = html.replace(&style, "").to_lowercase();
        for banned in ["style=", "<style", "<script", "javascript:"] {
            assert!(!rest.contains(banned), "{}: {banned:?}", case.name);
        }
        assert!(html.contains(" rendered=\"fit\"><template shadowrootmode=\"open\"><style>"));
        let layouts = html.matches("<div class=\"ttc-l\" data-w=\"").count();
        assert_eq!(layouts, fragment::style::BANDS.len(), "{}", case.name);
        assert_eq!(
            html.matches("' hidden><svg").count(),
            layouts - 1,
            "{}",
            case.name
        );
        assert!(html.contains("<div class=\"ttc-l\" data-w=\"640\" data-tips='"));
        assert_eq!(html.matches("</template>").count(), 1, "{}", case.name);
    }
}

/// The README publishes the style's CSP source; it must be the hash of the constant.
#[test]
fn the_readme_publishes_the_styles_hash() {
    use std::io::Write;
    let mut child = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sha256sum");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(fragment::style::STYLE.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("sha256sum output");
    let hex = String::from_utf8(out.stdout).expect("utf8");
    let bytes: Vec<u8> = (0..32)
        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex"))
        .collect();
    let source = format!("'sha256-{}'", base64(&bytes));
    let readme = std::fs::read_to_string("README.md").expect("README");
    assert!(readme.contains(&source), "README.md must publish {source}");
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
