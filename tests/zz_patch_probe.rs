use trade_target_chart::json::Json;
use trade_target_chart::markup::{elements, patch, Patch};
#[test]
fn probe() {
    let base: serde_json::Value = serde_json::from_str(include_str!("../src/data/china-russia.json")).unwrap();
    let mut docs = vec![];
    for i in 1..4u64 {
        let mut v = base.clone();
        for (k, p) in v["series"].as_array_mut().unwrap().iter_mut().enumerate() {
            let f = 0.85 + 0.3 * (((i * 7919 + k as u64 * 104729) % 1000) as f64 / 1000.0);
            let val = p["value"].as_f64().unwrap();
            p["value"] = serde_json::json!(((val * f * 100.0).round()) / 100.0);
        }
        let j: Json = serde_json::from_value(v).unwrap();
        docs.push(trade_target_chart::render_svg(&j, 640.0, None).unwrap());
    }
    for w in docs.windows(2) {
        let old: Vec<String> = elements(&w[0]).into_iter().map(String::from).collect();
        let steps = patch(&old, &elements(&w[1])).unwrap();
        let (mut a, mut r, mut sets) = (0, 0, 0);
        for s in &steps { match s { Patch::Attributes{set,text,..} => {a+=1; sets += set.len() + text.is_some() as usize}, Patch::Replace{..} => r+=1, other => println!("{other:?}") } }
        println!("elements {} -> {}: attrs-steps {a} writes {sets} replace {r}", old.len(), elements(&w[1]).len());
    }
}
