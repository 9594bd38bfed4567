//! Reading a file the person chose or dropped, and the clipboard.

use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// Exports are a few kilobytes; anything over this is refused unread.
pub const MAX_IMPORT_BYTES: f64 = 1_048_576.0;

/// The text of a chosen file, refusing large files before reading them.
pub async fn read_text(file: &File) -> Result<String, String> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES {
        return Err(format!(
            "\u{201c}{}\u{201d} is {} KB; a self-check export is far smaller, so the file was not read (the most is 1024 KB).",
            file.name(),
            (size / 1024.0).ceil() as u64
        ));
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| format!("\u{201c}{}\u{201d} could not be read as text.", file.name()))
}

/// Copies text to the clipboard; false when the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .is_ok()
}
