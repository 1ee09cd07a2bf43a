//! Work for an idle moment of the page (the hidden table's and description's catch-up,
//! see describe.rs), cancellable when the chart goes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A callback for an idle moment of the page: `requestIdleCallback` (with a deadline, so
/// a busy page still gets it within 300 ms), else a timer.
pub(super) struct Later {
    pub(super) callback: Closure<dyn FnMut()>,
    /// The pending request, (idle callback?, handle), so destroy can cancel it: the
    /// callback is freed with the chart, and calling a freed closure throws.
    pub(super) pending: std::cell::Cell<Option<(bool, u32)>>,
}

impl Later {
    pub(super) fn cancel(&self) {
        if let (Some((idle, handle)), Some(window)) = (self.pending.take(), web_sys::window()) {
            if idle {
                window.cancel_idle_callback(handle);
            } else {
                window.clear_timeout_with_handle(i32::try_from(handle).unwrap_or(0));
            }
        }
    }

    pub(super) fn schedule(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let f: &js_sys::Function = self.callback.as_ref().unchecked_ref();
        let has_idle =
            js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
        let idle = if has_idle {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(300);
            window.request_idle_callback_with_options(f, &options).ok()
        } else {
            None
        };
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
