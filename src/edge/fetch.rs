//! Fetching another team's content file, from this site only.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Resolves `url` against the page and refuses other origins: the widget
/// must make no request outside its own site.
pub fn same_origin_url(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = window
        .location()
        .href()
        .map_err(|_| "the page address cannot be read")?;
    let resolved = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| format!("\"{url}\" is not a valid address"))?;
    let origin = window
        .location()
        .origin()
        .map_err(|_| "the page origin cannot be read")?;
    if resolved.origin() != origin {
        return Err(format!(
            "\"{url}\" is on another site ({}); content files must come from this site ({origin})",
            resolved.origin()
        ));
    }
    Ok(resolved.href())
}

/// The text of a same-origin file, or a message saying why not. `fresh`
/// asks the server again even if the browser holds a copy (a content file
/// a team edits); otherwise the browser's cache and the page's preload of
/// it are used.
pub async fn same_origin_text(url: &str, fresh: bool) -> Result<String, String> {
    let address = same_origin_url(url)?;
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    if fresh {
        init.set_cache(web_sys::RequestCache::NoCache);
    }
    let response = JsFuture::from(window.fetch_with_str_and_init(&address, &init))
        .await
        .map_err(|_| format!("\"{address}\" could not be loaded (network error)"))?;
    let response: Response = response.dyn_into().map_err(|_| "unexpected fetch result")?;
    if !response.ok() {
        return Err(format!(
            "\"{address}\" could not be loaded (HTTP {})",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| format!("\"{url}\" could not be read"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| format!("\"{url}\" could not be read as text"))
}
