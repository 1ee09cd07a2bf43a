//! Work for an idle moment of the page (the hidden table's and description's catch-up,
//! see describe.rs), cancellable when the chart goes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A callback for an idle moment of the page: `requestIdleCallback` (with a deadline, so
/// a busy page still gets it within 300 ms), else a timer.
pub(super) struct Later {
    /// Called with the idle deadline or nothing (a timer), which it ignores: one
    /// argument, as every closure of the chart (see `Chart`).
    callback: Closure<dyn FnMut(JsValue)>,
    /// The pending request, (idle callback?, handle), so destroy can cancel it: the
    /// callback is freed with the chart, and calling a freed closure throws.
    pending: std::cell::Cell<Option<(bool, u32)>>,
    /// `{ timeout: 300 }` when the page has `requestIdleCallback`, asked once: asking and
    /// building the options for each request was four crossings of the wasm boundary.
    idle: Option<web_sys::IdleRequestOptions>,
    /// When work was last added (`Date.now()`), for `linger`.
    added: std::cell::Cell<f64>,
}

/// How long after the last added work a callback that has done its work asks to run
/// again anyway (see `linger`).
const LINGER_MS: f64 = 500.0;

impl Later {
    pub(super) fn new(callback: Closure<dyn FnMut(JsValue)>) -> Later {
        // Read as a property (`Reflect.get`, which the spec reader imports anyway) and
        // the options as JSON (see `convert::options`): fewer imports.
        let has_idle = web_sys::window().is_some_and(|w| {
            js_sys::Reflect::get(&w, &"requestIdleCallback".into()).is_ok_and(|f| f.is_function())
        });
        let idle = has_idle.then(|| {
            super::convert::options(r#"{"timeout":300}"#)
                .unchecked_into::<web_sys::IdleRequestOptions>()
        });
        Later {
            callback,
            pending: std::cell::Cell::new(None),
            idle,
            added: std::cell::Cell::new(0.0),
        }
    }

    /// Work was added: the callback is asked for unless it already is. A burst of data
    /// updates (a slider at 60 frames a second) finds it asked already: see `linger`.
    pub(super) fn add(&self) {
        self.added.set(js_sys::Date::now());
        if self.pending.get().is_none() {
            self.schedule();
        }
    }

    /// Called by the callback once its work is done: within `LINGER_MS` of the last
    /// added work it asks to run again (in an idle moment, where that costs nobody), so
    /// the next update of a burst need not ask. Asking cost 0.03-0.06 ms of a 1.4 ms
    /// update (profiled), reading the clock next to nothing.
    pub(super) fn linger(&self) {
        self.pending.set(None);
        if js_sys::Date::now() - self.added.get() < LINGER_MS {
            self.schedule();
        }
    }

    pub(super) fn cancel(&self) {
        if let (Some((idle, handle)), Some(window)) = (self.pending.take(), web_sys::window()) {
            if idle {
                window.cancel_idle_callback(handle);
            } else {
                window.clear_timeout_with_handle(i32::try_from(handle).unwrap_or(0));
            }
        }
    }

    fn schedule(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let f: &js_sys::Function = self.callback.as_ref().unchecked_ref();
        let idle = self
            .idle
            .as_ref()
            .and_then(|options| window.request_idle_callback_with_options(f, options).ok());
        let pending = match idle {
            Some(handle) => Some((true, handle)),
            None => window
                .set_timeout_with_callback_and_timeout_and_arguments_0(f, 50)
                .ok()
                .and_then(|h| u32::try_from(h).ok())
                .map(|h| (false, h)),
        };
        self.pending.set(pending);
    }
}
