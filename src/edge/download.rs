//! Saving a file to the person's computer, made in the page: nothing is
//! uploaded. Used to export answers and to hand over unreadable data.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `file_name`. Returns false when the
/// browser refused (the caller then says so).
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let attempt = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = BlobPropertyBag::new();
        options.set_type(mime);
        let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        let _ = Url::revoke_object_url(&url);
        Some(())
    };
    attempt().is_some()
}
