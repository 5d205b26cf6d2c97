#![cfg(not(target_arch = "wasm32"))]
//! The core's imports point one way: model ← read ← rules ← text ← the
//! `Catalog` facade ← wasm (docs in src/lib.rs). This test reads every
//! `crate::…` path in `src/` and fails on an import against that order, or
//! on any circle between files.

use std::collections::{BTreeMap, BTreeSet};

const LAYERS: [&str; 6] = ["model", "read", "rules", "text", "catalog", "wasm"];

mod common;

/// Module (e.g. `rules::cart`) → the source text of its file.
fn modules() -> BTreeMap<String, String> {
    common::source_files("src", "rs")
        .into_iter()
        .map(|(path, text)| {
            let name = path.with_extension("").to_str().unwrap().replace('/', "::");
            (name.trim_end_matches("::mod").to_owned(), text)
        })
        .collect()
}

/// The modules `source` names through `crate::layer::module` paths.
fn imports(source: &str, known: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        let path: String =
            source[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        // The longest known module the path starts with.
        for n in (1..=segments.len().min(2)).rev() {
            let module = segments[..n].join("::");
            if known.contains_key(&module) {
                found.insert(module);
                break;
            }
        }
    }
    found
}

fn layer(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    LAYERS.iter().position(|l| *l == top)
}

#[test]
fn imports_point_from_model_up_to_the_facade_never_back() {
    let modules = modules();
    assert!(modules.len() > 15, "found the source files: {:?}", modules.keys());
    let mut wrong = Vec::new();
    for (module, source) in &modules {
        let Some(own) = layer(module) else { continue };
        for target in imports(source, &modules) {
            if layer(&target).is_some_and(|l| l > own) {
                wrong.push(format!("{module} imports {target}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layer order: {wrong:#?}");
}

#[test]
fn no_file_imports_itself_through_others() {
    let modules = modules();
    let graph: BTreeMap<&str, BTreeSet<String>> = modules
        .iter()
        .map(|(m, source)| (m.as_str(), imports(source, &modules).into_iter().filter(|t| t != m).collect()))
        .collect();
    // Depth-first search for a back edge.
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<&str, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, bool>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(true) => return None,
            Some(false) => {
                let from = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut circle: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                circle.push(node.to_owned());
                return Some(circle);
            }
            None => {}
        }
        state.insert(node, false);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, state, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        state.insert(node, true);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        let circle = visit(node, &graph, &mut state, &mut Vec::new());
        assert!(circle.is_none(), "an import circle: {}", circle.unwrap_or_default().join(" → "));
    }
}
